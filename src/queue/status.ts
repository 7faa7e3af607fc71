import { Queue } from 'bullmq';
import { connectionOptions, type QueueAddress, rasdKey, readyOrFail } from './connection.ts';
import type { DeadJob, QueueStatus } from './status-types.ts';

export type { DeadJob, QueueStatus } from './status-types.ts';

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
    const counts = await queue.getJobCounts(
      'waiting',
      'active',
      'delayed',
      'completed',
      'failed',
      'prioritized',
    );
    const client = (await queue.getBackend().client) as unknown as {
      hgetall(key: string): Promise<Record<string, string>>;
      lrange(key: string, a: number, b: number): Promise<string[]>;
    };
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
    const client = (await queue.getBackend().client) as unknown as {
      del(...keys: string[]): Promise<number>;
    };
    await client.del(rasdKey(address.name, 'totals'), rasdKey(address.name, 'record-failures'));
  });
}
