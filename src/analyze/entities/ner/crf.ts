import { buildLattice, type Lattice } from './lattice.ts';
import { emissionScores, type IndexedSentence, type PerceptronWeights } from './perceptron.ts';
import { seededRandom, shuffle } from './rng.ts';
import type { TagScheme } from './tags.ts';

export interface CrfOptions {
  readonly epochs: number;
  readonly seed: number;
  /** L2 penalty per sentence step (λ / number of sentences). */
  readonly l2: number;
  /** Initial learning rate, decayed as lr / (1 + epoch). */
  readonly learningRate: number;
}

function logSumExp(values: Float64Array, n: number): number {
  let max = -Infinity;
  for (let k = 0; k < n; k++) if (values[k]! > max) max = values[k]!;
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (let k = 0; k < n; k++) sum += Math.exp(values[k]! - max);
  return max + Math.log(sum);
}

/** Forward–backward in log space: α, β and log Z of a sentence over the lattice. */
function forwardBackward(scores: Float64Array, lattice: Lattice, n: number) {
  const T = lattice.tagCount;
  const alpha = new Float64Array(n * T);
  const beta = new Float64Array(n * T);
  const terms = new Float64Array(T);
  for (let t = 0; t < T; t++) alpha[t] = lattice.start[t]! + scores[t]!;
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < T; t++) {
      for (let p = 0; p < T; p++) terms[p] = alpha[(i - 1) * T + p]! + lattice.transition[p * T + t]!;
      alpha[i * T + t] = logSumExp(terms, T) + scores[i * T + t]!;
    }
  }
  for (let t = 0; t < T; t++) beta[(n - 1) * T + t] = lattice.end[t]!;
  for (let i = n - 2; i >= 0; i--) {
    for (let t = 0; t < T; t++) {
      for (let q = 0; q < T; q++)
        terms[q] = lattice.transition[t * T + q]! + scores[(i + 1) * T + q]! + beta[(i + 1) * T + q]!;
      beta[i * T + t] = logSumExp(terms, T);
    }
  }
  for (let t = 0; t < T; t++) terms[t] = alpha[(n - 1) * T + t]! + lattice.end[t]!;
  return { alpha, beta, logZ: logSumExp(terms, T) };
}

/**
 * Trains a linear-chain CRF by stochastic gradient ascent on the log-likelihood with L2 regularization
 * (the weights shrink by a shared factor each step, applied lazily). Same inputs and outputs as the
 * perceptron, so either learner can produce the shipped model. Deterministic for a seed.
 */
export function trainCrf(
  sentences: readonly IndexedSentence[],
  featureCount: number,
  tags: readonly string[],
  scheme: TagScheme,
  options: CrfOptions,
  onEpoch?: (epoch: number, logLikelihood: number) => void,
): PerceptronWeights {
  const T = tags.length;
  const stored = new Float64Array(featureCount * T);
  const transition = new Float64Array((T + 2) * T);
  const random = seededRandom(options.seed);
  const order = sentences.map((_, i) => i);
  let scale = 1;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    const rate = options.learningRate / (1 + epoch);
    let logLikelihood = 0;
    for (const index of order) {
      const sentence = sentences[index]!;
      const n = sentence.gold.length;
      scale *= 1 - rate * options.l2;
      if (scale < 1e-6) {
        for (let k = 0; k < stored.length; k++) stored[k] = stored[k]! * scale;
        scale = 1;
      }
      const lattice = buildLattice(tags, scheme, transition);
      const scores = emissionScores(sentence, stored, T);
      for (let k = 0; k < scores.length; k++) scores[k] = scores[k]! * scale;
      const { alpha, beta, logZ } = forwardBackward(scores, lattice, n);
      // Gold path score for the log-likelihood report.
      let gold = lattice.start[sentence.gold[0]!]! + lattice.end[sentence.gold[n - 1]!]!;
      for (let i = 0; i < n; i++) {
        gold += scores[i * T + sentence.gold[i]!]!;
        if (i > 0) gold += lattice.transition[sentence.gold[i - 1]! * T + sentence.gold[i]!]!;
      }
      logLikelihood += gold - logZ;
      // Emission gradient: gold indicator − marginal, for each feature of each word.
      const step = rate / scale;
      for (let i = 0; i < n; i++) {
        const goldTag = sentence.gold[i]!;
        for (let t = 0; t < T; t++) {
          const marginal = Math.exp(alpha[i * T + t]! + beta[i * T + t]! - logZ);
          const g = (t === goldTag ? 1 : 0) - marginal;
          if (Math.abs(g) < 1e-6) continue;
          for (let k = sentence.offsets[i]!; k < sentence.offsets[i + 1]!; k++)
            stored[sentence.features[k]! * T + t]! += step * g;
        }
      }
      // Transition gradient (not regularized: a few hundred weights).
      for (let t = 0; t < T; t++) {
        transition[T * T + t]! -= rate * Math.exp(alpha[t]! + beta[t]! - logZ);
        transition[T * T + T + t]! -=
          rate * Math.exp(alpha[(n - 1) * T + t]! + beta[(n - 1) * T + t]! - logZ);
      }
      transition[T * T + sentence.gold[0]!]! += rate;
      transition[T * T + T + sentence.gold[n - 1]!]! += rate;
      for (let i = 1; i < n; i++) {
        for (let p = 0; p < T; p++) {
          const a = alpha[(i - 1) * T + p]!;
          if (a === -Infinity) continue;
          for (let t = 0; t < T; t++) {
            const move = lattice.transition[p * T + t]!;
            if (move === -Infinity) continue;
            transition[p * T + t]! -=
              rate * Math.exp(a + move + scores[i * T + t]! + beta[i * T + t]! - logZ);
          }
        }
        transition[sentence.gold[i - 1]! * T + sentence.gold[i]!]! += rate;
      }
    }
    onEpoch?.(epoch + 1, logLikelihood);
  }
  for (let k = 0; k < stored.length; k++) stored[k] = stored[k]! * scale;
  return { emission: stored, transition };
}
