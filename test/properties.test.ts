import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeArticle } from '../src/analyze/index.ts';
import { cleanRawText } from '../src/clean/clean.ts';
import { makeRawArticle } from '../src/core/article.ts';
import { documentFromJson, documentToJson, findSpanProblem } from '../src/core/document.ts';
import { normalizeArabic } from '../src/text/normalize.ts';
import { splitSentences } from '../src/text/sentences.ts';
import { tokenize } from '../src/text/tokenize.ts';

// Arabic-heavy text with the punctuation, marks and leftovers news text carries, plus any Unicode at all.
const pieces = [
  'قال', 'وأعلن', 'الكرملين', 'بيسكوف', 'لكيم', 'إن', 'أن', 'بأن', '«', '»', '"', '“', '”', ':', '،', '.', '..', '…', '؟',
  '\n', ' ', '[ad_1]', 'Source link', 'اقرأ أيضاً:', 'سو-35', '1,200', '٢٠٢٣', 'https://example.com/a.', 'ـ', 'َ', '\u200f', '(', ')',
];
const newsLike = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((parts) => parts.join(''));
const anyText = fc.oneof(newsLike, fc.string({ unit: 'grapheme', maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 }));

describe('properties over arbitrary text', () => {
  it('tokens and sentences are ordered, in range, and slice the text exactly', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const tokens = tokenize(text);
        let end = 0;
        for (const token of tokens) {
          assert.ok(token.start >= end && token.end > token.start && token.end <= text.length);
          assert.equal(text.slice(token.start, token.end), token.text);
          end = token.end;
        }
        for (const sentence of splitSentences(text, tokens)) assert.equal(text.slice(sentence.start, sentence.end), sentence.text);
      }),
      { numRuns: 400 },
    );
  });

  it('cleaning keeps a faithful map back to the raw text', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const { cleanText, offsetMap, removed } = cleanRawText(raw);
        for (const s of offsetMap) {
          assert.equal(cleanText.slice(s.cleanStart, s.cleanStart + s.length), raw.slice(s.rawStart, s.rawStart + s.length));
        }
        for (const r of removed) assert.equal(raw.slice(r.raw.start, r.raw.end), r.text);
      }),
      { numRuns: 400 },
    );
  });

  it('the analyzer never throws, its spans are valid, and its JSON round-trips', () => {
    fc.assert(
      fc.property(anyText, fc.option(newsLike, { nil: undefined }), (text, title) => {
        const doc = analyzeArticle(makeRawArticle({ source: { kind: 'inline' }, rawText: text, ...(title ? { title } : {}) }));
        assert.equal(findSpanProblem(doc), undefined);
        for (const q of doc.annotations.quotes ?? []) assert.equal(doc.article.cleanText.slice(q.start, q.end), q.text);
        assert.deepEqual(documentFromJson(documentToJson(doc)), doc);
      }),
      { numRuns: 300 },
    );
  });

  it('normalization is idempotent', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = normalizeArabic(text);
        assert.equal(normalizeArabic(once), once);
      }),
      { numRuns: 500 },
    );
  });
});
