import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../src/analyze/index.ts';
import { evaluateQuotes, type QuoteGold } from '../src/analyze/quotes/index.ts';
import { parsePlainText } from '../src/ingest/plain-text.ts';
import { SEED_GOLD_PATH, seedText } from './fixtures.ts';

// Acceptance of the quotations issue, scored against the seed's hand-made gold file only.
describe('quotations in the founding example, against its gold', () => {
  const gold = JSON.parse(readFileSync(SEED_GOLD_PATH, 'utf8')) as QuoteGold;
  const doc = analyzeArticle(parsePlainText(seedText(), { kind: 'file', location: 'article.txt' }));
  const report = evaluateQuotes(doc, gold);

  it('finds every gold quote (≥ 90% of its text covered)', () => {
    assert.equal(report.found, gold.quotes.length, report.misses.join('\n'));
  });

  it('names the right speaker for at least 17 and the right kind for at least 16', () => {
    assert.ok(report.speakerRight >= 17, `speaker right ${report.speakerRight}\n${report.misses.join('\n')}`);
    assert.ok(report.kindRight >= 16, `kind right ${report.kindRight}\n${report.misses.join('\n')}`);
  });

  it('reports none of the not-quotes (names, titles, scare quotes)', () => {
    assert.equal(report.notQuotesReported, 0, report.misses.join('\n'));
  });

  it('gives each quote offsets for its text, cue and speaker that slice the clean text', () => {
    const text = doc.article.cleanText;
    for (const quote of doc.annotations.quotes ?? []) {
      assert.equal(text.slice(quote.start, quote.end), quote.text);
      for (const span of [quote.cue, quote.speaker, quote.audience, quote.channel, quote.relay, quote.date]) {
        if (span !== undefined) assert.equal(text.slice(span.start, span.end), span.text);
      }
    }
  });
});
