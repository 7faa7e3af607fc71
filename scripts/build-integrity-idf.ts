/**
 * Builds data/integrity/idf.json: the document frequency of headline-matching terms (light stems of content
 * words, see src/analyze/integrity/terms.ts) in real news, for weighting the words of a title by how much
 * they say. Only the most frequent terms are kept; a term missing from the table is rarer than all of them.
 *
 * Source: SaudiNewsNet (github inparallel/SaudiNewsNet, CC BY-NC-SA 4.0), 31,030 articles, July–Aug 2015,
 * read from ../shared/corpus/saudinewsnet/articles.jsonl.gz (title and body of each article count as one
 * document).
 *
 * Run: npx tsx scripts/build-integrity-idf.ts   (about a minute)
 */
import { createReadStream, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { termsOf } from '../src/analyze/integrity/terms.ts';
import { cleanRawText } from '../src/clean/clean.ts';
import { tokenize } from '../src/text/tokenize.ts';

const CORPUS = new URL('../../shared/corpus/saudinewsnet/articles.jsonl.gz', import.meta.url);
const OUT = new URL('../data/integrity/idf.json', import.meta.url);
const KEEP = 30000;

async function main(): Promise<void> {
  const df = new Map<string, number>();
  const lines = createInterface({
    input: createReadStream(CORPUS).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  let documents = 0;
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as { title?: string; text?: string };
    const text = `${record.title ?? ''}\n${cleanRawText(record.text ?? '').cleanText}`;
    for (const term of new Set(termsOf(tokenize(text)))) df.set(term, (df.get(term) ?? 0) + 1);
    documents++;
  }
  const kept = [...df].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, KEEP);
  const floor = kept[kept.length - 1]?.[1] ?? 1;
  const out = {
    generatedBy:
      'scripts/build-integrity-idf.ts (npx tsx scripts/build-integrity-idf.ts) — do not edit by hand',
    source: 'SaudiNewsNet articles.jsonl.gz (CC BY-NC-SA 4.0)',
    documents,
    // Terms below this document frequency are not listed; they count as having it.
    minDf: floor,
    terms: kept.map(([term, count]) => `${term} ${count}`).join('\n'),
  };
  writeFileSync(OUT, `${JSON.stringify(out)}\n`);
  process.stderr.write(`${documents} documents, ${df.size} terms, kept ${kept.length} (df ≥ ${floor})\n`);
}

await main();
