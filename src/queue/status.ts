import { Queue } from 'bullmq';
import { connectionOptions, type QueueAddress, rasdKey, readyOrFail } from './connection.ts';

/** A job in the dead-letter list: what it was, why it failed, after how many attempts. */
export interface DeadJob {
  readonly id: string;
  readonly name: string;
  readonly reason: string;
  readonly attempts: number;
  readonly failedAt?: string;
}

/** Everything `rasd queue status` shows and the web UI serves: queue depth, workers, progress, failures. */
export interface QueueStatus {
  readonly queue: string;
  readonly counts: { waiting: number; active: number; delayed: number; completed: number; dead: number };
  /** Workers connected to the queue now. */
  readonly workers: number;
  /** Counts summed over finished jobs, as a local ingest's summary. */
  readonly totals: { items: number; new: number; duplicates: number; nearDuplicates: number; unchanged: number; skipped: number; failed: number };
  /** The first dead jobs (up to `limit`). */
  readonly dead: readonly DeadJob[];
  /** The latest records that failed inside completed jobs (bad JSON lines, empty pages), up to `limit`. */
  readonly recordFailures: readonly { input: string; reason: string }[];
}

/** Opens a BullMQ handle on the queue for one operation and closes it after. */
export async function withQueue<T>(address: QueueAddress, work: (queue: Queue) => Promise<T>): Promise<T> {
  const queue = new Queue(address.name, { connection: connectionOptions(address) });
  queue.on('error', () => {});
  try {
    await readyOrFail(queue.waitUntilReady(), address);
    return await work(queue);
  } finally {
    await queue.close();
  }
}

/** The status of a queue. `await queueStatus(queueAddress('redis://127.0.0.1:6379'))` → `{counts: {waiting: 3, …}, …}`. */
export async function queueStatus(address: QueueAddress, limit = 20): Promise<QueueStatus> {
  return withQueue(address, async (queue) => {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized');
    const client = (await queue.getBackend().client) as unknown as { hgetall(key: string): Promise<Record<string, string>>; lrange(key: string, a: number, b: number): Promise<string[]> };
    const raw = await client.hgetall(rasdKey(address.name, 'totals'));
    const total = (field: string) => Number(raw[field] ?? 0);
    const failures = await client.lrange(rasdKey(address.name, 'record-failures'), 0, limit - 1);
    return {
      queue: address.name,
      counts: {
        waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
        active: counts.active ?? 0,
        delayed: counts.delayed ?? 0,
        completed: counts.completed ?? 0,
        dead: counts.failed ?? 0,
      },
      workers: await queue.getWorkersCount(),
      totals: {
        items: total('items'),
        new: total('new'),
        duplicates: total('duplicates'),
        nearDuplicates: total('nearDuplicates'),
        unchanged: total('unchanged'),
        skipped: total('skipped'),
        failed: total('failed'),
      },
      dead: await deadJobs(queue, limit),
      recordFailures: failures.map((line) => JSON.parse(line) as { input: string; reason: string }),
    };
  });
}

async function deadJobs(queue: Queue, limit: number): Promise<DeadJob[]> {
  const jobs = await queue.getFailed(0, limit - 1);
  return jobs.map((job) => ({
    id: job.id ?? '?',
    name: job.name,
    reason: job.failedReason ?? 'unknown',
    attempts: job.attemptsMade,
    ...(job.finishedOn ? { failedAt: new Date(job.finishedOn).toISOString() } : {}),
  }));
}

/** Puts every dead job back on the queue for another round of attempts; returns how many. */
export async function retryDead(address: QueueAddress): Promise<number> {
  return withQueue(address, async (queue) => {
    const count = await queue.getFailedCount();
    if (count > 0) await queue.retryJobs({ state: 'failed', count: 1000 });
    return count;
  });
}

/** Deletes the queue, its jobs and rasd's totals (tests and benchmarks clean up with it). */
export async function removeQueue(address: QueueAddress): Promise<void> {
  await withQueue(address, async (queue) => {
    await queue.obliterate({ force: true });
    const client = (await queue.getBackend().client) as unknown as { del(...keys: string[]): Promise<number> };
    await client.del(rasdKey(address.name, 'totals'), rasdKey(address.name, 'record-failures'));
  });
}
