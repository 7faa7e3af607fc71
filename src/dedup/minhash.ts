import { mix32, seeds } from './hash32.ts';

/**
 * A MinHash signature: for each of `k` hash functions, the smallest hash over the shingle set. The share
 * of equal positions between two signatures estimates the Jaccard similarity of the two sets.
 */
export type Signature = Uint32Array;

/**
 * Builds a signer with `permutations` hash functions, seeded once. The hot path is one mix per shingle per
 * permutation. `createMinHasher(128)(shingleHashes(text, 3))` → a 128-value signature.
 */
export function createMinHasher(permutations: number): (shingles: Uint32Array) => Signature {
  const salt = seeds(permutations);
  return function minhash(shingles: Uint32Array): Signature {
    const signature = new Uint32Array(permutations).fill(0xffffffff);
    for (let s = 0; s < shingles.length; s++) {
      const value = shingles[s]!;
      for (let p = 0; p < permutations; p++) {
        const h = mix32(value ^ salt[p]!);
        if (h < signature[p]!) signature[p] = h;
      }
    }
    return signature;
  };
}

/** Estimated Jaccard similarity: the share of positions where both signatures agree. `similarity(a, a)` → 1. */
export function similarity(a: Signature, b: Signature): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}

/** Signature ↔ bytes, for storage as a blob. `signatureFromBytes(signatureToBytes(s))` equals `s`. */
export function signatureToBytes(signature: Signature): Uint8Array {
  return new Uint8Array(signature.buffer.slice(signature.byteOffset, signature.byteOffset + signature.byteLength));
}

export function signatureFromBytes(bytes: Uint8Array): Signature {
  const copy = new Uint8Array(bytes);
  return new Uint32Array(copy.buffer, 0, copy.byteLength >>> 2);
}
