import { createHash, timingSafeEqual } from 'node:crypto';

/** Headers on every answer. The UI is built without inline scripts or styles, so the CSP can forbid them. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

/** True for addresses only this machine can reach. `isLoopback('127.0.0.1')` → true; `isLoopback('0.0.0.0')` → false. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || /^::ffff:127(\.\d{1,3}){3}$/.test(h);
}

/**
 * Checks an `Authorization: Bearer …` header against the token in constant time: both sides are hashed first,
 * so neither the token's content nor its length leaks through timing.
 * `tokenMatches('Bearer s3cret', 's3cret')` → true.
 */
export function tokenMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  const given = createHash('sha256').update(match?.[1] ?? '').digest();
  const expected = createHash('sha256').update(token).digest();
  return timingSafeEqual(given, expected) && match !== null;
}

export interface RateLimitOptions {
  /** Requests allowed per client address and window. */
  readonly max: number;
  readonly windowMs: number;
}

/**
 * A fixed-window request counter per client address. `limiter.take('10.0.0.1')` → milliseconds to wait when
 * the address is over its budget, else 0. Old windows are dropped as they expire, so memory stays bounded by
 * the clients of one window.
 */
export function createRateLimiter(options: RateLimitOptions, now: () => number = Date.now) {
  let windowStart = now();
  let counts = new Map<string, number>();
  return {
    take(address: string): number {
      const t = now();
      if (t - windowStart >= options.windowMs) {
        windowStart = t;
        counts = new Map();
      }
      const used = (counts.get(address) ?? 0) + 1;
      counts.set(address, used);
      return used > options.max ? windowStart + options.windowMs - t : 0;
    },
  };
}

/** Runs async tasks one at a time: writes share one store transaction, so two ingests must not interleave. */
export function createSerialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
