import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seedText } from '../../../test/fixtures.ts';
import { analyzeArticle } from '../../analyze/index.ts';
import { parsePlainText } from '../../ingest/plain-text.ts';
import type { MatchReason } from '../types.ts';
import { compileWatchQuery, matchWatchlist } from './match.ts';

// The founding example (test/fixtures/seed/article.txt), analyzed with its publication date as on the command line.
const raw = parsePlainText(seedText(), { kind: 'file', location: 'article.txt' });
const doc = analyzeArticle({ ...raw, publishedAt: '2023-09-15' });
const text = doc.article.cleanText;

function assertSpans(reasons: readonly MatchReason[]): void {
  for (const r of reasons)
    if (r.kind !== 'source') assert.equal(text.slice(r.start, r.end), r.text, `${r.kind} span`);
}

describe('matching a watchlist against the seed article', () => {
  it('finds quotes by Peskov whatever the reference: surname, full name, actor key, English name', () => {
    for (const speaker of ['بيسكوف', 'دميتري بيسكوف', 'ديمتري بيسكوف', 'actor:dmitry-peskov', 'Peskov']) {
      const match = matchWatchlist({ speaker }, doc);
      assert.ok(match, speaker);
      assert.equal(match.reasons[0]?.kind, 'quote');
      assert.equal(match.reasons[0]?.detail, 'Dmitry Peskov');
      assert.match(match.reasons[0]?.text ?? '', /توقيع/);
      assertSpans(match.reasons);
    }
  });

  it('finds an event of the given types whose source is a country code, on the same event', () => {
    const match = matchWatchlist({ eventTypes: ['THREATEN', 'SANCTION'], eventSource: 'KOR' }, doc);
    assert.ok(match);
    assert.equal(match.reasons.length, 1);
    assert.match(match.reasons[0]?.detail ?? '', /^THREATEN: South Korea → /);
    assertSpans(match.reasons);
    // South Korea threatens Russia, not the other way round; and Japan threatens no one here.
    assert.equal(
      matchWatchlist({ eventTypes: ['THREATEN'], eventSource: 'RUS', eventTarget: 'KOR' }, doc),
      undefined,
    );
    assert.equal(matchWatchlist({ eventTypes: ['THREATEN'], eventSource: 'JPN' }, doc), undefined);
  });

  it('keeps type, source and target on one event: Putin consults Kim, Kim is the target', () => {
    const match = matchWatchlist({ eventTypes: ['CONSULT'], eventSource: 'بوتين', eventTarget: 'كيم' }, doc);
    assert.equal(match?.reasons[0]?.detail, 'CONSULT: Vladimir Putin → Kim Jong Un');
    assert.equal(
      matchWatchlist({ eventTypes: ['SANCTION'], eventSource: 'بوتين', eventTarget: 'كيم' }, doc),
      undefined,
    );
  });

  it('needs every actor named: Kim and Putin both are, Biden is not', () => {
    const match = matchWatchlist({ actors: ['كيم جونغ أون', 'بوتين'] }, doc);
    assert.deepEqual(
      match?.reasons.map((r) => [r.kind, r.detail]),
      [
        ['actor', 'Kim Jong Un'],
        ['actor', 'Vladimir Putin'],
      ],
    );
    assertSpans(match?.reasons ?? []);
    assert.equal(matchWatchlist({ actors: ['بايدن'] }, doc), undefined);
    assert.equal(matchWatchlist({ actors: ['كيم جونغ أون', 'بايدن'] }, doc), undefined);
    assert.equal(matchWatchlist({ actors: ['actor:joe-biden'] }, doc), undefined);
  });

  it('reads a lone country code in `actors` as the country itself', () => {
    assert.equal(matchWatchlist({ actors: ['KOR'] }, doc)?.reasons[0]?.detail, 'South Korea');
    assert.equal(matchWatchlist({ actors: ['BRA'] }, doc), undefined);
  });

  it('matches text with the search syntax: phrases as consecutive words, prefixes, clitic forms', () => {
    const phrase = matchWatchlist({ text: '"برنامجها النووي"' }, doc);
    assert.equal(phrase?.reasons[0]?.text, 'برنامجها النووي');
    assert.equal(matchWatchlist({ text: '"النووي برنامجها"' }, doc), undefined);
    const prefix = matchWatchlist({ text: 'كومسومول*' }, doc);
    assert.ok(prefix);
    // الكرملين is found written as والكرملين in the headline.
    assert.equal(matchWatchlist({ text: 'الكرملين' }, doc)?.reasons[0]?.text, 'والكرملين');
    assert.equal(matchWatchlist({ text: 'الكرملين فنزويلا' }, doc), undefined);
    assertSpans([...(phrase?.reasons ?? []), ...(prefix?.reasons ?? [])]);
  });

  it('matches the source by URL host or outlet name', () => {
    assert.equal(
      matchWatchlist({ source: 'aljazeera.net' }, doc, { url: 'https://www.aljazeera.net/news/1' })
        ?.reasons[0]?.kind,
      'source',
    );
    assert.ok(matchWatchlist({ source: 'الجزيرة' }, doc, { outlet: 'قناة الجزيرة' }));
    assert.equal(
      matchWatchlist({ source: 'aljazeera.net' }, doc, { url: 'https://notaljazeera.net/x' }),
      undefined,
    );
    assert.equal(matchWatchlist({ source: 'bbc.com' }, doc), undefined);
  });

  it('requires every condition together, with one reason per condition', () => {
    const match = matchWatchlist(
      { speaker: 'بيسكوف', actors: ['بوتين'], text: 'اتفاق', source: 'aawsat.com' },
      doc,
      { url: 'https://aawsat.com/a' },
    );
    assert.deepEqual(
      match?.reasons.map((r) => r.kind),
      ['source', 'text', 'actor', 'quote'],
    );
    assert.equal(matchWatchlist({ speaker: 'بيسكوف', actors: ['بايدن'] }, doc), undefined);
  });

  it('matches nothing with an empty query, so a blank watchlist cannot flood a webhook', () => {
    assert.equal(matchWatchlist({}, doc), undefined);
  });

  it('compiles once and matches many documents', () => {
    const matcher = compileWatchQuery({ speaker: 'بيسكوف' });
    assert.ok(matcher(doc));
    const other = analyzeArticle({
      ...parsePlainText('قال وزير الخارجية السعودي إن المملكة ترحب بالاتفاق.', { kind: 'inline' }),
    });
    assert.equal(matcher(other), undefined);
  });
});

describe('the watchlists folder', () => {
  it('imports no Node module, so the UI can match in the browser', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('.', import.meta.url);
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
      const source = readFileSync(new URL(name, dir), 'utf8');
      assert.doesNotMatch(
        source,
        /from\s+['"](node:|fs|path|http|https|crypto|better-sqlite3|pg)['"/]/,
        name,
      );
    }
  });
});
