import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { makeRawArticle } from '../../core/article.ts';
import { analyzeArticle } from '../index.ts';
import { type EntityGold, evaluateEntities, formatEntityReport } from './evaluate.ts';

const fixtures = new URL('../../../test/fixtures/seed/', import.meta.url);
const gold = JSON.parse(readFileSync(new URL('gold.json', fixtures), 'utf8')) as EntityGold;
const doc = analyzeArticle(
  makeRawArticle({
    source: { kind: 'file', location: 'seed' },
    rawText: readFileSync(new URL('article.txt', fixtures), 'utf8'),
  }),
);

describe('evaluateEntities', () => {
  it('finds every gold entity of the seed, typed and linked, none merged', () => {
    const report = evaluateEntities(doc, gold);
    assert.equal(report.found, gold.entities.length);
    assert.equal(report.typed, report.found);
    assert.equal(report.surfacesFound, report.surfaces);
    assert.equal(report.linked, report.linkable);
    assert.ok(report.linkable >= 5);
    assert.equal(report.merged, 0);
    assert.match(formatEntityReport(report, 'seed'), /gold entities 30, found 30/);
  });

  it('counts a split entity and two gold entities merged into one', () => {
    const kim = gold.entities.find((e) => e.mentions.includes('كيم جونغ أون'))!;
    const putin = gold.entities.find((e) => e.mentions.some((m) => m.includes('بوتين')))!;
    // One gold entity holding two people's surfaces is split; the same two as separate gold entities are not.
    const split = evaluateEntities(doc, {
      entities: [{ ...kim, mentions: [...kim.mentions, ...putin.mentions] }],
    });
    assert.equal(split.linked, 0);
    assert.equal(split.linkable, 1);
    const merged = evaluateEntities(doc, { entities: [kim, { ...kim, canonical: 'Kim again' }] });
    assert.equal(merged.merged, 2);
  });
});
