import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../src/analyze/index.ts';
import { findSpanProblem } from '../src/core/document.ts';
import { parsePlainText } from '../src/ingest/plain-text.ts';
import { SEED_GOLD_PATH, seedText } from './fixtures.ts';

interface SeedGold {
  boilerplate_lines: string[];
  headline: { given: string; body_headline: string };
}

describe('the founding example, analyzed end to end', () => {
  const gold = JSON.parse(readFileSync(SEED_GOLD_PATH, 'utf8')) as SeedGold;
  const doc = analyzeArticle(parsePlainText(seedText(), { kind: 'file', location: 'article.txt' }));
  const text = doc.article.cleanText;

  it('removes both boilerplate lines and reports them as spans', () => {
    assert.deepEqual(
      doc.annotations.boilerplate.map((r) => r.text),
      gold.boilerplate_lines,
    );
    for (const removal of doc.annotations.boilerplate) {
      assert.equal(doc.article.rawText.slice(removal.raw.start, removal.raw.end), removal.text);
      assert.ok(removal.start === removal.end && removal.start <= text.length);
      assert.ok(!text.includes(removal.text));
    }
  });

  it('keeps the given title apart and reports the first body line as the body’s headline', () => {
    assert.equal(doc.article.title, gold.headline.given);
    assert.deepEqual(
      doc.annotations.headlines.map((h) => h.text),
      [gold.headline.body_headline],
    );
  });

  it('gives sentences and tokens whose offsets slice the clean text exactly', () => {
    assert.equal(findSpanProblem(doc), undefined);
    for (const layer of [doc.annotations.tokens, doc.annotations.sentences, doc.annotations.headlines]) {
      assert.ok(layer.length > 0);
      for (const span of layer) assert.equal(text.slice(span.start, span.end), span.text);
    }
    for (const token of doc.annotations.tokens) {
      for (const part of token.parts ?? []) assert.equal(text.slice(part.start, part.end), part.text);
    }
    assert.equal(doc.annotations.sentences.length, 31);
  });
});
