/** Longest wait after failures: a broken source is still retried a few times a day. */
export const MAX_BACKOFF_MS = 6 * 3_600_000;

/** ±10 %: sources added together drift apart instead of hitting their hosts in lockstep. */
const JITTER = 0.1;

/**
 * When to poll a source next, in epoch milliseconds: `everyMs` after `now` when the last poll succeeded
 * (`failures` = 0), else `everyMs × 2^failures` — capped at six hours, never below `everyMs` — and jittered
 * by ±10 % either way. `random` returns [0, 1) like Math.random (tests pass a fixed one).
 * `nextPollTime(0, 60_000, 0, () => 0.5)` → `60000`; `nextPollTime(0, 60_000, 2, () => 0.5)` → `240000`.
 */
export function nextPollTime(
  now: number,
  everyMs: number,
  failures: number,
  random: () => number = Math.random,
): number {
  return now + Math.round(jittered(backoffMs(everyMs, failures), random));
}

/**
 * The un-jittered wait after `failures` consecutive failed polls. `backoffMs(60_000, 3)` → `480000`.
 */
export function backoffMs(everyMs: number, failures: number): number {
  if (failures <= 0) return everyMs;
  // The exponent is bounded so a long-dead source cannot overflow to Infinity.
  const grown = everyMs * 2 ** Math.min(failures, 40);
  return Math.max(everyMs, Math.min(grown, MAX_BACKOFF_MS));
}

function jittered(ms: number, random: () => number): number {
  const r = Math.min(Math.max(random(), 0), 1);
  return ms * (1 + (r * 2 - 1) * JITTER);
}
