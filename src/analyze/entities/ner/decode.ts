import type { EntityType } from '../../../core/annotations.ts';
import type { Lattice } from './lattice.ts';

/**
 * Decoding over typed arrays with buffers reused from sentence to sentence: the best path (Viterbi, the
 * same arithmetic as viterbi.ts) and the probability of a word's tag along it (forward–backward in scaled
 * probability space: one `exp` per word and tag instead of log-sum-exp at every step).
 */
export interface Decoder {
  /** The best path of `scores[0, n·T)` into `path[0, n)`. */
  best(scores: Float64Array, n: number, path: Int32Array): void;
  /**
   * After `best`: for each word, the probability of its tag on the path, into `sure[0, n)`, with scores
   * divided by the temperature first (the path's own scores are margins, not log-probabilities).
   * `sums`: the same scores as integers (see IntegerScores), which lets `exp` come from a table.
   * Only words `[first, last)` are needed: the forward pass stops at `last`, the backward one at `first`.
   */
  confidences(
    scores: Float64Array,
    n: number,
    path: Int32Array,
    sure: Float64Array,
    sums?: Int32Array,
    first?: number,
    last?: number,
  ): void;
}

/** Scores that are integers in disguise: `score = sum / scale`, less `bias / scale` for tag 0 (O). */
export interface IntegerScores {
  readonly scale: number;
  readonly bias: number;
}

// exp(-d / (scale · temperature)) for integer gaps d below this, as a product of two 256-entry tables (d's
// high and low bytes; both stay in the first-level cache); wider gaps call exp.
const EXP_TABLE = 1 << 16;

export function createDecoder(lattice: Lattice, temperature: number, integers?: IntegerScores): Decoder {
  const T = lattice.tagCount;
  const { transition, start, end } = lattice;
  const expOf = (values: Float64Array) => values.map((v) => Math.exp(v / temperature));
  const move = expOf(transition);
  const enter = expOf(start);
  const leave = expOf(end);
  // The moves the scheme allows (I-PER only after B-PER or I-PER…), as lists: forbidden ones score -Infinity
  // and can never win a maximum nor add to a sum, so skipping them changes nothing.
  const into: number[][] = Array.from({ length: T }, () => []);
  const outOf: number[][] = Array.from({ length: T }, () => []);
  for (let p = 0; p < T; p++) {
    for (let t = 0; t < T; t++) {
      if (transition[p * T + t] === -Infinity) continue;
      into[t]!.push(p);
      outOf[p]!.push(t);
    }
  }
  const intoPrevious = Int32Array.from(into.flat());
  const intoStart = Int32Array.from([0, ...into.map((_, t) => into.slice(0, t + 1).flat().length)]);
  const outNext = Int32Array.from(outOf.flat());
  const intoWeight = Float64Array.from(into.flatMap((list, t) => list.map((p) => move[p * T + t]!)));
  const outWeight = Float64Array.from(outOf.flatMap((list, p) => list.map((t) => move[p * T + t]!)));
  const outStart = Int32Array.from([0, ...outOf.map((_, p) => outOf.slice(0, p + 1).flat().length)]);
  let score = new Float64Array(0);
  let back = new Int32Array(0);
  let alpha = new Float64Array(0);
  let beta = new Float64Array(0);
  let emit = new Float64Array(0);
  const ahead = new Float64Array(T);
  const step = integers ? 1 / (integers.scale * temperature) : 0;
  const expHigh = Float64Array.from({ length: 256 }, (_, d) => Math.exp(-d * 256 * step));
  const expLow = Float64Array.from({ length: 256 }, (_, d) => Math.exp(-d * step));
  const gaps = new Int32Array(T);
  const reserve = (n: number) => {
    if (score.length >= n * T) return;
    const size = Math.max(n * T, 2 * score.length);
    score = new Float64Array(size);
    back = new Int32Array(size);
    alpha = new Float64Array(size);
    beta = new Float64Array(size);
    emit = new Float64Array(size);
  };
  return {
    best(emissions, n, path) {
      if (n === 0) return;
      reserve(n);
      for (let t = 0; t < T; t++) score[t] = start[t]! + emissions[t]!;
      for (let i = 1; i < n; i++) {
        const prev = (i - 1) * T;
        for (let t = 0; t < T; t++) {
          let best = -Infinity;
          let arg = 0;
          // Predecessors in increasing order, so ties go to the same one as a scan of all of them.
          for (let k = intoStart[t]!; k < intoStart[t + 1]!; k++) {
            const p = intoPrevious[k]!;
            const s = score[prev + p]! + transition[p * T + t]!;
            if (s > best) {
              best = s;
              arg = p;
            }
          }
          score[i * T + t] = best + emissions[i * T + t]!;
          back[i * T + t] = arg;
        }
      }
      let best = -Infinity;
      let arg = 0;
      for (let t = 0; t < T; t++) {
        const s = score[(n - 1) * T + t]! + end[t]!;
        if (s > best) {
          best = s;
          arg = t;
        }
      }
      path[n - 1] = arg;
      for (let i = n - 1; i > 0; i--) path[i - 1] = back[i * T + path[i]!]!;
    },

    confidences(emissions, n, path, sure, sums, first = 0, last = n) {
      if (n === 0) return;
      reserve(n);
      const cool = 1 / temperature;
      // Each word's scores shifted by their maximum before exp, so nothing overflows.
      if (sums && integers) {
        for (let i = 0; i < n; i++) {
          const row = i * T;
          let max = -Infinity;
          for (let t = 0; t < T; t++) {
            const v = sums[row + t]! - (t === 0 ? integers.bias : 0);
            gaps[t] = v;
            if (v > max) max = v;
          }
          for (let t = 0; t < T; t++) {
            const gap = max - gaps[t]!;
            emit[row + t] = gap < EXP_TABLE ? expHigh[gap >> 8]! * expLow[gap & 255]! : Math.exp(-gap * step);
          }
        }
      } else
        for (let i = 0; i < n; i++) {
          const row = i * T;
          let max = -Infinity;
          for (let t = 0; t < T; t++) if (emissions[row + t]! > max) max = emissions[row + t]!;
          for (let t = 0; t < T; t++) emit[row + t] = Math.exp((emissions[row + t]! - max) * cool);
        }
      // Forward, each step scaled to sum 1; backward likewise. A word's probabilities are normalized at the
      // end, so each pass may scale each word by any factor.
      let sum = 0;
      for (let t = 0; t < T; t++) sum += alpha[t] = enter[t]! * emit[t]!;
      const start0 = 1 / sum;
      for (let t = 0; t < T; t++) alpha[t]! *= start0;
      for (let i = 1; i < last; i++) {
        sum = 0;
        const prev = (i - 1) * T;
        const row = i * T;
        for (let t = 0; t < T; t++) {
          let reach = 0;
          for (let k = intoStart[t]!; k < intoStart[t + 1]!; k++)
            reach += alpha[prev + intoPrevious[k]!]! * intoWeight[k]!;
          sum += alpha[row + t] = reach * emit[row + t]!;
        }
        const factor = 1 / sum;
        for (let t = 0; t < T; t++) alpha[row + t]! *= factor;
      }
      for (let t = 0; t < T; t++) beta[(n - 1) * T + t] = leave[t]!;
      for (let i = n - 2; i >= first; i--) {
        const next = (i + 1) * T;
        for (let q = 0; q < T; q++) ahead[q] = emit[next + q]! * beta[next + q]!;
        let total = 0;
        for (let t = 0; t < T; t++) {
          let out = 0;
          for (let k = outStart[t]!; k < outStart[t + 1]!; k++) out += outWeight[k]! * ahead[outNext[k]!]!;
          beta[i * T + t] = out;
          total += out;
        }
        const factor = 1 / total;
        for (let t = 0; t < T; t++) beta[i * T + t]! *= factor;
      }
      for (let i = first; i < last; i++) {
        const row = i * T;
        let total = 0;
        for (let t = 0; t < T; t++) total += alpha[row + t]! * beta[row + t]!;
        sure[i] = (alpha[row + path[i]!]! * beta[row + path[i]!]!) / total;
      }
    },
  };
}

/** What each tag id means for reading names off a path (tags.ts spansOf, on ids). */
export interface TagMeaning {
  /** 0 for O; else the mark letter's code (B, I, L, U). */
  readonly mark: Uint8Array;
  /** Type index into `types`, per tag. */
  readonly type: Uint8Array;
  readonly types: readonly EntityType[];
}

const MARKS = 'BILU';

export function tagMeaning(tags: readonly string[]): TagMeaning {
  const types: EntityType[] = [];
  const mark = new Uint8Array(tags.length);
  const type = new Uint8Array(tags.length);
  tags.forEach((tag, k) => {
    if (tag === 'O') return;
    const name = tag.slice(2) as EntityType;
    if (!types.includes(name)) types.push(name);
    mark[k] = 1 + MARKS.indexOf(tag[0]!);
    type[k] = types.indexOf(name);
  });
  return { mark, type, types };
}

const I = 2;
const L = 3;
const U = 4;

/**
 * Calls `found(start, end, typeIndex)` for each name on a path of tag ids, CoNLL-style as spansOf does:
 * an I- that does not continue a name of its type starts a new one.
 */
export function eachSpan(
  meaning: TagMeaning,
  path: Int32Array,
  n: number,
  found: (start: number, end: number, type: number) => void,
): void {
  let start = -1;
  let type = -1;
  for (let i = 0; i < n; i++) {
    const tag = path[i]!;
    const mark = meaning.mark[tag]!;
    if (mark === 0) {
      if (start >= 0) found(start, i, type);
      start = -1;
      continue;
    }
    const tagType = meaning.type[tag]!;
    const continues = (mark === I || mark === L) && start >= 0 && tagType === type;
    if (!continues) {
      if (start >= 0) found(start, i, type);
      start = i;
      type = tagType;
    }
    if (mark === L || mark === U) {
      found(start, i + 1, type);
      start = -1;
    }
  }
  if (start >= 0) found(start, n, type);
}
