import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { corpusSample, seedText } from '../../test/fixtures.ts';
import type { Span } from '../core/span.ts';
import { normalizeWithOffsets } from '../text/normalize.ts';
import { indexText, indexWords, parseQuery, type QueryTerm } from './query.ts';
import { findMatches, makeSnippet, markHighlights } from './snippet.ts';

/**
 * The previous `findMatches` and `makeSnippet` (whole text normalized code point by code point, a regex over
 * it, every word compared with every term), kept as the oracle the fast path must equal exactly.
 */
function referenceFindMatches(display: string, terms: readonly QueryTerm[]): Span[] {
  const { text, sourceOffsets } = normalizeWithOffsets(display);
  const words: { norm: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}\p{Mn}\p{Co}]+/gu)) {
    const start = m.index ?? 0;
    words.push({
      norm: m[0],
      start: sourceOffsets[start] ?? 0,
      end: sourceOffsets[start + m[0].length] ?? display.length,
    });
  }
  const spans: Span[] = [];
  for (const term of terms) {
    const n = term.words.length;
    for (let i = 0; i + n <= words.length; i++) {
      let ok = true;
      for (let k = 0; k < n && ok; k++) {
        const want = term.words[k]!;
        const have = words[i + k]!.norm;
        ok =
          term.prefix && k === n - 1
            ? have.startsWith(want)
            : have === want || term.variants?.includes(have) === true;
      }
      if (ok) spans.push({ start: words[i]!.start, end: words[i + n - 1]!.end });
    }
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last !== undefined && span.start <= last.end)
      out[out.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    else out.push(span);
  }
  return out;
}

function referenceSnippet(display: string, terms: readonly QueryTerm[], width = 220) {
  const matches = referenceFindMatches(display, terms);
  let center = 0;
  let bestCount = -1;
  for (const match of matches) {
    const count = matches.filter((m) => m.start >= match.start && m.end <= match.start + width).length;
    if (count > bestCount) {
      bestCount = count;
      center = match.start;
    }
  }
  let start = matches.length === 0 ? 0 : Math.max(0, center - Math.floor(width / 4));
  let end = Math.min(display.length, start + width);
  if (start > 0) {
    const space = display.indexOf(' ', start);
    if (space !== -1 && space < center) start = space + 1;
  }
  if (end < display.length) {
    const space = display.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  const highlights = matches
    .filter((m) => m.start >= start && m.end <= end)
    .map((m) => ({ start: m.start - start, end: m.end - start }));
  return { snippet: { text: display.slice(start, end), highlights }, start };
}

/** Real texts: the seed, the 8 + 40 SaudiNewsNet fixture articles with their titles, and sample-500 when ../shared is there. */
function realTexts(): string[] {
  const texts = [seedText()];
  for (const a of corpusSample()) texts.push(a.title, a.text);
  const forty = new URL('../../test/fixtures/ingest/corpus-40.jsonl', import.meta.url);
  for (const line of readFileSync(forty, 'utf8').trim().split('\n')) {
    const a = JSON.parse(line) as { title: string; text: string };
    texts.push(a.title, a.text);
  }
  const shared = new URL('../../../shared/corpus/saudinewsnet/sample-500.jsonl', import.meta.url);
  if (existsSync(shared))
    for (const line of readFileSync(shared, 'utf8').trim().split('\n').slice(0, 60)) {
      const a = JSON.parse(line) as { title: string; text: string };
      texts.push(a.title, a.text);
    }
  return texts;
}

/** Queries of every kind, many taken from the texts themselves so they match: words, phrases, prefixes. */
function queriesFor(text: string, seed: number): string[] {
  const words = indexWords(indexText(text));
  const queries = [
    'الأمم المتحدة',
    '"ولي العهد"',
    'الرياض',
    'سعود*',
    'مكه المكرمه',
    'و',
    'ال*',
    '"المملكة"*',
  ];
  let state = seed;
  const pick = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return words[state % Math.max(1, words.length)] ?? 'قال';
  };
  for (let i = 0; i < 3; i++) {
    const w = pick();
    queries.push(w, `${w.slice(0, 3)}*`, `"${w} ${pick()}"`, `${pick()} ${pick()}`);
    // A phrase that really occurs: two consecutive words of the text.
    const at = state % Math.max(1, words.length - 1);
    if (words.length > 1)
      queries.push(`"${words[at]} ${words[at + 1]}"`, `"${words[at]} ${words[at + 1]?.slice(0, 2)}"*`);
  }
  return queries;
}

describe('findMatches and makeSnippet', () => {
  it('give exactly what the previous implementation gave, on real texts', () => {
    let compared = 0;
    let matched = 0;
    realTexts().forEach((text, n) => {
      for (const query of queriesFor(text, n + 1)) {
        const terms = parseQuery(query);
        const expected = referenceFindMatches(text, terms);
        assert.deepEqual(findMatches(text, terms), expected, query);
        assert.deepEqual(makeSnippet(text, terms), referenceSnippet(text, terms), query);
        assert.deepEqual(makeSnippet(text, terms, 80), referenceSnippet(text, terms, 80), query);
        compared++;
        if (expected.length > 0) matched++;
      }
    });
    // Most comparisons must have something to highlight, or they prove little.
    assert.ok(matched > compared / 2, `${matched} of ${compared} matched`);
  });

  it('give exactly what the previous implementation gave, on hostile text', () => {
    // Harakat, tatweel, ligatures (one code point → several), presentation forms, astral letters, lone
    // surrogates, bidi controls, Latin capitals and Persian letters: everything normalization touches.
    const alphabet = [
      'ا',
      'أ',
      'إ',
      'آ',
      'ل',
      'ر',
      'ي',
      'ى',
      'ة',
      'ه',
      'و',
      'ب',
      'ض',
      'ـ',
      'َ',
      'ّ',
      'ٰ',
      ' ',
      '،',
      '.',
      'ﻻ',
      'ﷲ',
      'ﷺ',
      'ﺍ',
      '٢',
      '۴',
      'ک',
      'ی',
      'A',
      'Ǆ',
      'ﬁ',
      '𝐀',
      '𝟏',
      '\u200f',
      '\u00ad',
      '\ud800',
      '\udc00',
      '\ue000',
      '𐀀',
      'é',
      '\u0301',
      '\n',
    ];
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }).map((chars) => chars.join(''));
    const query = fc
      .array(fc.constantFrom(...alphabet, '"', '*', ' '), { minLength: 1, maxLength: 12 })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, query, fc.integer({ min: 1, max: 40 }), (t, q, width) => {
        const terms = parseQuery(q);
        assert.deepEqual(findMatches(t, terms), referenceFindMatches(t, terms));
        assert.deepEqual(makeSnippet(t, terms, width), referenceSnippet(t, terms, width));
      }),
      { numRuns: 3000 },
    );
  });

  it('highlight a word as written, its diacritics and clitics included', () => {
    assert.deepEqual(findMatches('قالَ أحمد', parseQuery('احمد')), [{ start: 5, end: 9 }]);
    const { snippet } = makeSnippet('وصل الوفد بالرياضِ أمس', parseQuery('الرياض'));
    assert.equal(markHighlights(snippet), 'وصل الوفد [بالرياضِ] أمس');
  });

  it('handle texts longer than any buffer used so far', () => {
    const long = `${'كلمة '.repeat(50_000)}الرياض`;
    assert.deepEqual(findMatches(long, parseQuery('الرياض')), [{ start: 250_000, end: 250_006 }]);
  });
});
