/** Distributed ingestion on BullMQ (Redis): plan and enqueue jobs, run workers, read the queue's status. */
export { DEFAULT_QUEUE_NAME, type QueueAddress, queueAddress } from './connection.ts';
export type { IngestJob, JobSettings } from './jobs.ts';
export { DEFAULT_PLAN_LIMITS, type PlanOptions, planJobs } from './plan.ts';
export { type EnqueueSummary, enqueueJobs, JOB_ATTEMPTS } from './producer.ts';
export { type DeadJob, type QueueStatus, queueStatus, removeQueue, retryDead } from './status.ts';
export { DEFAULT_WORKER_OPTIONS, type RunningWorker, startWorker, type WorkerOptions } from './worker.ts';
