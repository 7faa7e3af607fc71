import type { Store } from '../store/store.ts';

/** The few Redis calls the lock needs (an ioredis client has them). */
export interface LockClient {
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
}

// All or nothing: take every key not held by someone else, or none and say which key is busy.
const ACQUIRE = `
for i, key in ipairs(KEYS) do
  local owner = redis.call('GET', key)
  if owner and owner ~= ARGV[1] then return i end
end
for _, key in ipairs(KEYS) do redis.call('SET', key, ARGV[1], 'PX', ARGV[2]) end
return 0`;
const RELEASE = `
for _, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[1] then redis.call('DEL', key) end
end
return 0`;
const LOST = `
local lost = 0
for _, key in ipairs(KEYS) do
  if redis.call('GET', key) ~= ARGV[1] then lost = lost + 1 end
end
return lost`;
const REFRESH = `
for _, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[1] then redis.call('PEXPIRE', key, ARGV[2]) end
end
return 0`;

export interface DedupLockOptions {
  /** Prefix of the lock keys in Redis. */
  readonly prefix: string;
  /** Who holds the locks (worker and job), unique per open transaction. */
  readonly owner: string;
  /** A dead holder's locks expire after this; a live one refreshes them at a third of it. */
  readonly ttlMs: number;
  /** Give up waiting after this (the job fails and is retried with backoff). */
  readonly waitMs: number;
}

/**
 * Wraps a store so that concurrent workers decide duplicates as a serial ingest would: looking up a content
 * hash or LSH bands takes a Redis lock on each key until the transaction ends, so a worker about to store a
 * story waits for another that is storing the same or a near copy, then sees it. Every key of one lookup is
 * taken at once and each transaction covers one article (batch size 1), so two workers cannot deadlock.
 * Store errors are remembered, so the job can fail (and be retried) instead of counting them as bad records.
 */
export function lockingStore(store: Store, client: LockClient, options: DedupLockOptions) {
  const held = new Set<string>();
  let storeError: unknown;
  const refresher = setInterval(
    () => {
      if (held.size > 0)
        client.eval(REFRESH, held.size, ...held, options.owner, options.ttlMs).catch(() => {});
    },
    Math.max(50, Math.floor(options.ttlMs / 3)),
  );
  refresher.unref();

  const acquire = async (keys: readonly string[]) => {
    const wanted = [...new Set(keys.map((key) => `${options.prefix}${key}`))].filter((key) => !held.has(key));
    if (wanted.length === 0) return;
    const deadline = Date.now() + options.waitMs;
    for (let pause = 5; ; pause = Math.min(pause * 2, 200)) {
      const busy = Number(await client.eval(ACQUIRE, wanted.length, ...wanted, options.owner, options.ttlMs));
      if (busy === 0) break;
      if (Date.now() > deadline)
        throw new Error(
          `waited ${options.waitMs} ms for another worker storing the same story (${wanted[busy - 1]})`,
        );
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
    for (const key of wanted) held.add(key);
  };
  const release = async () => {
    if (held.size === 0) return;
    const keys = [...held];
    held.clear();
    await client.eval(RELEASE, keys.length, ...keys, options.owner);
  };
  const guarded =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await call(...args);
      } catch (error) {
        storeError ??= error;
        throw error;
      }
    };

  const overrides: Partial<Store> = {
    findExact: guarded(async (hash: string) => {
      await acquire([`h:${hash}`]);
      return store.findExact(hash);
    }),
    findCandidates: guarded(async (bands: readonly string[]) => {
      await acquire(bands.map((band) => `b:${band}`));
      return store.findCandidates(bands);
    }),
    hasSighting: guarded((rawId: string, key: string) => store.hasSighting(rawId, key)),
    addArticle: guarded((input) => store.addArticle(input)),
    addSighting: guarded((clusterId, sighting) => store.addSighting(clusterId, sighting)),
    begin: guarded(() => store.begin()),
    commit: guarded(async () => {
      // A holder stalled past the TTL may have lost a lock to another worker: then its decision is stale.
      if (held.size > 0 && Number(await client.eval(LOST, held.size, ...held, options.owner)) > 0) {
        throw new Error(
          'lost a dedup lock while storing (worker stalled longer than the lock TTL); the job will be retried',
        );
      }
      await store.commit();
      await release();
    }),
    rollback: async () => {
      await store.rollback().catch(() => {});
      await release();
    },
  };
  // Everything else goes to the store itself, bound to it (stores may keep private fields).
  const wrapped = new Proxy(store, {
    get(target, property, receiver) {
      if (Object.hasOwn(overrides, property)) return overrides[property as keyof Store];
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return {
    store: wrapped,
    /** The first store error seen, if any. */
    failure: (): unknown => storeError,
    /** Ends the wrapper: undoes an open transaction, frees its locks, stops refreshing. */
    async close(): Promise<void> {
      clearInterval(refresher);
      if (held.size > 0) await wrapped.rollback();
    },
  };
}
