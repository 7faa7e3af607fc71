/**
 * Search at scale (reads ../shared; not part of the test suite): the SaudiNewsNet corpus stored twice
 * (~62k articles) and replicated to at least 250k articles, each copy with a new id and stored without
 * analysis (no deduplication: every copy is a row of its own, as a years-long archive would be). The same
 * queries run in-process against both stores, snippets included; p50/p95 per store are printed side by
 * side, with the part of each search spent building snippets (re-run on the hits' texts).
 * `npx tsx bench/search.ts` — env: BENCH_SEARCH_LIMIT (corpus articles used, default all),
 * BENCH_SEARCH_LARGE (minimum articles of the large store, default 250000), BENCH_SEARCH_ROUNDS (default 5),
 * BENCH_SEARCH_DIR (keep the stores there and reuse them in later runs; default a temporary directory).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanRawText } from '../src/clean/clean.ts';
import type { Article, OffsetSegment } from '../src/core/article.ts';
import { createFingerprinter } from '../src/dedup/fingerprint.ts';
import { readJsonlFile } from '../src/ingest/jsonl.ts';
import { sourceKey } from '../src/ingest/pipeline.ts';
import { DEFAULT_JSONL_FIELDS } from '../src/ingest/types.ts';
import { parseQuery } from '../src/store/query.ts';
import { findMatches, makeSnippet } from '../src/store/snippet.ts';
import { openSqliteStore } from '../src/store/sqlite/index.ts';
import type { Store } from '../src/store/store.ts';
import type { NewArticle } from '../src/store/types.ts';
import { CORPUS_PATH } from './corpus.ts';

const LIMIT = Number(process.env.BENCH_SEARCH_LIMIT ?? Number.POSITIVE_INFINITY);
const LARGE = Number(process.env.BENCH_SEARCH_LARGE ?? 250_000);
const ROUNDS = Number(process.env.BENCH_SEARCH_ROUNDS ?? 5);
const KEEP = process.env.BENCH_SEARCH_DIR;
// The ingest benchmark's queries: words, phrases, a prefix, with and without hamza and ta marbuta.
export const SEARCH_QUERIES = [
  'الأمم المتحدة',
  'وزير الخارجية',
  '"ولي العهد"',
  'النفط',
  'اسعار النفط',
  'الهلال',
  'داعش',
  'اليمن',
  'الحوثيين',
  'مجلس الامن',
  'ايران',
  'الاتفاق النووي',
  'سوريا',
  'الرياض',
  'كرة القدم',
  'الصحه',
  'التعليم',
  'سعود*',
  'مكه المكرمه',
  'الملك سلمان',
];

interface Prepared {
  readonly article: Article;
  readonly fingerprint: NewArticle['fingerprint'];
  readonly key: string;
}

/** The corpus cleaned and fingerprinted once; every copy reuses it. */
async function prepare(): Promise<Prepared[]> {
  const fingerprint = createFingerprinter();
  const out: Prepared[] = [];
  // The corpus repeats some records word for word; ingest would keep one, and ids must be unique.
  const seen = new Set<string>();
  for await (const item of readJsonlFile(CORPUS_PATH, DEFAULT_JSONL_FIELDS, { read: 0 })) {
    if (out.length >= LIMIT) break;
    if (item.kind !== 'article') continue;
    const raw = item.article;
    if (seen.has(raw.id)) continue;
    seen.add(raw.id);
    const cleaned = cleanRawText(raw.rawText);
    if (cleaned.cleanText.trim() === '') continue;
    const offsetMap: readonly OffsetSegment[] = cleaned.offsetMap;
    out.push({
      article: { ...raw, cleanText: cleaned.cleanText, offsetMap },
      fingerprint: fingerprint(cleaned.cleanText),
      key: sourceKey(raw.source),
    });
  }
  return out;
}

/** Stores `copies` copies of the corpus, copy k under ids derived from (id, k); seconds taken. */
async function build(file: string, corpus: readonly Prepared[], copies: number): Promise<number> {
  // Built under another name, so an interrupted build is never reused as a complete store.
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const store = await openSqliteStore(partial);
  const started = performance.now();
  for (let copy = 0; copy < copies; copy++) {
    for (let i = 0; i < corpus.length; i += 1000) {
      await store.begin();
      for (const { article, fingerprint, key } of corpus.slice(i, i + 1000)) {
        const id =
          copy === 0
            ? article.id
            : createHash('sha256').update(`${article.id}#${copy}`).digest('hex').slice(0, 32);
        const source =
          copy === 0
            ? article.source
            : {
                ...article.source,
                ...(article.source.url === undefined ? {} : { url: `${article.source.url}#copy${copy}` }),
              };
        await store.addArticle({
          article: { ...article, id, source },
          fingerprint,
          sighting: {
            rawId: id,
            sourceKey: `${key}#copy${copy}`,
            source,
            relation: 'original',
            similarity: 1,
          },
        });
      }
      await store.commit();
    }
  }
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  renameSync(partial, file);
  return seconds;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

interface Timing {
  readonly articles: number;
  readonly search: number[];
  /** CPU time of the same searches: what other work on a shared machine inflates least. */
  readonly cpu: number[];
  readonly snippets: number[];
  readonly hits: number;
}

/** Each query once to warm caches, then `ROUNDS` timed rounds; snippet time is the same hits' snippets rebuilt. */
async function measure(store: Store): Promise<Timing> {
  const articles = (await store.stats()).articles;
  for (const text of SEARCH_QUERIES) await store.search({ text, limit: 20 });
  const search: number[] = [];
  const cpu: number[] = [];
  const snippets: number[] = [];
  let hits = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const text of SEARCH_QUERIES) {
      const c = process.cpuUsage();
      const t = performance.now();
      const found = await store.search({ text, limit: 20 });
      search.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
      hits += found.length;
      if (round > 0) continue;
      const texts = await Promise.all(found.map(async (hit) => (await store.getArticle(hit.articleId))!));
      const terms = parseQuery(text);
      const s = performance.now();
      for (const article of texts) {
        makeSnippet(article.cleanText, terms);
        if (article.title !== undefined) findMatches(article.title, terms);
      }
      snippets.push(performance.now() - s);
    }
  }
  return { articles, search, cpu, snippets, hits: hits / ROUNDS };
}

const fmt = (n: number, digits = 2) => n.toFixed(digits);

if (!existsSync(CORPUS_PATH)) {
  console.log(`search benchmark skipped: ${CORPUS_PATH} not found (../shared is needed)`);
} else {
  const dir = KEEP ?? mkdtempSync(join(tmpdir(), 'rasd-search-'));
  mkdirSync(dir, { recursive: true });
  try {
    let corpus: Prepared[] | undefined;
    const stores: { name: string; file: string; copies: number }[] = [];
    const loaded = async () => {
      corpus ??= await prepare();
      return corpus;
    };
    const n = (await loaded()).length;
    stores.push({ name: 'corpus ×2', file: join(dir, 'search-x2.db'), copies: 2 });
    const copies = Math.ceil(LARGE / n);
    stores.push({ name: `corpus ×${copies}`, file: join(dir, `search-x${copies}.db`), copies });
    for (const s of stores) {
      if (existsSync(s.file)) continue;
      const seconds = await build(s.file, await loaded(), s.copies);
      console.log(
        `built ${s.name}: ${n * s.copies} articles in ${fmt(seconds, 1)} s (${fmt((n * s.copies) / seconds, 0)} articles/s)`,
      );
    }
    corpus = undefined;
    const rows: Record<string, Record<string, string | number>> = {};
    for (const s of stores) {
      const store = await openSqliteStore(s.file);
      const t = await measure(store);
      await store.close();
      const snippetShare =
        t.snippets.reduce((a, b) => a + b, 0) /
        t.search.slice(0, SEARCH_QUERIES.length).reduce((a, b) => a + b, 0);
      rows[s.name] = {
        articles: t.articles,
        'p50 ms': Number(fmt(percentile(t.search, 50))),
        'p95 ms': Number(fmt(percentile(t.search, 95))),
        'max ms': Number(fmt(Math.max(...t.search))),
        'CPU p50 ms': Number(fmt(percentile(t.cpu, 50))),
        'CPU p95 ms': Number(fmt(percentile(t.cpu, 95))),
        'snippets p50 ms': Number(fmt(percentile(t.snippets, 50))),
        'snippet share': `${fmt(100 * snippetShare, 0)} %`,
        'hits/query': Number(fmt(t.hits / SEARCH_QUERIES.length, 1)),
      };
    }
    console.log(
      `${SEARCH_QUERIES.length} queries × ${ROUNDS} rounds, limit 20, snippets included, in-process SQLite; acceptance: p95 ≤ 10 ms on corpus ×2`,
    );
    console.table(rows);
  } finally {
    if (KEEP === undefined) rmSync(dir, { recursive: true, force: true });
  }
}
