/**
 * Ingest and search benchmark on the SaudiNewsNet corpus (reads ../shared; not part of the test suite).
 * `npx tsx bench/ingest.ts` — env: BENCH_CORPUS (path), BENCH_REPEAT (passes over the corpus, default 2),
 * BENCH_LIMIT (articles per pass, default all), BENCH_ANALYZED (articles for the analysis-included run, default 300).
 * Every figure is printed with its ratio to a baseline measured in the same run: streaming the corpus
 * (gunzip + JSON.parse) for ingest, and a LIKE scan over the same text for search.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestItems, DEFAULT_INGEST_OPTIONS } from '../src/ingest/pipeline.ts';
import { readJsonlFile } from '../src/ingest/jsonl.ts';
import { DEFAULT_JSONL_FIELDS, type SourceItem } from '../src/ingest/types.ts';
import { openSqliteStore } from '../src/store/sqlite/index.ts';
import Database from 'better-sqlite3';

const CORPUS = process.env.BENCH_CORPUS ?? new URL('../../shared/corpus/saudinewsnet/articles.jsonl.gz', import.meta.url).pathname;
const TRIVIAL = new URL('../../shared/corpus/saudinewsnet/sample-500.jsonl', import.meta.url).pathname;
const REPEAT = Number(process.env.BENCH_REPEAT ?? 2);
const LIMIT = Number(process.env.BENCH_LIMIT ?? Number.POSITIVE_INFINITY);
const ANALYZED = Number(process.env.BENCH_ANALYZED ?? 300);
const QUERIES = [
  'الأمم المتحدة', 'وزير الخارجية', '"ولي العهد"', 'النفط', 'اسعار النفط', 'الهلال', 'داعش', 'اليمن', 'الحوثيين',
  'مجلس الامن', 'ايران', 'الاتفاق النووي', 'سوريا', 'الرياض', 'كرة القدم', 'الصحه', 'التعليم', 'سعود*', 'مكه المكرمه', 'الملك سلمان',
];

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 100);

/** The corpus, `passes` times; later passes get a new URL so they are real (duplicate) work, not skipped. */
async function* corpusItems(passes: number, limit: number, counter: { read: number }, bytes: { text: number }): AsyncGenerator<SourceItem> {
  for (let pass = 0; pass < passes; pass++) {
    let n = 0;
    for await (const item of readJsonlFile(CORPUS, DEFAULT_JSONL_FIELDS, counter)) {
      if (n++ >= limit) break;
      if (item.kind !== 'article') {
        yield item;
        continue;
      }
      bytes.text += Buffer.byteLength(item.article.rawText);
      const url = `${item.article.source.url ?? ''}#pass${pass}`;
      yield pass === 0 ? item : { kind: 'article', article: { ...item.article, source: { ...item.article.source, url } } };
    }
  }
}

async function baseline(): Promise<{ seconds: number; items: number; mb: number }> {
  const started = performance.now();
  const bytes = { text: 0 };
  let items = 0;
  for await (const item of corpusItems(1, LIMIT, { read: 0 }, bytes)) if (item.kind === 'article') items++;
  return { seconds: (performance.now() - started) / 1000, items, mb: bytes.text / 1e6 };
}

async function ingestRun(file: string, passes: number, limit: number, analyze: boolean) {
  const store = await openSqliteStore(file);
  const bytes = { text: 0 };
  peakRss = process.memoryUsage().rss;
  const started = performance.now();
  const summary = await ingestItems(store, corpusItems(passes, limit, { read: 0 }, bytes), { ...DEFAULT_INGEST_OPTIONS, analyze, batchSize: 500 });
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  return { seconds, summary, mb: bytes.text / 1e6, peakRss };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const dir = mkdtempSync(join(tmpdir(), 'rasd-bench-'));
try {
  console.log(`corpus ${CORPUS} (${fmt(statSync(CORPUS).size / 1e6)} MB compressed), ${REPEAT} pass(es)`);
  const base = await baseline();
  const baseRate = base.items / base.seconds;
  console.log(`baseline (gunzip + JSON.parse): ${base.items} articles, ${fmt(base.mb)} MB text in ${fmt(base.seconds)} s = ${fmt(baseRate)} articles/s, ${fmt(base.mb / base.seconds)} MB/s`);
  const trivialMb = statSync(TRIVIAL).size / 1e6;

  const plain = await ingestRun(join(dir, 'plain.db'), REPEAT, LIMIT, false);
  const items = plain.summary.new + plain.summary.duplicates + plain.summary.nearDuplicates;
  const rate = items / plain.seconds;
  console.log(
    `ingest, analysis excluded: ${items} articles (${plain.summary.new} new, ${plain.summary.duplicates} exact, ${plain.summary.nearDuplicates} near, ${plain.summary.failed} failed), ${fmt(plain.mb)} MB in ${fmt(plain.seconds)} s = ${fmt(rate)} articles/s (${fmt(rate / baseRate, 3)}× baseline), ${fmt(plain.mb / plain.seconds)} MB/s`,
  );
  console.log(
    `peak RSS ${fmt(plain.peakRss / 1e6)} MB while ingesting ${fmt(plain.mb)} MB of text = ${fmt(plain.mb / trivialMb)}× the memory-trivial sample (${fmt(trivialMb)} MB)`,
  );

  const analyzed = await ingestRun(join(dir, 'analyzed.db'), 1, ANALYZED, true);
  const aItems = analyzed.summary.new + analyzed.summary.duplicates + analyzed.summary.nearDuplicates;
  const aRate = aItems / analyzed.seconds;
  console.log(
    `ingest, analysis included: ${aItems} articles (${analyzed.summary.new} analyzed) in ${fmt(analyzed.seconds)} s = ${fmt(aRate)} articles/s (${fmt(aRate / baseRate, 3)}× baseline, ${fmt(aRate / rate, 3)}× analysis excluded), ${fmt(analyzed.mb / analyzed.seconds, 2)} MB/s; peak RSS ${fmt(analyzed.peakRss / 1e6)} MB`,
  );

  const store = await openSqliteStore(join(dir, 'plain.db'));
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const text of QUERIES) {
      const t = performance.now();
      await store.search({ text, limit: 20 });
      times.push(performance.now() - t);
    }
  }
  await store.close();
  const db = new Database(join(dir, 'plain.db'), { readonly: true });
  const scan: number[] = [];
  for (const text of QUERIES.slice(0, 5)) {
    const t = performance.now();
    db.prepare(`SELECT id FROM articles WHERE clean_text LIKE ? LIMIT 20`).all(`%${text.replace(/"/g, '')}%`);
    scan.push(performance.now() - t);
  }
  db.close();
  const median = percentile(times, 50);
  const p95 = percentile(times, 95);
  const scanMedian = percentile(scan, 50);
  console.log(
    `search (${QUERIES.length} queries × 5, snippets included): median ${fmt(median, 2)} ms, p95 ${fmt(p95, 2)} ms; LIKE-scan baseline median ${fmt(scanMedian, 2)} ms (search = ${fmt(median / scanMedian, 3)}× baseline)`,
  );
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
