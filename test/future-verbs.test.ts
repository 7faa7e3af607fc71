// The committed future-verb list (data/lexicon/future-verbs.json) is what scripts/build-future-verbs.ts makes from
// the corpus: every word has the shape of the future prefix on an imperfect, and no reviewed refusal is in it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { normalizeArabic } from '../src/text/normalize.ts';

const root = new URL('..', import.meta.url).pathname;

describe('future verbs lexicon', () => {
  const { words } = JSON.parse(readFileSync(`${root}data/lexicon/future-verbs.json`, 'utf8')) as {
    words: string[];
  };
  const refused = readFileSync(`${root}data/lexicon/future-verbs-refused.tsv`, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => normalizeArabic(l.split('\t')[0]!));

  it('holds only س + an imperfect, normalized and sorted', () => {
    assert.ok(words.length > 500, `${words.length} words`);
    for (const w of words) assert.match(w, /^[وف]?س[يتن].{2,}$/, w);
    assert.deepEqual(words, [...words].sort());
    assert.ok(words.every((w) => normalizeArabic(w) === w));
  });

  it('leaves out every reviewed refusal, and keeps the commonest future verbs', () => {
    for (const r of refused) assert.ok(!words.includes(r), r);
    for (const w of ['سيتم', 'ستواصل', 'سيعقد', 'وسيكون']) assert.ok(words.includes(w), w);
  });
});
