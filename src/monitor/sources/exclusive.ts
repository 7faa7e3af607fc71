/** Runs async work one piece at a time, in call order. */
export type Exclusive = <T>(work: () => Promise<T>) => Promise<T>;

/**
 * A promise-chain mutex: each piece of work starts once the one before it settled, failed or not. The store's
 * write batches are one transaction on one connection, so concurrent polls must take turns writing.
 * `const exclusive = createExclusive(); await exclusive(() => ingest())`.
 */
export function createExclusive(): Exclusive {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    // The chain must not break on a failure, nor keep results alive longer than needed.
    tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };
}

/** No exclusion: for a single poll run on its own. `await unguarded(() => work())`. */
export const unguarded: Exclusive = (work) => work();
