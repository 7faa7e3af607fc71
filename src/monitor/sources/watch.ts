import type { StoredItem } from '../../ingest/pipeline.ts';
import type { Store } from '../../store/store.ts';
import type { SourceRecord } from '../types.ts';
import { createExclusive } from './exclusive.ts';
import { type ConditionalFetch, type PollOptions, type PollResult, pollSource } from './poll.ts';
import { createSlots, hostOf } from './slots.ts';

/** `{store, fetch}` and how to run: once or until aborted, how many polls at once, hooks for logging. */
export interface WatchOptions {
  readonly store: Store;
  /** A conditional fetcher (`createFetcher`); its own politeness delay still spaces requests to one host. */
  readonly fetch: ConditionalFetch;
  readonly onStored?: (stored: StoredItem, source: SourceRecord) => void | Promise<void>;
  /** Poll everything due now once, then return (cron, tests); otherwise run until `signal` aborts. */
  readonly once?: boolean;
  readonly signal?: AbortSignal;
  /** Polls in flight at once, overall and against one host. */
  readonly concurrency?: number;
  readonly perHostConcurrency?: number;
  /** Longest sleep between two looks for due sources. */
  readonly tickMs?: number;
  /** Called after each poll (logging, metrics). */
  readonly onPoll?: (result: PollResult) => void;
  /** Called when the loop itself hits an error (the store unreachable) and carries on after a tick. */
  readonly onError?: (error: unknown) => void;
  readonly now?: () => number;
  readonly random?: () => number;
  /** Waits `ms` or until `signal` aborts, whichever is first. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Passed on to every poll (ingest options, items per poll…). */
  readonly poll?: Omit<PollOptions, 'store' | 'fetch' | 'onStored' | 'exclusive' | 'now' | 'random'>;
}

/** What a watch run did. */
export interface WatchSummary {
  polls: number;
  ok: number;
  notModified: number;
  errors: number;
  /** Items seen for the first time, and new articles stored from them. */
  newItems: number;
  ingested: number;
  /** With `once`: every poll's result, in the order they finished. */
  results: PollResult[];
}

/** Due sources fetched per look: enough that a busy host's backlog cannot hide the other hosts' sources. */
const DUE_BATCH = 1000;
/** A `once` round takes everything due in one look. */
const DUE_ONCE = 1_000_000;

/**
 * Polls sources as they fall due: fetches run in parallel (at most `concurrency`, 4 by default, and
 * `perHostConcurrency`, 2, per host) while ingestion takes turns (the store's batches are not concurrent-safe);
 * between rounds it sleeps until a poll ends or `tickMs` passes. A failing or malformed source is recorded
 * in its health and never stops the others. `once: true` polls what is due now, once each, and returns.
 * `await runWatch({store, fetch: createFetcher(opts), onStored: raiseAlerts, once: true})` → a WatchSummary.
 */
export async function runWatch(options: WatchOptions): Promise<WatchSummary> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  const slots = createSlots(
    Math.max(1, options.concurrency ?? 4),
    Math.max(1, options.perHostConcurrency ?? 2),
  );
  const pollOptions: PollOptions = {
    ...options.poll,
    store: options.store,
    fetch: options.fetch,
    exclusive: createExclusive(),
    now,
    ...(options.onStored ? { onStored: options.onStored } : {}),
    ...(options.random ? { random: options.random } : {}),
  };
  const summary: WatchSummary = {
    polls: 0,
    ok: 0,
    notModified: 0,
    errors: 0,
    newItems: 0,
    ingested: 0,
    results: [],
  };
  const inFlight = new Map<string, Promise<void>>();
  const start = (source: SourceRecord) => {
    const host = hostOf(source.url);
    const task = pollSource(source, pollOptions)
      .then((result) => {
        count(summary, result, options.once === true);
        options.onPoll?.(result);
      })
      // pollSource never throws; a throwing onPoll must not stop the loop either.
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        slots.release(host);
        inFlight.delete(source.id);
      });
    inFlight.set(source.id, task);
  };
  // With `once` the round is fixed at the start: a source polled now is not due again in the same run.
  let pending = options.once
    ? await options.store.monitor.dueSources(new Date(now()).toISOString(), DUE_ONCE)
    : [];
  while (!options.signal?.aborted) {
    if (!options.once) pending = await lookForDue(options, now(), inFlight);
    const waiting: SourceRecord[] = [];
    for (const source of pending) {
      if (!slots.full && slots.take(hostOf(source.url))) start(source);
      else waiting.push(source);
    }
    pending = waiting;
    if (options.once && pending.length === 0 && inFlight.size === 0) break;
    // Wake when a poll ends (a slot frees up) or, looking for newly due sources, after a tick.
    const finished = inFlight.size > 0 ? Promise.race(inFlight.values()) : undefined;
    if (options.once && finished !== undefined) await finished;
    else await Promise.race([sleep(options.tickMs ?? 1000, options.signal), ...(finished ? [finished] : [])]);
  }
  // Stopping lets the polls under way finish, so none is left half recorded.
  await Promise.all(inFlight.values());
  return summary;
}

/** The sources due now and not being polled (nor while the store was asked); a store error is reported and looked past until the next tick. */
async function lookForDue(
  options: WatchOptions,
  now: number,
  inFlight: ReadonlyMap<string, unknown>,
): Promise<SourceRecord[]> {
  // A poll under way when the query starts may record its next time before or after the query reads it: such a
  // source is left to the next look, or a stale answer would poll it twice.
  const busy = new Set(inFlight.keys());
  try {
    const due = await options.store.monitor.dueSources(new Date(now).toISOString(), DUE_BATCH);
    return due.filter((s) => !busy.has(s.id) && !inFlight.has(s.id));
  } catch (error) {
    options.onError?.(error);
    return [];
  }
}

function count(summary: WatchSummary, result: PollResult, keep: boolean): void {
  summary.polls++;
  if (result.record.outcome === 'ok') summary.ok++;
  else if (result.record.outcome === 'not-modified') summary.notModified++;
  else summary.errors++;
  summary.newItems += result.record.newItems;
  summary.ingested += result.record.ingested;
  if (keep) summary.results.push(result);
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
