import type { StoredItem } from '../ingest/pipeline.ts';
import type { Store } from '../store/store.ts';
import { raiseAlerts } from './alerts/raise.ts';
import type { Alert, Watchlist } from './types.ts';

export interface AlertHookOptions {
  /** Told of every alert raised (printing, a wake-up for the delivery loop). */
  readonly onAlert?: (alert: Alert, watchlist: Watchlist | undefined) => void;
  readonly now?: () => number;
  /**
   * Only articles published this recently raise alerts (undated ones always do): a source added with a long
   * backlog, or an archive ingested by hand, then does not flood the watchlists with old news.
   */
  readonly maxAgeMs?: number;
  /**
   * Told when alerts could not be raised for an article (a store error): the article itself is stored, and
   * one failing watchlist check must not stop an ingest. Without it the error is thrown.
   */
  readonly onError?: (error: unknown, stored: StoredItem) => void;
}

const WATCHLISTS_FRESH_MS = 1000;

/**
 * The `onCommitted`/`onStored` callback that turns stored articles into alerts: whichever path stored the
 * article (a poll, `rasd ingest`, the API, a queue worker), its watchlists are checked the same way.
 * `ingestItems(store, items, {...DEFAULT_INGEST_OPTIONS, onCommitted: createAlertHook(store)})`.
 */
export function createAlertHook(store: Store, options: AlertHookOptions = {}): (stored: StoredItem) => Promise<void> {
  const now = options.now ?? Date.now;
  // One read of the watchlists serves the articles of the next second: a bulk ingest checks thousands of
  // articles against the same few lists, and a new watchlist still applies within a second.
  let cached: { at: number; watchlists: Watchlist[] } | undefined;
  const currentWatchlists = async () => {
    const at = Date.now();
    if (cached === undefined || at - cached.at >= WATCHLISTS_FRESH_MS) cached = { at, watchlists: await store.monitor.listWatchlists() };
    return cached.watchlists;
  };
  return async (stored) => {
    if (options.maxAgeMs !== undefined && stored.publishedAt !== undefined) {
      const published = Date.parse(stored.publishedAt);
      if (Number.isFinite(published) && now() - published > options.maxAgeMs) return;
    }
    try {
      const watchlists = await currentWatchlists();
      if (watchlists.length === 0) return;
      const alerts = await raiseAlerts(store, stored, { now: new Date(now()).toISOString(), watchlists });
      for (const alert of alerts) options.onAlert?.(alert, watchlists.find((w) => w.id === alert.watchlistId));
    } catch (error) {
      if (options.onError === undefined) throw error;
      options.onError(error, stored);
    }
  };
}
