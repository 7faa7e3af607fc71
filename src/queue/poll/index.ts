/** Source polling scaled out on BullMQ: job schedulers per source, poll workers, one delivering watcher. */
export { DEFAULT_POLL_QUEUE, type QueuedMonitorOptions, runQueuedMonitor } from './run-queued.ts';
export { type PollJob, schedulerId, syncSchedules } from './schedule-sync.ts';
export { whileHolding } from './source-lock.ts';
