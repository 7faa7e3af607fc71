import { randomUUID } from 'node:crypto';
import { type Job, Queue, Worker } from 'bullmq';
import { DEFAULT_INGEST_OPTIONS } from '../../ingest/pipeline.ts';
import { createAlertHook } from '../../monitor/alert-hook.ts';
import { type DeliveryLoop, startDeliveryLoop } from '../../monitor/delivery-loop.ts';
import { deliverDue } from '../../monitor/alerts/deliver.ts';
import type { MonitorSettings } from '../../monitor/run.ts';
import { pollSource } from '../../monitor/sources/poll.ts';
import type { Store } from '../../store/store.ts';
import { connectionOptions, queueAddress, readyOrFail } from '../connection.ts';
import { lockingStore } from '../dedup-lock.ts';
import { openStorePool } from '../store-pool.ts';
import { type PollJob, syncSchedules } from './schedule-sync.ts';
import { type ExclusiveLockClient, whileHolding } from './source-lock.ts';

/** The queue poll jobs live in, unless `--queue-name` says otherwise. */
export const DEFAULT_POLL_QUEUE = 'rasd-poll';

export interface QueuedMonitorOptions extends MonitorSettings {
  readonly queueUrl: string;
  readonly queueName?: string;
  /** Opens one store; the process keeps `concurrency + 1` of them. */
  readonly openStore: () => Promise<Store>;
  /** How often the job schedulers are brought in line with the sources table. */
  readonly syncMs?: number;
  /** A poll still running after this loses its source lock (a dead worker's lock expires after it). */
  readonly pollLockMs?: number;
  /** Called when a scheduled poll is skipped: the source is gone, backing off, or polled by another worker. */
  readonly onSkip?: (sourceId: string, why: string) => void;
}

/**
 * Monitoring scaled out on BullMQ: every source is a job scheduler repeating a `poll` job at its interval
 * (kept in line with the sources table by every watcher), and each process works poll jobs with bounded
 * concurrency. A Redis lock per source keeps one poll of a source at a time even when a slow poll overlaps
 * the next; dedup locks keep copies stored by two workers from both becoming stories (hence one alert); one
 * watcher at a time delivers webhooks. Runs until `signal` aborts.
 * `await runQueuedMonitor({queueUrl: 'redis://127.0.0.1:6379', openStore: () => openStore(pg), fetch, signal})`.
 */
export async function runQueuedMonitor(options: QueuedMonitorOptions): Promise<void> {
  const address = queueAddress(options.queueUrl, options.queueName ?? DEFAULT_POLL_QUEUE);
  const owner = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const lockKey = (what: string) => `bull:${address.name}:rasd:${what}`;
  const queue = new Queue<PollJob>(address.name, { connection: connectionOptions(address) });
  queue.on('error', () => {});
  await readyOrFail(queue.waitUntilReady(), address);
  const redis = (await queue.getBackend().client) as unknown as ExclusiveLockClient;
  const pool = await openStorePool(options.openStore, concurrency + 1);
  let loop: DeliveryLoop | undefined;

  const poll = async (job: Job<PollJob>) => {
    const sourceId = String(job.data?.sourceId ?? '');
    await pool.use(async (store) => {
      const source = await store.monitor.getSource(sourceId);
      if (source === undefined) return options.onSkip?.(sourceId, 'no such source (removed)');
      // After failures the source's own backoff decides, not the scheduler's fixed interval.
      if (source.health.failures > 0 && Date.parse(source.nextPollAt) > Date.now()) return options.onSkip?.(sourceId, `backing off until ${source.nextPollAt}`);
      const locked = lockingStore(store, redis, { prefix: lockKey('lock:'), owner: `${owner}:${job.id}`, ttlMs: 30_000, waitMs: 60_000 });
      try {
        const hook = createAlertHook(locked.store, {
          ...(options.alertMaxAgeMs === undefined ? {} : { maxAgeMs: options.alertMaxAgeMs }),
          onAlert: (alert, watchlist) => {
            options.onAlert?.(alert, watchlist);
            if (alert.delivery.status === 'pending') loop?.kick();
          },
        });
        const result = await whileHolding(redis, lockKey(`poll-lock:${sourceId}`), owner, options.pollLockMs ?? 10 * 60_000, () =>
          pollSource(source, {
            store: locked.store,
            fetch: options.fetch,
            onStored: (stored) => hook(stored),
            // One article per transaction, as queue workers ingest: short dedup locks, nothing lost on a crash.
            ingest: { ...DEFAULT_INGEST_OPTIONS, batchSize: 1 },
          }),
        );
        if (result === undefined) options.onSkip?.(sourceId, 'being polled by another worker');
        else options.onPoll?.(result);
      } finally {
        await locked.close();
      }
    });
  };
  const worker = new Worker<PollJob>(address.name, poll, { connection: connectionOptions(address), concurrency, lockDuration: 60_000, name: owner });
  worker.on('error', () => {});
  await readyOrFail(worker.waitUntilReady(), address);

  const sync = async () => {
    const sources = await pool.use((store) => store.monitor.listSources());
    await syncSchedules(queue, sources);
  };
  const deliver = async () => {
    await whileHolding(redis, lockKey('deliver-lock'), owner, 120_000, () =>
      pool.use(async (store) => {
        for (const attempt of await deliverDue(store, { ...options.delivery, now: new Date().toISOString() })) options.onDelivery?.(attempt);
      }),
    );
  };
  await sync();
  const syncTimer = setInterval(() => sync().catch(() => {}), options.syncMs ?? 5000);
  loop = startDeliveryLoop(deliver, options.deliveryTickMs ?? 1000);
  await new Promise<void>((resolve) => {
    if (options.signal === undefined || options.signal.aborted) return resolve();
    options.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  clearInterval(syncTimer);
  await worker.close();
  await loop.stop();
  await queue.close();
  await pool.close();
}
