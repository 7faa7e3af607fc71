// The queue status as plain data, apart from BullMQ, so the web UI can share the type.

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
  readonly totals: {
    items: number;
    new: number;
    duplicates: number;
    nearDuplicates: number;
    unchanged: number;
    skipped: number;
    failed: number;
  };
  /** The first dead jobs (up to `limit`). */
  readonly dead: readonly DeadJob[];
  /** The latest records that failed inside completed jobs (bad JSON lines, empty pages), up to `limit`. */
  readonly recordFailures: readonly { input: string; reason: string }[];
}
