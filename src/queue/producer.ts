import { createHash } from 'node:crypto';
import { Queue } from 'bullmq';
import { connectionOptions, type QueueAddress, readyOrFail } from './connection.ts';
import { type IngestJob, jobLabel } from './jobs.ts';
import type { PlannedItem } from './plan.ts';

/** Retries with exponential backoff before a job goes to the dead-letter list (BullMQ's failed set). */
export const JOB_ATTEMPTS = 5;
export const JOB_BACKOFF_MS = 1000;

export interface EnqueueSummary {
  /** Jobs handed to the queue (a job already there with the same content is not added twice). */
  jobs: number;
  /** Records, documents and URLs they carry. */
  units: number;
  skipped: number;
  failed: number;
  failures: { input: string; reason: string }[];
}

/** The id of a job: a hash of what it carries, so enqueueing the same input twice adds it once. */
export function jobId(job: IngestJob): string {
  return `j${createHash('sha256').update(JSON.stringify(job)).digest('hex').slice(0, 32)}`;
}

/**
 * Puts planned jobs on the queue in bulk (one round trip per `chunk` jobs) and reports inputs that gave no
 * job, as a local ingest's summary would. `await enqueueJobs(queueAddress(url), planJobs(inputs, options))`.
 */
export async function enqueueJobs(
  address: QueueAddress,
  planned: AsyncIterable<PlannedItem>,
  chunk = 100,
): Promise<EnqueueSummary> {
  const queue = new Queue(address.name, { connection: connectionOptions(address) });
  const summary: EnqueueSummary = { jobs: 0, units: 0, skipped: 0, failed: 0, failures: [] };
  let pending: IngestJob[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    await queue.addBulk(
      pending.map((job) => ({
        name: jobLabel(job),
        data: job,
        opts: {
          jobId: jobId(job),
          attempts: JOB_ATTEMPTS,
          backoff: { type: 'exponential', delay: JOB_BACKOFF_MS },
          // Completed jobs carry their input: keep a day's worth for `queue status`, not forever.
          removeOnComplete: { age: 24 * 3600, count: 10_000 },
          removeOnFail: false,
        },
      })),
    );
    summary.jobs += pending.length;
    pending = [];
  };
  try {
    await readyOrFail(queue.waitUntilReady(), address);
    for await (const item of planned) {
      if (item.kind === 'job') {
        pending.push(item.job);
        summary.units += item.job.kind === 'records' ? item.job.records.length : 1;
        if (pending.length >= chunk) await flush();
      } else if (item.kind === 'skipped') summary.skipped++;
      else {
        summary.failed++;
        summary.failures.push({ input: item.input, reason: item.reason });
      }
    }
    await flush();
  } finally {
    await queue.close();
  }
  return summary;
}
