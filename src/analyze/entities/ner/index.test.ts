import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Token } from '../../../core/annotations.ts';
import { tokenize } from '../../../text/tokenize.ts';
import { parseConll } from './conll.ts';
import { recognizeEntities, tagWords } from './index.ts';
import { spansOf } from './tags.ts';

const SLICE = parseConll(
  readFileSync(new URL('../../../../test/fixtures/ner/anercorp-test-slice.txt', import.meta.url), 'utf8'),
);

function namesIn(words: readonly string[], tags: readonly string[]): string[] {
  return spansOf(tags).map((s) => `${words.slice(s.start, s.end).join(' ')}/${s.type}`);
}

describe('tagWords on real ANERcorp test sentences', () => {
  it('finds the obvious names', () => {
    const found = new Set(SLICE.flatMap((s) => namesIn(s.words, tagWords(s.words))));
    for (const name of [
      'عبدالله الثاني/PER',
      'دونالد رامسفيلد/PER',
      'أفغانستان/LOC',
      'العراق/LOC',
      'الولايات المتحدة/LOC',
      'طالبان/ORG',
      'بواشنطن/LOC',
    ]) {
      assert.ok(found.has(name), `${name} not in ${[...found].slice(0, 40).join(', ')}`);
    }
  });

  it('tags every word, O outside names, and handles an empty sentence', () => {
    const words = SLICE[0]!.words;
    const tags = tagWords(words);
    assert.equal(tags.length, words.length);
    assert.equal(tags[words.indexOf('من')], 'O');
    assert.deepEqual(tagWords([]), []);
  });
});

describe('recognizeEntities', () => {
  it('reports names with offsets into the text, token indexes and a confidence', () => {
    const text = 'وقال الرئيس الروسي فلاديمير بوتين في موسكو إن بلاده لن تتراجع.';
    const tokens = tokenize(text);
    const mentions = recognizeEntities(tokens);
    const putin = mentions.find((m) => text.slice(m.start, m.end) === 'فلاديمير بوتين');
    assert.ok(putin, JSON.stringify(mentions));
    assert.equal(putin.type, 'PER');
    assert.equal(tokens[putin.tokenStart]!.text, 'فلاديمير');
    assert.equal(putin.tokenEnd - putin.tokenStart, 2);
    assert.ok(putin.confidence > 0 && putin.confidence <= 1);
    assert.ok(mentions.some((m) => text.slice(m.start, m.end) === 'موسكو' && m.type === 'LOC'));
  });

  it('starts a name after a proclitic that is not part of it, keeping the article', () => {
    // Hand-built tokens so the test does not depend on the tokenizer's clitic decisions.
    const text = 'واستقبل لكيم جونغ أون والكرملين';
    const word = (start: number, end: number, parts?: Token['parts']): Token => ({
      kind: 'token',
      text: text.slice(start, end),
      start,
      end,
      type: 'word',
      norm: text.slice(start, end),
      ...(parts ? { parts } : {}),
    });
    const tokens = [
      word(0, 7),
      word(8, 12, [
        { text: 'ل', start: 8, end: 9, role: 'preposition' },
        { text: 'كيم', start: 9, end: 12, role: 'base' },
      ]),
      word(13, 17),
      word(18, 21),
      word(22, 31, [
        { text: 'و', start: 22, end: 23, role: 'conjunction' },
        { text: 'ال', start: 23, end: 25, role: 'article' },
        { text: 'كرملين', start: 25, end: 31, role: 'base' },
      ]),
    ];
    const mentions = recognizeEntities(tokens);
    const kim = mentions.find((m) => m.tokenStart === 1);
    assert.ok(kim, JSON.stringify(mentions));
    assert.equal(text.slice(kim.start, kim.end), 'كيم جونغ أون');
    const kremlin = mentions.find((m) => m.tokenStart === 4);
    assert.ok(kremlin, JSON.stringify(mentions));
    assert.equal(text.slice(kremlin.start, kremlin.end), 'الكرملين');
  });
});
