import { DEFAULT_DEDUP_OPTIONS, type DedupOptions, type Fingerprint } from './fingerprint.ts';
import { similarity, type Signature } from './minhash.ts';

/** A stored text that shares at least one LSH band with the new one. */
export interface Candidate {
  readonly clusterId: string;
  readonly articleId: string;
  readonly signature: Signature;
}

/** Where a new text belongs: a new cluster, or an existing one as an exact or near duplicate. */
export type DedupDecision =
  | { readonly relation: 'new' }
  | { readonly relation: 'exact'; readonly clusterId: string; readonly articleId: string; readonly similarity: 1 }
  | { readonly relation: 'near'; readonly clusterId: string; readonly articleId: string; readonly similarity: number };

/** Texts shorter than this many words are matched only exactly: a few shingles say little. */
export const MIN_NEAR_WORDS = 20;

/**
 * Picks the most similar candidate at or above the threshold; ties go to the earliest article id order the
 * store returned, so the decision is the same in every run. `decideNear(fp, [])` → `{relation: 'new'}`.
 */
export function decideNear(
  fingerprint: Fingerprint,
  candidates: readonly Candidate[],
  options: DedupOptions = DEFAULT_DEDUP_OPTIONS,
): DedupDecision {
  if (fingerprint.words < MIN_NEAR_WORDS) return { relation: 'new' };
  let best: Candidate | undefined;
  let bestScore = 0;
  for (const candidate of candidates) {
    const score = similarity(fingerprint.signature, candidate.signature);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  if (best === undefined || bestScore < options.threshold) return { relation: 'new' };
  return { relation: 'near', clusterId: best.clusterId, articleId: best.articleId, similarity: bestScore };
}
