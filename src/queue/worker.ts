import { randomUUID } from 'node:crypto';
import { type Job, UnrecoverableError, WaitingError, Worker } from 'bullmq';
import { analyzeArticle } from '../analyze/index.ts';
import { makeRawArticle } from '../core/article.ts';
import { RasdError } from '../core/errors.ts';
import { DEFAULT_INGEST_OPTIONS, type IngestSummary, ingestItems } from '../ingest/pipeline.ts';
import { createAlertHook } from '../monitor/alert-hook.ts';
import type { Store } from '../store/store.ts';
import { connectionOptions, type QueueAddress, rasdKey, readyOrFail } from './connection.ts';
import { type LockClient, lockingStore } from './dedup-lock.ts';
import { jobItems, ShutdownRequested } from './job-items.ts';
import { type IngestJob, parseJob } from './jobs.ts';
import { openStorePool } from './store-pool.ts';

export interface WorkerOptions {
  readonly address: QueueAddress;
  /** Opens one store (each concurrent job gets its own). */
  readonly openStore: () => Promise<Store>;
  /** Jobs processed at once by this process. */
  readonly concurrency: number;
  /** A job whose worker stops renewing its lock for this long is given to another worker. */
  readonly lockDurationMs: number;
  readonly stalledIntervalMs: number;
  /** Called after each job, for logs. */
  readonly onJob?: (event: {
    id: string;
    name: string;
    outcome: 'completed' | 'failed' | 'returned';
    summary?: IngestSummary;
    reason?: string;
  }) => void;
}

export const DEFAULT_WORKER_OPTIONS = {
  concurrency: 2,
  lockDurationMs: 30_000,
  stalledIntervalMs: 30_000,
} as const;

/** Keep this many record failures (bad JSON lines, empty pages) for `rasd queue status`. */
const KEPT_RECORD_FAILURES = 1000;

export interface RunningWorker {
  readonly id: string;
  /**
   * Stops taking jobs and waits for the running ones; after `graceMs`, running jobs are interrupted between
   * two articles, rolled back and put back on the queue for another worker. Resolves when all is closed.
   */
  stop(graceMs: number): Promise<void>;
}

/**
 * Starts a worker that ingests queued jobs into a store with bounded concurrency. A job does what a local
 * ingest of its input does, one article per transaction, so a job run twice (after a crash or a retry)
 * finds its articles already there and changes nothing. Failing jobs are retried with backoff and end in
 * the failed set (the dead-letter list) with their reason.
 * `const w = await startWorker({address, openStore: () => openStore(db), …}); process.on('SIGTERM', () => w.stop(30_000))`.
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const id = `${process.pid}-${randomUUID().slice(0, 8)}`;
  warmUpAnalyzer();
  const pool = await openStorePool(options.openStore, options.concurrency);
  let client: RedisCalls | undefined;
  const processJob = async (
    job: Job<IngestJob, IngestSummary>,
    token?: string,
    signal?: AbortSignal,
  ): Promise<IngestSummary> => {
    const redis = client as RedisCalls;
    const jobId = job.id ?? '?';
    let data: IngestJob;
    try {
      data = parseJob(job.data, jobId);
    } catch (error) {
      throw new UnrecoverableError((error as Error).message);
    }
    return pool.use(async (store) => {
      const locked = lockingStore(store, redis, {
        prefix: rasdKey(options.address.name, 'lock:'),
        owner: `${id}:${jobId}:${randomUUID()}`,
        // Longer than a job lock: the analysis of one article holds it and may block the event loop for seconds.
        ttlMs: Math.max(15_000, options.lockDurationMs),
        waitMs: 2 * Math.max(15_000, options.lockDurationMs),
      });
      try {
        // One article per transaction: short locks, and nothing lost but the article in hand on a crash.
        const summary = await ingestItems(locked.store, jobItems(data, signal), {
          ...DEFAULT_INGEST_OPTIONS,
          analyze: data.settings.analyze,
          batchSize: 1,
          // Watchlists see what workers store too; the alert is unique per story, whichever worker raises it.
          onCommitted: createAlertHook(locked.store),
        });
        const failure = locked.failure();
        if (failure !== undefined)
          throw new Error(`store error: ${failure instanceof Error ? failure.message : String(failure)}`);
        await recordTotals(redis, options.address.name, summary);
        options.onJob?.({ id: jobId, name: job.name, outcome: 'completed', summary });
        return summary;
      } catch (error) {
        if (error instanceof ShutdownRequested || signal?.aborted) {
          await job.moveToWait(token);
          options.onJob?.({ id: jobId, name: job.name, outcome: 'returned' });
          throw new WaitingError();
        }
        const reason = error instanceof Error ? error.message : String(error);
        options.onJob?.({ id: jobId, name: job.name, outcome: 'failed', reason });
        if (error instanceof RasdError && error.code === 'E_BAD_RECORD') throw new UnrecoverableError(reason);
        throw error;
      } finally {
        await locked.close();
      }
    });
  };
  const worker = new Worker<IngestJob, IngestSummary>(options.address.name, processJob, {
    connection: connectionOptions(options.address),
    name: id,
    concurrency: options.concurrency,
    lockDuration: options.lockDurationMs,
    stalledInterval: options.stalledIntervalMs,
    // A job may be orphaned by several crashes in a row before it counts as failed.
    maxStalledCount: 3,
    autorun: false,
  });
  worker.on('error', () => {}); // Connection hiccups are retried by BullMQ; a job's own errors are reported per job.
  await readyOrFail(worker.waitUntilReady(), options.address);
  client = (await worker.getBackend().client) as unknown as RedisCalls;
  const running = worker.run();
  running.catch(() => {});

  let stopping: Promise<void> | undefined;
  return {
    id,
    stop(graceMs: number): Promise<void> {
      stopping ??= (async () => {
        const timer = setTimeout(() => worker.cancelAllJobs('worker shutting down'), graceMs);
        try {
          await worker.close();
        } finally {
          clearTimeout(timer);
          await pool.close();
        }
      })();
      return stopping;
    },
  };
}

/**
 * Analyzes a short text once before taking jobs: the analyzer builds its lookup tables on first use, a long
 * synchronous pause that would otherwise happen while holding the first job's locks.
 */
function warmUpAnalyzer(): void {
  const text = 'قال وزير الخارجية في الرياض إن المحادثات ستستمر.';
  analyzeArticle(makeRawArticle({ source: { kind: 'inline' }, rawText: text, title: 'المحادثات' }));
}

type RedisCalls = LockClient & {
  multi(): {
    hincrby(key: string, field: string, by: number): unknown;
    lpush(key: string, ...values: string[]): unknown;
    ltrim(key: string, start: number, end: number): unknown;
    exec(): Promise<unknown>;
  };
};

/** Adds a job's counts to the queue's totals, and its record failures to the kept list, in one round trip. */
async function recordTotals(client: RedisCalls, name: string, summary: IngestSummary): Promise<void> {
  const multi = client.multi();
  const totals = rasdKey(name, 'totals');
  for (const field of [
    'items',
    'new',
    'duplicates',
    'nearDuplicates',
    'unchanged',
    'skipped',
    'failed',
  ] as const) {
    if (summary[field] > 0) multi.hincrby(totals, field, summary[field]);
  }
  if (summary.failures.length > 0) {
    const failures = rasdKey(name, 'record-failures');
    multi.lpush(failures, ...summary.failures.map((f) => JSON.stringify(f)));
    multi.ltrim(failures, 0, KEPT_RECORD_FAILURES - 1);
  }
  await multi.exec();
}
