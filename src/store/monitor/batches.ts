/** At most this many values per `IN (…)` list or multi-row insert, well under every driver's parameter limit. */
export const BATCH_SIZE = 500;

/** `values` cut into runs of at most `size`. `batches(['a', 'b', 'c'], 2)` → `[['a', 'b'], ['c']]`. */
export function batches<T>(values: readonly T[], size = BATCH_SIZE): T[][] {
  const runs: T[][] = [];
  for (let start = 0; start < values.length; start += size) runs.push(values.slice(start, start + size));
  return runs;
}
