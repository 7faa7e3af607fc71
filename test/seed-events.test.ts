import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { type EventGold, evaluateEvents } from '../src/analyze/events/index.ts';
import { analyzeArticle } from '../src/analyze/index.ts';
import { parsePlainText } from '../src/ingest/plain-text.ts';
import { eventExportRow } from '../src/store/layers.ts';
import { SEED_GOLD_PATH, seedText } from './fixtures.ts';

// Acceptance of the events issue against the seed's hand-made gold (publication date given, as on the command line).
describe('events in the founding example, against its gold', () => {
  const gold = JSON.parse(readFileSync(SEED_GOLD_PATH, 'utf8')) as EventGold;
  const raw = parsePlainText(seedText(), { kind: 'file', location: 'article.txt' });
  const doc = analyzeArticle({ ...raw, publishedAt: '2023-09-15' });
  const report = evaluateEvents(doc, gold);

  it('finds at least 10 of the 12 gold events with the right type, source and targets', () => {
    assert.equal(report.goldEvents, 12);
    assert.ok(report.foundEvents >= 10, `found ${report.foundEvents}\n${report.misses.join('\n')}`);
  });

  it('codes no AGREE for the agreement the Kremlin denies, but a denial by the Kremlin', () => {
    assert.equal(report.deniedCodedAsActs, 0);
    const text = doc.article.cleanText;
    const denied = text.indexOf('أكد الكرملين عدم توقيع');
    const events = doc.annotations.events ?? [];
    assert.ok(!events.some((e) => e.type === 'AGREE' && !e.negated && e.trigger.text.includes('توقيع')));
    const denial = events.find((e) => e.type === 'REJECT' && e.mode === 'deny' && e.trigger.start > denied);
    assert.equal(denial?.source?.name, 'Kremlin');
    assert.equal(denial?.denies?.type, 'AGREE');
  });

  it('keeps a precision floor over distinct coded events (measured 68%)', () => {
    assert.ok(report.pairs.matched / report.pairs.predicted >= 0.55, `${report.pairs.matched}/${report.pairs.predicted}`);
  });

  it('gives every event offsets that slice the clean text, and its clause date', () => {
    const text = doc.article.cleanText;
    for (const e of doc.annotations.events ?? []) {
      assert.equal(text.slice(e.start, e.end), e.text);
      assert.equal(text.slice(e.trigger.start, e.trigger.end), e.trigger.text);
      for (const actor of [e.source, e.target, e.location]) if (actor) assert.equal(text.slice(actor.start, actor.end), actor.text);
    }
    const visit = (doc.annotations.events ?? []).find((e) => e.trigger.text === 'زار');
    assert.equal(visit?.time?.value, '2023-09-15');
    assert.equal(visit?.location?.name, 'Komsomolsk-on-Amur');
  });

  it('exports GDELT-like columns computed from the stored event JSON', () => {
    const events = doc.annotations.events ?? [];
    const idx = events.findIndex((e) => e.trigger.text === 'زار');
    const row = eventExportRow({ articleId: doc.article.id, idx, data: JSON.stringify(events[idx]), publishedAt: '2023-09-15' });
    assert.deepEqual(
      [row.date, row.sourceName, row.sourceCountry, row.targetName, row.targetCountry, row.type, row.mode, row.cameo, row.cameoRoot, row.negated],
      ['2023-09-15', 'Kim Jong Un', 'PRK', 'Russia', 'RUS', 'CONSULT', 'visit', '042', '04', 0],
    );
    assert.equal(row.location, 'Komsomolsk-on-Amur');
    assert.equal(row.trigger, 'زار');
  });
});
