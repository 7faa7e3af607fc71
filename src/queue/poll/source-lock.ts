import type { LockClient } from '../dedup-lock.ts';

// Set only when free; released only by its holder (a poll outliving its TTL must not free the next one's lock).
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/** The few Redis calls an exclusive lock needs. */
export interface ExclusiveLockClient extends LockClient {
  set(key: string, value: string, px: 'PX', ttl: number, nx: 'NX'): Promise<unknown>;
}

/**
 * Runs `work` only if no other process holds `key`, holding it meanwhile (expiring after `ttlMs` should the
 * holder die); returns `undefined` without running when the key is held. This is what keeps a source polled by
 * one worker at a time even when a slow poll overlaps the next scheduled one.
 * `await whileHolding(redis, 'bull:rasd-poll:rasd:poll-lock:ab12', owner, 120_000, () => poll())`.
 */
export async function whileHolding<T>(client: ExclusiveLockClient, key: string, owner: string, ttlMs: number, work: () => Promise<T>): Promise<T | undefined> {
  const taken = await client.set(key, owner, 'PX', ttlMs, 'NX');
  if (taken !== 'OK') return undefined;
  try {
    return await work();
  } finally {
    await client.eval(RELEASE, 1, key, owner).catch(() => {});
  }
}
