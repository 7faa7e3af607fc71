import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { bandKeys } from './lsh.ts';
import { createMinHasher, type Signature } from './minhash.ts';
import { dedupText, shingleHashes } from './shingles.ts';

/** How texts are compared; changing any value changes every stored fingerprint (see `DEDUP_VERSION`). */
export interface DedupOptions {
  /** Words per shingle. 3 keeps phrasing without making one changed word change too many shingles. */
  readonly shingleSize: number;
  readonly bands: number;
  readonly rows: number;
  /** Estimated Jaccard similarity at or above which a text joins a cluster. */
  readonly threshold: number;
}

export const DEFAULT_DEDUP_OPTIONS: DedupOptions = { shingleSize: 3, bands: 32, rows: 4, threshold: 0.5 };

/** What the store keeps of a text to find its duplicates later. */
export interface Fingerprint {
  /** SHA-256 (first 32 hex) of the dedup text: equal for exact duplicates up to spelling and punctuation. */
  readonly contentHash: string;
  readonly signature: Signature;
  readonly bands: readonly string[];
  /** Words in the dedup text; very short texts are not near-matched (too few shingles to judge). */
  readonly words: number;
}

/**
 * Builds the fingerprinter once for a set of options. `createFingerprinter()(cleanText).contentHash` → 32 hex.
 */
export function createFingerprinter(options: DedupOptions = DEFAULT_DEDUP_OPTIONS): (cleanText: string) => Fingerprint {
  const minhash = createMinHasher(options.bands * options.rows);
  return function fingerprint(cleanText: string): Fingerprint {
    const text = dedupText(cleanText);
    const signature = minhash(shingleHashes(text, options.shingleSize));
    return {
      contentHash: bytesToHex(sha256(utf8ToBytes(text))).slice(0, 32),
      signature,
      bands: bandKeys(signature, options.bands, options.rows),
      words: text === '' ? 0 : text.split(' ').length,
    };
  };
}
