/**
 * Builds data/lexicon/words.json: normalized Arabic word forms with their frequency in real news, used by
 * the tokenizer to decide whether a leading و ف ب ل ك ال is a clitic (وأعلن → و + أعلن) or part of the
 * word (ولايات, بوتين).
 *
 * Source: SaudiNewsNet (github inparallel/SaudiNewsNet, CC BY-NC-SA 4.0), 31,030 articles, July–Aug 2015,
 * read from ../shared/corpus/saudinewsnet/articles.jsonl.gz. Also reads ANERcorp's train split (CAMeL Lab,
 * CC BY-SA 4.0) and the actor registry (data/actors) to list names that begin with a clitic letter (فيصل،
 * كيري) so they are never split.
 *
 * Run: npm run build:lexicon
 */
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { normalizeArabic } from '../src/text/normalize.ts';

const SHARED = new URL('../../shared/', import.meta.url);
const CORPUS = new URL('corpus/saudinewsnet/articles.jsonl.gz', SHARED);
const ANERCORP = new URL('datasets/anercorp/ANERCorp_CamelLab_train.txt', SHARED);
const OUT = new URL('../data/lexicon/words.json', import.meta.url);
const ACTORS = new URL('../data/actors/actors.json', import.meta.url);
const MIN_COUNT = 4;
const ARABIC_WORD = /[\u0621-\u064A\u0660-\u0669\u0671-\u06D3\u064B-\u065F\u0670\u0640]+/g;
const CLITIC_LETTERS = new Set(['و', 'ف', 'ب', 'ل', 'ك']);

async function countWords(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const lines = createInterface({ input: createReadStream(CORPUS).pipe(createGunzip()), crlfDelay: Infinity });
  let articles = 0;
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as { title?: string; text?: string };
    const text = `${record.title ?? ''}\n${record.text ?? ''}`;
    for (const match of text.matchAll(ARABIC_WORD)) {
      const word = normalizeArabic(match[0]);
      if (word.length < 2) continue;
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
    articles++;
  }
  process.stderr.write(`counted ${counts.size} word forms in ${articles} articles\n`);
  return counts;
}

/**
 * Name tokens of ANERcorp (people, places, organisations) that start with a clitic letter while their
 * remainder is neither a name nor a much more frequent word: فيصل, بغداد stay whole; بفرنسا does not qualify.
 */
function namesStartingWithCliticLetter(counts: Map<string, number>): string[] {
  const nameTokens = new Set<string>();
  for (const line of readFileSync(ANERCORP, 'utf8').split('\n')) {
    const [token, tag] = line.split(' ');
    if (token !== undefined && tag !== undefined && /-(PERS|LOC|ORG)$/.test(tag)) nameTokens.add(normalizeArabic(token));
  }
  return [...nameTokens]
    .filter((name) => {
      if (!CLITIC_LETTERS.has(name[0] ?? '') || name.length < 3) return false;
      const rest = name.slice(1);
      return !nameTokens.has(rest) && (counts.get(rest) ?? 0) < 5 * (counts.get(name) ?? 0);
    })
    .sort();
}

/**
 * Single words of the actor registry's Arabic names that begin with a clitic letter (كيري، بوتين، فابيوس):
 * names, so never split. Read from data/actors/actors.json (built by scripts/build-actors.ts).
 */
function registryNameWords(counts: Map<string, number>): string[] {
  const { actors } = JSON.parse(readFileSync(ACTORS, 'utf8')) as { actors: { ar?: string[] }[] };
  const words = new Set<string>();
  for (const actor of actors) {
    for (const name of actor.ar ?? []) {
      for (const word of name.split(/\s+/)) {
        const norm = normalizeArabic(word);
        if (norm.length < 3 || !CLITIC_LETTERS.has(norm[0] ?? '') || norm.startsWith('ال')) continue;
        // بان (Ban Ki-moon) must not stop بأن from splitting: skip names whose remainder is a far commoner word.
        if ((counts.get(norm.slice(1)) ?? 0) < 5 * (counts.get(norm) ?? 0)) words.add(norm);
      }
    }
  }
  return [...words].sort();
}

const counts = await countWords();
const kept = [...counts.entries()].filter(([, n]) => n >= MIN_COUNT).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
const names = [...new Set([...namesStartingWithCliticLetter(counts), ...registryNameWords(counts)])].sort();
const lexicon = {
  generatedBy: 'scripts/build-lexicon.ts (npm run build:lexicon) — do not edit by hand',
  sources: ['SaudiNewsNet articles.jsonl.gz (CC BY-NC-SA 4.0)', 'ANERcorp CAMeL Lab train split (CC BY-SA 4.0)'],
  minCount: MIN_COUNT,
  // One string, "word count" per line: smaller than an object and fast to parse at load.
  words: kept.map(([word, n]) => `${word} ${n}`).join('\n'),
  cliticInitialNames: names.join(' '),
};
writeFileSync(OUT, `${JSON.stringify(lexicon)}\n`);
process.stderr.write(`wrote ${kept.length} words and ${names.length} names to ${OUT.pathname}\n`);
