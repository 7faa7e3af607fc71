/**
 * A small seeded generator so training and clustering are reproducible run to run (Math.random is not).
 * `const next = seededRandom(42); next()` → a float in [0, 1), the same sequence for the same seed.
 */
export function seededRandom(seed: number): () => number {
  // mulberry32: 32-bit state, good enough for shuffles and initialisation.
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shuffles an array in place (Fisher–Yates) with the given generator. `shuffle([1, 2, 3], seededRandom(1))`. */
export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = items[i]!;
    items[i] = items[j]!;
    items[j] = tmp;
  }
  return items;
}
