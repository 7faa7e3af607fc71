import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** The shared corpus of real news (../shared); benchmarks need it, the shipped product does not. */
export const SHARED_DIR = new URL('../../shared/', import.meta.url).pathname;
export const CORPUS_PATH = `${SHARED_DIR}corpus/saudinewsnet/articles.jsonl.gz`;

export interface NewsArticle {
  readonly source: string;
  readonly title: string;
  readonly text: string;
}

/**
 * Loads up to `limit` articles of the SaudiNewsNet corpus, or throws a clear error when ../shared is absent.
 * Records keep every field of the file: `loadCorpus<CorpusRecord>()` reads `date_extracted` too.
 */
export function loadCorpus<T extends NewsArticle = NewsArticle>(limit = Number.POSITIVE_INFINITY): T[] {
  if (!existsSync(CORPUS_PATH)) throw new Error(`benchmark corpus not found at ${CORPUS_PATH} (../shared is needed)`);
  const lines = gunzipSync(readFileSync(CORPUS_PATH)).toString('utf8').split('\n');
  const articles: T[] = [];
  for (const line of lines) {
    if (articles.length >= limit) break;
    if (line.trim() !== '') articles.push(JSON.parse(line) as T);
  }
  return articles;
}

/** Times `fn` over the inputs, best of `rounds` runs (the least disturbed by other work on the machine). */
export function timeBest<T>(rounds: number, inputs: readonly T[], fn: (input: T) => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (const input of inputs) fn(input);
    best = Math.min(best, performance.now() - start);
  }
  return best / 1000;
}

/** Two decimals, for tables. */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}
