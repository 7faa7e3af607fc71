import { canEnd, canFollow, type TagScheme } from './tags.ts';

/**
 * The scores a first-order tagger adds along a path, with the scheme's invalid moves already excluded:
 * `transition[prev * T + next]`, `start[t]`, `end[t]`; -Infinity marks a forbidden move.
 */
export interface Lattice {
  readonly tagCount: number;
  readonly transition: Float64Array;
  readonly start: Float64Array;
  readonly end: Float64Array;
}

/**
 * Builds a lattice from learned transition weights, forbidding what the scheme forbids (I-PER after O…).
 * `buildLattice(tags, 'BIO', weights)` where `weights` holds (T+2)·T numbers: T rows prev→next, then start, then end.
 */
export function buildLattice(
  tags: readonly string[],
  scheme: TagScheme,
  weights: ArrayLike<number>,
): Lattice {
  const T = tags.length;
  const transition = new Float64Array(T * T);
  const start = new Float64Array(T);
  const end = new Float64Array(T);
  for (let next = 0; next < T; next++) {
    for (let prev = 0; prev < T; prev++) {
      transition[prev * T + next] = canFollow(tags[prev]!, tags[next]!, scheme)
        ? weights[prev * T + next]!
        : -Infinity;
    }
    start[next] = canFollow(null, tags[next]!, scheme) ? weights[T * T + next]! : -Infinity;
    end[next] = canEnd(tags[next]!, scheme) ? weights[T * T + T + next]! : -Infinity;
  }
  return { tagCount: T, transition, start, end };
}
