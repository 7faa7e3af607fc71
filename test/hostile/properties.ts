import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeArticle } from '../../src/analyze/index.ts';
import { cleanRawText } from '../../src/clean/clean.ts';
import { makeRawArticle } from '../../src/core/article.ts';
import { RasdError } from '../../src/core/errors.ts';
import { documentFromJson, documentToJson, findSpanProblem } from '../../src/core/document.ts';
import { decodeWeb } from '../../src/ingest/charset.ts';
import { unsafeXmlReason } from '../../src/ingest/feed.ts';
import { htmlToLines } from '../../src/ingest/html/blocks.ts';
import { nestsDeeperThan } from '../../src/ingest/html/depth.ts';
import { scanHtmlText } from '../../src/ingest/html/scan-text.ts';
import { splitLines } from '../../src/ingest/lines.ts';
import { guessScript } from '../../src/ingest/script.ts';
import { decodeTextFile } from '../../src/ingest/text-decode.ts';
import { normalizeArabic } from '../../src/text/normalize.ts';
import { splitSentences } from '../../src/text/sentences.ts';
import { tokenize } from '../../src/text/tokenize.ts';

// Arabic-heavy text with the punctuation, marks and leftovers news text carries, plus any Unicode at all.
const pieces = [
  'قال', 'وأعلن', 'الكرملين', 'بيسكوف', 'لكيم', 'إن', 'أن', 'بأن', '«', '»', '"', '“', '”', ':', '،', '.', '..', '…', '؟',
  '\n', ' ', '[ad_1]', 'Source link', 'اقرأ أيضاً:', 'سو-35', '1,200', '٢٠٢٣', 'https://example.com/a.', 'ـ', 'َ', '\u200f', '(', ')',
  '\u202e', '\u200d', '\u200b', '\u0000', '\uFFFD', '\uD800', 'ﻻ', 'Kremlin', 'Кремль', '克里姆林宫',
];
export const newsLike = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((parts) => parts.join(''));
export const anyText = fc.oneof(newsLike, fc.string({ unit: 'grapheme', maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 }));
const htmlPieces = ['<div>', '</div>', '<p>', '</p>', '<script>', '</script>', '<!--', '-->', '<a href="javascript:x">', '</a>', '&amp;', '&#0;', '&#99999999;', '&#x110000;', '<', '>', 'نص', ' ', '\n', '<br/>', '<style>', '</style>', '<title>', '</title>'];
const htmlLike = fc.array(fc.oneof(fc.constantFrom(...htmlPieces), fc.string({ maxLength: 5 })), { maxLength: 80 }).map((parts) => parts.join(''));
const anyBytes = fc.oneof(fc.uint8Array({ maxLength: 200 }), anyText.map((t) => new TextEncoder().encode(t)));

/** A named property with the number of runs CI gives it; the fuzz script multiplies the runs. */
export interface NamedProperty {
  readonly name: string;
  readonly property: fc.IRawProperty<unknown>;
  readonly runs: number;
}

/** Only RasdError may escape an ingest decoder: anything else is a bug. */
function onlyRasdErrors(action: () => unknown): void {
  try {
    action();
  } catch (error) {
    if (!(error instanceof RasdError)) throw error;
  }
}

export const PROPERTIES: readonly NamedProperty[] = [
  {
    name: 'tokens and sentences are ordered, in range, and slice the text exactly',
    runs: 400,
    property: fc.property(anyText, (text) => {
      const tokens = tokenize(text);
      let end = 0;
      for (const token of tokens) {
        assert.ok(token.start >= end && token.end > token.start && token.end <= text.length);
        assert.equal(text.slice(token.start, token.end), token.text);
        end = token.end;
      }
      let sentenceEnd = 0;
      for (const sentence of splitSentences(text, tokens)) {
        assert.ok(sentence.start >= sentenceEnd && sentence.end >= sentence.start && sentence.end <= text.length);
        assert.equal(text.slice(sentence.start, sentence.end), sentence.text);
        sentenceEnd = sentence.end;
      }
    }),
  },
  {
    name: 'cleaning keeps a faithful, in-range map back to the raw text',
    runs: 400,
    property: fc.property(anyText, (raw) => {
      const { cleanText, offsetMap, removed } = cleanRawText(raw);
      for (const s of offsetMap) {
        assert.ok(s.cleanStart >= 0 && s.cleanStart + s.length <= cleanText.length && s.rawStart + s.length <= raw.length);
        assert.equal(cleanText.slice(s.cleanStart, s.cleanStart + s.length), raw.slice(s.rawStart, s.rawStart + s.length));
      }
      for (const r of removed) assert.equal(raw.slice(r.raw.start, r.raw.end), r.text);
    }),
  },
  {
    name: 'the analyzer never throws, its spans are valid, and its JSON round-trips',
    runs: 300,
    property: fc.property(anyText, fc.option(newsLike, { nil: undefined }), (text, title) => {
      const doc = analyzeArticle(makeRawArticle({ source: { kind: 'inline' }, rawText: text, ...(title ? { title } : {}) }));
      assert.equal(findSpanProblem(doc), undefined);
      for (const q of doc.annotations.quotes ?? []) assert.equal(doc.article.cleanText.slice(q.start, q.end), q.text);
      assert.deepEqual(documentFromJson(documentToJson(doc)), doc);
    }),
  },
  {
    name: 'normalization is idempotent',
    runs: 500,
    property: fc.property(anyText, (text) => {
      const once = normalizeArabic(text);
      assert.equal(normalizeArabic(once), once);
    }),
  },
  {
    name: 'text decoding of any bytes gives text or a RasdError, never another exception',
    runs: 500,
    property: fc.property(anyBytes, (bytes) => {
      onlyRasdErrors(() => decodeTextFile(bytes, 'fuzz.txt'));
      assert.equal(typeof decodeWeb(bytes), 'string');
    }),
  },
  {
    name: 'HTML of any shape is read without throwing, and never yields script text',
    runs: 300,
    property: fc.property(htmlLike, (html) => {
      for (const text of [scanHtmlText(html), htmlToLines(html), htmlToLines(html, 0)]) {
        assert.equal(typeof text, 'string');
        assert.doesNotMatch(text, /\u0000/);
      }
      nestsDeeperThan(html, 3);
      unsafeXmlReason(html);
    }),
  },
  {
    name: 'line splitting gives back every byte, whatever the chunking',
    runs: 300,
    property: fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 20 }), fc.integer({ min: 1, max: 64 }), async (chunks, max) => {
      const whole = Buffer.concat(chunks.map((c) => Buffer.from(c.map((b) => (b % 7 === 0 ? 0x0a : b)))));
      const lines: string[] = [];
      const source = (async function* () {
        let at = 0;
        for (const c of chunks) {
          yield whole.subarray(at, at + c.length);
          at += c.length;
        }
      })();
      for await (const line of splitLines(source, max)) {
        assert.equal(line.offset, lines.reduce((n, l) => n + l.length + 1, 0));
        if (line.kind === 'line') lines.push(Buffer.from(line.bytes).toString('latin1') + (whole[line.offset + line.bytes.length] === 0x0d ? '\r' : ''));
        else {
          assert.ok(line.length > max);
          lines.push('x'.repeat(line.length));
        }
      }
      const rebuilt = lines.join('\n');
      assert.equal(rebuilt.length, whole.length - (whole.length > 0 && whole[whole.length - 1] === 0x0a ? 1 : 0));
    }),
  },
  {
    name: 'script guessing never throws and calls short text Arabic',
    runs: 300,
    property: fc.property(anyText, (text) => {
      const guess = guessScript(text);
      assert.ok(guess.share >= 0 && guess.share <= 1);
      if (text.length < 20) assert.equal(guess.arabic, true);
    }),
  },
];

/** Runs every property; `seed` fixed in CI, `scale` multiplies the runs for a longer fuzz. */
export async function checkProperties(seed: number, scale = 1, only?: (p: NamedProperty) => boolean): Promise<{ name: string; runs: number; ms: number }[]> {
  const results: { name: string; runs: number; ms: number }[] = [];
  for (const p of PROPERTIES.filter(only ?? (() => true))) {
    const started = Date.now();
    const runs = Math.max(1, Math.round(p.runs * scale));
    await fc.assert(p.property as fc.IAsyncPropertyWithHooks<unknown>, { seed, numRuns: runs });
    results.push({ name: p.name, runs, ms: Date.now() - started });
  }
  return results;
}
