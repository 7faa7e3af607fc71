import type { Store } from '../../store/store.ts';
import type { Alert, DeliveryRecord, Watchlist } from '../types.ts';
import { alertPayload } from './payload.ts';
import { signBody } from './signature.ts';

/** Sends one webhook request; resolves with the HTTP status, rejects on a network error or the timeout. */
export type PostFn = (
  url: string,
  body: string,
  headers: Readonly<Record<string, string>>,
  signal: AbortSignal,
) => Promise<{ status: number }>;

export interface DeliverOptions {
  /** ISO time of this round; retries are scheduled from it (tests drive time through it). */
  readonly now: string;
  readonly post?: PostFn;
  /** Attempts before an alert is given up as `failed`. */
  readonly maxAttempts?: number;
  /** Delay before the first retry; doubled after each further failure. */
  readonly baseDelayMs?: number;
  readonly timeoutMs?: number;
  /** Alerts sent per round. */
  readonly limit?: number;
  /** 0–1, for the jitter; tests pass a constant. */
  readonly random?: () => number;
  readonly userAgent?: string;
}

/** One delivery attempt, for a log line. */
export interface DeliveryAttempt {
  readonly alertId: string;
  readonly watchlistId: string;
  readonly ok: boolean;
  readonly status?: number;
  readonly error?: string;
  /** Set when a retry is scheduled; absent after a failure means the alert is now `failed`. */
  readonly nextAttemptAt?: string;
}

export const DEFAULT_DELIVERY = { maxAttempts: 6, baseDelayMs: 5000, timeoutMs: 10_000, limit: 100 } as const;
// Up to this share of the delay is added at random, so receivers coming back up are not hit by every retry at once.
const JITTER = 0.1;
const USER_AGENT = 'rasd/0.1 (+webhook)';

/**
 * Sends every alert whose delivery is due to its watchlist's webhook, signed, and records each attempt: a
 * 2xx delivers it; anything else schedules a retry at now + base × 2^(attempts so far) (+ jitter) until
 * `maxAttempts`, then marks it `failed`. Alerts go one after another, in the store's order (oldest first).
 * Delivery is at least once (a crash between the POST and its record, or two processes delivering at the
 * same moment, resends): receivers dedupe on `X-Rasd-Alert`.
 * `await deliverDue(store, {now: new Date().toISOString()})` → the attempts made.
 */
export async function deliverDue(store: Store, options: DeliverOptions): Promise<DeliveryAttempt[]> {
  // Field by field, so an option passed as undefined (an unset CLI flag) keeps its default.
  const settings: Settings = {
    ...options,
    maxAttempts: options.maxAttempts ?? DEFAULT_DELIVERY.maxAttempts,
    baseDelayMs: options.baseDelayMs ?? DEFAULT_DELIVERY.baseDelayMs,
    timeoutMs: options.timeoutMs ?? DEFAULT_DELIVERY.timeoutMs,
    limit: options.limit ?? DEFAULT_DELIVERY.limit,
  };
  const post = options.post ?? postJson;
  const watchlists = new Map<string, Watchlist | undefined>();
  const attempts: DeliveryAttempt[] = [];
  for (const alert of await store.monitor.dueDeliveries(options.now, settings.limit)) {
    if (!watchlists.has(alert.watchlistId))
      watchlists.set(alert.watchlistId, await store.monitor.getWatchlist(alert.watchlistId));
    const watchlist = watchlists.get(alert.watchlistId);
    const attempt = await deliverOne(alert, watchlist, post, settings);
    const record: DeliveryRecord = {
      at: options.now,
      ok: attempt.ok,
      ...(attempt.error === undefined ? {} : { error: attempt.error }),
      ...(attempt.nextAttemptAt === undefined ? {} : { nextAttemptAt: attempt.nextAttemptAt }),
    };
    await store.monitor.recordDelivery(alert.id, record);
    attempts.push(attempt);
  }
  return attempts;
}

type Settings = DeliverOptions & {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly timeoutMs: number;
  readonly limit: number;
};

async function deliverOne(
  alert: Alert,
  watchlist: Watchlist | undefined,
  post: PostFn,
  settings: Settings,
): Promise<DeliveryAttempt> {
  const base = { alertId: alert.id, watchlistId: alert.watchlistId };
  // The webhook was removed since the alert was raised: nothing to retry.
  if (watchlist?.webhook === undefined)
    return { ...base, ok: false, error: 'the watchlist has no webhook any more' };
  const body = JSON.stringify(alertPayload(alert, watchlist));
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': settings.userAgent ?? USER_AGENT,
    'x-rasd-alert': alert.id,
    ...(watchlist.webhook.secret === undefined
      ? {}
      : { 'x-rasd-signature': signBody(body, watchlist.webhook.secret) }),
  };
  let status: number | undefined;
  let error: string | undefined;
  // A timer of our own rather than AbortSignal.timeout, whose unreferenced timer would let a process with
  // nothing else to do exit in the middle of a hanging request.
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException('webhook timeout', 'TimeoutError')),
    settings.timeoutMs,
  );
  try {
    status = (await post(watchlist.webhook.url, body, headers, controller.signal)).status;
    if (status < 200 || status > 299) error = `HTTP ${status}`;
  } catch (caught) {
    error = describeError(caught, settings.timeoutMs);
  } finally {
    clearTimeout(timer);
  }
  if (error === undefined) return { ...base, ok: true, ...(status === undefined ? {} : { status }) };
  const done = alert.delivery.attempts + 1;
  const failed = { ...base, ok: false, error, ...(status === undefined ? {} : { status }) };
  if (done >= settings.maxAttempts) return failed;
  return { ...failed, nextAttemptAt: retryAt(settings.now, alert.delivery.attempts, settings) };
}

/**
 * When to try again after `previous` earlier attempts and this failed one: base × 2^previous, plus jitter.
 * `retryAt('2026-01-01T00:00:00.000Z', 1, {baseDelayMs: 5000, random: () => 0})` → 10 s later.
 */
export function retryAt(
  now: string,
  previous: number,
  options: { baseDelayMs: number; random?: () => number },
): string {
  const delay = options.baseDelayMs * 2 ** previous;
  const jitter = Math.floor(delay * JITTER * (options.random ?? Math.random)());
  return new Date(Date.parse(now) + delay + jitter).toISOString();
}

function describeError(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const cause = e?.cause?.code ?? e?.cause?.message;
  return `${e?.message ?? String(error)}${cause ? ` (${cause})` : ''}`;
}

/**
 * The default sender: `fetch` without following redirects (a webhook that moves is a failed delivery, not a
 * request to somewhere else), the answer's body discarded.
 */
export const postJson: PostFn = async (url, body, headers, signal) => {
  const response = await fetch(url, { method: 'POST', body, headers, signal, redirect: 'manual' });
  await response.body?.cancel();
  return { status: response.status };
};
