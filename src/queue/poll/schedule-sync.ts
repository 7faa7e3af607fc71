import type { Queue } from 'bullmq';
import type { SourceRecord } from '../../monitor/types.ts';

/** The data of a poll job: which source to poll. */
export interface PollJob {
  readonly sourceId: string;
}

const SCHEDULER_PREFIX = 'source-';

/** The BullMQ job scheduler id of a source: `schedulerId('ab12…')` → `'source-ab12…'`. */
export function schedulerId(sourceId: string): string {
  return `${SCHEDULER_PREFIX}${sourceId}`;
}

export interface SyncResult {
  readonly added: number;
  readonly updated: number;
  readonly removed: number;
}

/**
 * Makes the queue's job schedulers match the sources: one repeating `poll` job per source at its interval,
 * schedulers of removed sources dropped. Upserts are idempotent, so every watcher may run this; a scheduler
 * already at the right interval is left alone so its timing is not reset.
 * `await syncSchedules(queue, await store.monitor.listSources())` → counts.
 */
export async function syncSchedules(queue: Queue<PollJob>, sources: readonly SourceRecord[]): Promise<SyncResult> {
  const existing = new Map<string, number | undefined>();
  for (let start = 0; ; start += 1000) {
    const page = await queue.getJobSchedulers(start, start + 999, true);
    for (const scheduler of page) existing.set(scheduler.key, scheduler.every);
    if (page.length < 1000) break;
  }
  let added = 0;
  let updated = 0;
  const wanted = new Set<string>();
  for (const source of sources) {
    const id = schedulerId(source.id);
    wanted.add(id);
    const every = existing.get(id);
    if (existing.has(id) && every === source.everyMs) continue;
    await queue.upsertJobScheduler(
      id,
      { every: source.everyMs },
      { name: 'poll', data: { sourceId: source.id }, opts: { removeOnComplete: 100, removeOnFail: 100, attempts: 1 } },
    );
    if (existing.has(id)) updated++;
    else added++;
  }
  let removed = 0;
  for (const id of existing.keys()) {
    if (id.startsWith(SCHEDULER_PREFIX) && !wanted.has(id)) {
      await queue.removeJobScheduler(id);
      removed++;
    }
  }
  return { added, updated, removed };
}
