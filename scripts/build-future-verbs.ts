// Builds data/lexicon/future-verbs.json: the verbs the SaudiNewsNet corpus (../shared/corpus, 31k articles) writes
// with the future prefix س (سيعقد، ستواصل، وسيتم). A word is kept when, without its س, it is itself a word of the
// corpus seen at least MIN_BARE times (عقد، تواصل، يتم …): نائب+س reads as a verb only when the bare imperfect is real.
// Nouns that happen to read so (سيدة: يدة) are refused in data/lexicon/future-verbs-refused.tsv with a reason.
// The event coder reads the list to tell an act a future verb governs (ستواصل دعمها، سيتم رفع العقوبات) from one done.
//   npx tsx scripts/build-future-verbs.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { loadCorpus } from '../bench/corpus.ts';
import { normalizeArabic } from '../src/text/normalize.ts';

const MIN_BARE = 20;
const MIN_SEEN = 3;
const OUT = 'data/lexicon/future-verbs.json';
const REFUSED = 'data/lexicon/future-verbs-refused.tsv';

const refused = new Map<string, string>();
for (const line of readFileSync(REFUSED, 'utf8').split('\n')) {
  if (line.trim() === '' || line.startsWith('#')) continue;
  const [word, reason] = line.split('\t');
  if (!word || !reason) throw new Error(`${REFUSED}: a row needs a word and a reason: ${line}`);
  refused.set(normalizeArabic(word), reason);
}

const counts = new Map<string, number>();
for (const article of loadCorpus()) {
  for (const word of article.text.match(/[\u0621-\u064A\u064B-\u0652\u0640]+/g) ?? []) {
    const norm = normalizeArabic(word);
    counts.set(norm, (counts.get(norm) ?? 0) + 1);
  }
}

const words: string[] = [];
for (const [word, seen] of counts) {
  const match = /^[وف]?س([يتن].{2,})$/.exec(word);
  if (match === null || seen < MIN_SEEN || refused.has(word)) continue;
  if ((counts.get(match[1]!) ?? 0) >= MIN_BARE) words.push(word);
}
words.sort();
const file = {
  generatedBy: `scripts/build-future-verbs.ts from the SaudiNewsNet corpus (../shared/corpus/saudinewsnet): words س+imperfect seen ${MIN_SEEN}+ times whose bare form is seen ${MIN_BARE}+ times, less ${REFUSED} — do not edit by hand`,
  words,
};
writeFileSync(OUT, `${JSON.stringify(file)}\n`);
console.log(`${OUT}: ${words.length} future verb forms (${refused.size} refused)`);
