import type { Lattice } from './lattice.ts';

/**
 * The best tag path for `emissions` (n words × T tags, row-major) through the lattice. Forbidden moves
 * score -Infinity, so the path is always valid as long as one valid path exists (O everywhere is).
 * `viterbi(new Float64Array([0, 1]), lattice)` with T = 2 → `[1]` when nothing else weighs in.
 */
export function viterbi(emissions: Float64Array, lattice: Lattice): Int32Array {
  const T = lattice.tagCount;
  const n = emissions.length / T;
  const path = new Int32Array(n);
  if (n === 0) return path;
  const score = new Float64Array(n * T);
  const back = new Int32Array(n * T);
  for (let t = 0; t < T; t++) score[t] = lattice.start[t]! + emissions[t]!;
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < T; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < T; p++) {
        const s = score[(i - 1) * T + p]! + lattice.transition[p * T + t]!;
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
    const s = score[(n - 1) * T + t]! + lattice.end[t]!;
    if (s > best) {
      best = s;
      arg = t;
    }
  }
  path[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i * T + path[i]!]!;
  return path;
}

/**
 * Per-word tag probabilities from the path scores (forward–backward over the same lattice, softmax of
 * the scores): how sure the tagger is of each word's tag. Returns n × T values in 0–1.
 */
export function marginals(emissions: Float64Array, lattice: Lattice): Float64Array {
  const T = lattice.tagCount;
  const n = emissions.length / T;
  const alpha = new Float64Array(n * T);
  const beta = new Float64Array(n * T);
  const out = new Float64Array(n * T);
  if (n === 0) return out;
  const terms = new Float64Array(T);
  for (let t = 0; t < T; t++) alpha[t] = lattice.start[t]! + emissions[t]!;
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < T; t++) {
      for (let p = 0; p < T; p++) terms[p] = alpha[(i - 1) * T + p]! + lattice.transition[p * T + t]!;
      alpha[i * T + t] = logSumExp(terms) + emissions[i * T + t]!;
    }
  }
  for (let t = 0; t < T; t++) beta[(n - 1) * T + t] = lattice.end[t]!;
  for (let i = n - 2; i >= 0; i--) {
    for (let t = 0; t < T; t++) {
      for (let q = 0; q < T; q++)
        terms[q] = lattice.transition[t * T + q]! + emissions[(i + 1) * T + q]! + beta[(i + 1) * T + q]!;
      beta[i * T + t] = logSumExp(terms);
    }
  }
  for (let t = 0; t < T; t++) terms[t] = alpha[(n - 1) * T + t]! + lattice.end[t]!;
  const total = logSumExp(terms);
  for (let k = 0; k < n * T; k++) out[k] = Math.exp(alpha[k]! + beta[k]! - total);
  return out;
}

function logSumExp(values: Float64Array): number {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (const v of values) sum += Math.exp(v - max);
  return max + Math.log(sum);
}
