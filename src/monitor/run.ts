import type { Store } from '../store/store.ts';
import { type DeliverOptions, type DeliveryAttempt, deliverDue } from './alerts/deliver.ts';
import { createAlertHook } from './alert-hook.ts';
import type { ConditionalFetch, PollResult } from './sources/poll.ts';
import { runWatch, type WatchOptions, type WatchSummary } from './sources/watch.ts';
import type { Alert, Watchlist } from './types.ts';

export interface MonitorOptions {
  readonly store: Store;
  readonly fetch: ConditionalFetch;
  /** Poll what is due once, deliver what is due once, and return. */
  readonly once?: boolean;
  readonly signal?: AbortSignal;
  readonly concurrency?: number;
  readonly perHostConcurrency?: number;
  /** Longest wait between two delivery rounds (a new alert wakes the loop at once). */
  readonly deliveryTickMs?: number;
  readonly onAlert?: (alert: Alert, watchlist: Watchlist | undefined) => void;
  readonly onPoll?: (result: PollResult) => void;
  readonly onDelivery?: (attempt: DeliveryAttempt) => void;
  /** Only articles published this recently raise alerts (see `createAlertHook`). */
  readonly alertMaxAgeMs?: number;
  /** Told when the store cannot be reached for a round (the loop carries on). */
  readonly onError?: (error: unknown) => void;
  /** Webhook settings (tests pass `post` and `random`). */
  readonly delivery?: Omit<DeliverOptions, 'now'>;
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
  let wake: (() => void) | undefined;
  const kick = () => wake?.();
  const onStored = createAlertHook(options.store, {
    now,
    ...(options.alertMaxAgeMs === undefined ? {} : { maxAgeMs: options.alertMaxAgeMs }),
    onAlert: (alert, watchlist) => {
      options.onAlert?.(alert, watchlist);
      if (alert.delivery.status === 'pending') kick();
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
  let stopped = false;
  const deliveries = (async () => {
    while (!stopped) {
      await deliverRound().catch((error) => options.onError?.(error)); // A store hiccup must not end monitoring; the next round retries.
      if (stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, options.deliveryTickMs ?? 1000);
        function done() {
          clearTimeout(timer);
          wake = undefined;
          resolve();
        }
        wake = done;
      });
    }
  })();
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
    stopped = true;
    kick();
    await deliveries;
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
