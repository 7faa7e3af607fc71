import { readFileSync } from 'node:fs';

/** Paths and loaders for the fixtures copied into the repo (see test/fixtures/README.md). */
export const SEED_PATH = new URL('./fixtures/seed/article.txt', import.meta.url).pathname;
export const SEED_GOLD_PATH = new URL('./fixtures/seed/gold.json', import.meta.url).pathname;

export function seedText(): string {
  return readFileSync(SEED_PATH, 'utf8');
}

export interface CorpusArticle {
  readonly source: string;
  readonly url: string;
  readonly title: string;
  readonly text: string;
}

/** Eight real SaudiNewsNet articles. */
export function corpusSample(): CorpusArticle[] {
  return readFileSync(new URL('./fixtures/corpus/saudinewsnet-sample.jsonl', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as CorpusArticle);
}
