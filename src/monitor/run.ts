import type { Store } from '../store/store.ts';
import { type DeliverOptions, type DeliveryAttempt, deliverDue } from './alerts/deliver.ts';
import { createAlertHook } from './alert-hook.ts';
import { type DeliveryLoop, startDeliveryLoop } from './delivery-loop.ts';
import type { ConditionalFetch, PollResult } from './sources/poll.ts';
import { runWatch, type WatchOptions, type WatchSummary } from './sources/watch.ts';
import type { Alert, Watchlist } from './types.ts';

/** What every monitoring loop takes, on one machine (`runMonitor`) or scaled out (`runQueuedMonitor`). */
export interface MonitorSettings {
  readonly fetch: ConditionalFetch;
  readonly signal?: AbortSignal;
  /** Polls in flight at once (in this process). */
  readonly concurrency?: number;
  /** Longest wait between two delivery rounds (a new alert wakes the loop at once). */
  readonly deliveryTickMs?: number;
  /** Only articles published this recently raise alerts (see `createAlertHook`). */
  readonly alertMaxAgeMs?: number;
  readonly onAlert?: (alert: Alert, watchlist: Watchlist | undefined) => void;
  readonly onPoll?: (result: PollResult) => void;
  readonly onDelivery?: (attempt: DeliveryAttempt) => void;
  /** Webhook settings (tests pass `post` and `random`). */
  readonly delivery?: Omit<DeliverOptions, 'now'>;
}

export interface MonitorOptions extends MonitorSettings {
  readonly store: Store;
  /** Poll what is due once, deliver what is due once, and return. */
  readonly once?: boolean;
  readonly perHostConcurrency?: number;
  /** Told when the store cannot be reached for a round (the loop carries on). */
  readonly onError?: (error: unknown) => void;
  readonly watch?: Pick<WatchOptions, 'tickMs' | 'poll' | 'random' | 'now' | 'sleep'>;
  readonly now?: () => number;
}

const LOOK_EVERY_MS = 200;

/**
 * rasd's monitoring loop on one machine: polls sources as they fall due, raises the alerts of every article
 * stored, and delivers webhook alerts as soon as they are raised (and retries as they fall due) — until
 * `signal` aborts. `await runMonitor({store, fetch: createFetcher(opts), signal, onAlert: print})`.
 */
export async function runMonitor(options: MonitorOptions): Promise<WatchSummary> {
  const now = options.now ?? Date.now;
  // Looking for due sources is one indexed query: a short tick keeps a source's wait close to its interval.
  const watch = { tickMs: LOOK_EVERY_MS, ...options.watch };
  let loop: DeliveryLoop | undefined;
  const onStored = createAlertHook(options.store, {
    now,
    ...(options.alertMaxAgeMs === undefined ? {} : { maxAgeMs: options.alertMaxAgeMs }),
    onAlert: (alert, watchlist) => {
      options.onAlert?.(alert, watchlist);
      if (alert.delivery.status === 'pending') loop?.kick();
    },
  });
  const deliverRound = async () => {
    for (const attempt of await deliverDue(options.store, { ...options.delivery, now: new Date(now()).toISOString() })) options.onDelivery?.(attempt);
  };
  if (options.once) {
    const summary = await runWatch({ ...watch, store: options.store, fetch: options.fetch, onStored, once: true, ...limits(options) });
    await deliverRound();
    return summary;
  }
  loop = startDeliveryLoop(deliverRound, options.deliveryTickMs ?? 1000, options.onError);
  try {
    return await runWatch({
      ...watch,
      store: options.store,
      fetch: options.fetch,
      onStored,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onPoll ? { onPoll: options.onPoll } : {}),
      ...limits(options),
    });
  } finally {
    await loop.stop();
  }
}

function limits(options: MonitorOptions): Pick<WatchOptions, 'concurrency' | 'perHostConcurrency' | 'onPoll' | 'onError'> {
  return {
    ...(options.onError ? { onError: options.onError } : {}),
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
    ...(options.perHostConcurrency === undefined ? {} : { perHostConcurrency: options.perHostConcurrency }),
    ...(options.onPoll ? { onPoll: options.onPoll } : {}),
  };
}
