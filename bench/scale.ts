/**
 * Scaling-out benchmark (reads ../shared; not part of the test suite): the same few hundred articles ingested
 * with analysis (1) by one local process into SQLite, as `rasd ingest` does, then into PostgreSQL, and (2) through the Redis queue
 * by 1 and then 2 `rasd worker` processes into PostgreSQL. Workers are started and ready before the jobs are
 * queued, so the figures are steady-state throughput, not process start-up. Ratios compare runs of this one
 * invocation (the machine is shared: absolute numbers move, ratios much less).
 * `npx tsx bench/scale.ts` — env: BENCH_SCALE_ARTICLES (default 100), RASD_BENCH_PG, RASD_BENCH_REDIS.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import pg from 'pg';
import { DEFAULT_INGEST_OPTIONS, ingestItems } from '../src/ingest/pipeline.ts';
import { openSources } from '../src/ingest/sources.ts';
import { createFetcher } from '../src/ingest/fetch.ts';
import { DEFAULT_JSONL_FIELDS } from '../src/ingest/types.ts';
import { DEFAULT_PLAN_LIMITS, enqueueJobs, planJobs, queueAddress, queueStatus, removeQueue } from '../src/queue/index.ts';
import { openStore } from '../src/store/open.ts';

const SAMPLE = new URL('../../shared/corpus/saudinewsnet/sample-500.jsonl', import.meta.url).pathname;
const ARTICLES = Number(process.env.BENCH_SCALE_ARTICLES ?? 100);
const PG_URL = process.env.RASD_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.RASD_BENCH_REDIS ?? 'redis://127.0.0.1:6379';
const BIN = new URL('../bin/rasd.js', import.meta.url).pathname;
const RECORDS_PER_JOB = 5;

const fmt = (n: number, digits = 1) => n.toFixed(digits);

/** Seconds for one local process (`rasd ingest`'s path, batched transactions) into the store `db`. */
async function localIngest(corpus: string, db: string): Promise<number> {
  const store = await openStore(db);
  const options = { fields: DEFAULT_JSONL_FIELDS, fetch: createFetcher(), feedSummaryChars: 400, counter: { read: 0 }, maxDocumentBytes: 32 * 1024 * 1024 };
  const started = performance.now();
  const summary = await ingestItems(store, openSources([corpus], options), DEFAULT_INGEST_OPTIONS);
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  if (summary.failed > 0) console.log(`  (${summary.failed} records failed)`);
  return seconds;
}

async function withSchema<T>(work: (url: string) => Promise<T>): Promise<T> {
  const schema = `rasd_bench_${randomUUID().slice(0, 8)}`;
  const url = new URL(PG_URL);
  url.searchParams.set('schema', schema);
  try {
    // Migrate before workers start, so their start-up is the same in every run.
    await (await openStore(url.href)).close();
    return await work(url.href);
  } finally {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
}

/** Seconds from queueing the corpus to the last job done, with `workers` processes ready beforehand. */
async function queued(corpus: string, workers: number): Promise<{ seconds: number; articles: number }> {
  return withSchema(async (db) => {
    const address = queueAddress(REDIS_URL, `rasd-bench-${randomUUID().slice(0, 8)}`);
    const children: ChildProcess[] = [];
    try {
      for (let i = 0; i < workers; i++) {
        const args = ['worker', '--queue', REDIS_URL, '--queue-name', address.name, '--db', db, '--concurrency', '1', '--quiet'];
        children.push(spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'inherit'] }));
      }
      while ((await queueStatus(address, 1)).workers < workers) await sleep(200);
      const started = performance.now();
      const settings = { analyze: true, fields: DEFAULT_JSONL_FIELDS, allowPrivate: false, timeoutMs: 10_000 };
      const planned = await enqueueJobs(address, planJobs([corpus], { ...DEFAULT_PLAN_LIMITS, recordsPerJob: RECORDS_PER_JOB, settings }));
      // One connection polled gently: this process must not take CPU from the workers it measures.
      const queue = new Queue(address.name, { connection: { url: REDIS_URL, maxRetriesPerRequest: null } });
      try {
        for (;;) {
          const counts = await queue.getJobCounts('completed', 'failed');
          if ((counts.completed ?? 0) + (counts.failed ?? 0) >= planned.jobs) break;
          await sleep(250);
        }
      } finally {
        await queue.close();
      }
      const seconds = (performance.now() - started) / 1000;
      const store = await openStore(db);
      const articles = (await store.stats()).articles;
      await store.close();
      return { seconds, articles };
    } finally {
      for (const child of children) child.kill('SIGTERM');
      await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode === null ? child.on('exit', resolve) : resolve(null)))));
      await removeQueue(address);
    }
  });
}

if (!existsSync(SAMPLE)) {
  console.log(`scale benchmark skipped: ${SAMPLE} not found (../shared is needed)`);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'rasd-scale-'));
  try {
    const lines = readFileSync(SAMPLE, 'utf8').trim().split('\n').slice(0, ARTICLES);
    const corpus = join(dir, 'corpus.jsonl');
    writeFileSync(corpus, `${lines.join('\n')}\n`);
    console.log(`${lines.length} articles of sample-500.jsonl, analysis included; queued jobs of ${RECORDS_PER_JOB} records; workers with concurrency 1`);
    const local = await localIngest(corpus, join(dir, 'local.db'));
    const localRate = lines.length / local;
    console.log(`single process, SQLite: ${fmt(local)} s = ${fmt(localRate)} articles/s (baseline)`);
    try {
      // The same local path into PostgreSQL separates the database's cost from the queue's.
      const localPg = await withSchema((db) => localIngest(corpus, db));
      const localPgRate = lines.length / localPg;
      console.log(`single process, PostgreSQL: ${fmt(localPg)} s = ${fmt(localPgRate)} articles/s (${fmt(localPgRate / localRate, 2)}× SQLite)`);
      const one = await queued(corpus, 1);
      const rateOne = lines.length / one.seconds;
      console.log(`queue, 1 worker, PostgreSQL: ${fmt(one.seconds)} s = ${fmt(rateOne)} articles/s (${fmt(rateOne / localRate, 2)}× single-process SQLite); ${one.articles} articles stored`);
      const two = await queued(corpus, 2);
      const rateTwo = lines.length / two.seconds;
      console.log(`queue, 2 workers, PostgreSQL: ${fmt(two.seconds)} s = ${fmt(rateTwo)} articles/s (${fmt(rateTwo / rateOne, 2)}× 1 worker, ${fmt(rateTwo / localRate, 2)}× single-process SQLite); ${two.articles} articles stored`);
    } catch (error) {
      console.log(`queued runs skipped: ${(error as Error).message} (Redis at ${REDIS_URL} and PostgreSQL at ${PG_URL} are needed)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
