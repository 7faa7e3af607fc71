import type { Store } from '../store/store.ts';

/**
 * A fixed set of stores, one per concurrent job, since a store holds one transaction at a time.
 * `const pool = await openStorePool(() => openStore(db), 2); await pool.use((store) => …)`.
 */
export async function openStorePool(open: () => Promise<Store>, size: number) {
  const free: Store[] = [];
  for (let i = 0; i < size; i++) free.push(await open());
  const all = [...free];
  const waiting: ((store: Store) => void)[] = [];
  return {
    size,
    async use<T>(work: (store: Store) => Promise<T>): Promise<T> {
      const store = free.pop() ?? (await new Promise<Store>((resolve) => waiting.push(resolve)));
      try {
        return await work(store);
      } finally {
        const next = waiting.shift();
        if (next) next(store);
        else free.push(store);
      }
    },
    async close(): Promise<void> {
      await Promise.all(all.map((store) => store.close()));
    },
  };
}
