/**
 * Option defaults `rasd --help` shows whose owners load heavy code (the ingest pipeline loads the analyzers,
 * the queue planner the input readers, the queue worker BullMQ): copied here so that registering the
 * commands loads none of it. `defaults.test.ts` checks they still equal the owners' values.
 */
export const INGEST_BATCH_SIZE = 200;
export const PLAN_RECORDS_PER_JOB = 50;
export const WORKER_DEFAULTS = { concurrency: 2, lockDurationMs: 30_000, stalledIntervalMs: 30_000 } as const;
