/**
 * 32-bit string and integer hashing for shingles and MinHash permutations. Not cryptographic: only spread
 * matters here, and these run once per shingle per permutation, so they must be cheap.
 */

/** FNV-1a over UTF-16 code units, finished with a murmur3 mix. `hashString('خبر')` → a uint32. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** The murmur3 finalizer: every input bit affects every output bit. `mix32(1)` → a uint32. */
export function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A fixed sequence of uint32 seeds (splitmix-style), so signatures are the same in every run and process. */
export function seeds(count: number, start = 0x9e3779b9): Uint32Array {
  const out = new Uint32Array(count);
  let state = start >>> 0;
  for (let i = 0; i < count; i++) {
    state = (state + 0x9e3779b9) >>> 0;
    out[i] = mix32(state ^ mix32(i + 1));
  }
  return out;
}
