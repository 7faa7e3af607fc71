import { buildLattice } from './lattice.ts';
import { seededRandom, shuffle } from './rng.ts';
import type { TagScheme } from './tags.ts';
import { viterbi } from './viterbi.ts';

/** A training sentence with its features as ids: word i owns `features[offsets[i]..offsets[i+1])`. */
export interface IndexedSentence {
  readonly features: Int32Array;
  readonly offsets: Int32Array;
  readonly gold: Int32Array;
}

export interface PerceptronOptions {
  readonly epochs: number;
  readonly seed: number;
}

/** Learned weights: `emission[feature * T + tag]` and `transition` laid out as lattice.ts expects. */
export interface PerceptronWeights {
  readonly emission: Float64Array;
  readonly transition: Float64Array;
}

/** Sums the weights of each word's features into an n × T score table. */
export function emissionScores(
  sentence: Omit<IndexedSentence, 'gold'>,
  emission: Float64Array,
  T: number,
): Float64Array {
  const n = sentence.offsets.length - 1;
  const scores = new Float64Array(n * T);
  for (let i = 0; i < n; i++) {
    for (let k = sentence.offsets[i]!; k < sentence.offsets[i + 1]!; k++) {
      const base = sentence.features[k]! * T;
      for (let t = 0; t < T; t++) scores[i * T + t]! += emission[base + t]!;
    }
  }
  return scores;
}

/**
 * Trains an averaged structured perceptron (Collins 2002): decode each sentence with the current weights
 * under the scheme's constraints, move weights toward the gold path and away from the predicted one, and
 * return the average of the weights over all steps (which generalizes far better than the last ones).
 * Deterministic: sentences are shuffled each epoch by a generator seeded from `options.seed`.
 */
export function trainPerceptron(
  sentences: readonly IndexedSentence[],
  featureCount: number,
  tags: readonly string[],
  scheme: TagScheme,
  options: PerceptronOptions,
  onEpoch?: (epoch: number, mistakes: number) => void,
): PerceptronWeights {
  const T = tags.length;
  const emission = new Float64Array(featureCount * T);
  const emissionSum = new Float64Array(featureCount * T);
  const transition = new Float64Array((T + 2) * T);
  const transitionSum = new Float64Array((T + 2) * T);
  const random = seededRandom(options.seed);
  const order = sentences.map((_, i) => i);
  // Averaging trick (Daumé): keep w and Σ c·Δw; the average is w − (Σ c·Δw)/c.
  let step = 1;
  const bump = (weights: Float64Array, sums: Float64Array, index: number, delta: number) => {
    weights[index]! += delta;
    sums[index]! += step * delta;
  };
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    let mistakes = 0;
    for (const index of order) {
      const sentence = sentences[index]!;
      const lattice = buildLattice(tags, scheme, transition);
      const predicted = viterbi(emissionScores(sentence, emission, T), lattice);
      const n = sentence.gold.length;
      let wrong = false;
      for (let i = 0; i < n; i++) {
        const gold = sentence.gold[i]!;
        const guess = predicted[i]!;
        if (gold === guess) continue;
        wrong = true;
        mistakes++;
        for (let k = sentence.offsets[i]!; k < sentence.offsets[i + 1]!; k++) {
          const base = sentence.features[k]! * T;
          bump(emission, emissionSum, base + gold, 1);
          bump(emission, emissionSum, base + guess, -1);
        }
      }
      if (wrong) {
        const tagAt = (path: ArrayLike<number>, sign: number) => {
          bump(transition, transitionSum, T * T + path[0]!, sign);
          for (let i = 1; i < n; i++) bump(transition, transitionSum, path[i - 1]! * T + path[i]!, sign);
          bump(transition, transitionSum, T * T + T + path[n - 1]!, sign);
        };
        tagAt(sentence.gold, 1);
        tagAt(predicted, -1);
      }
      step++;
    }
    onEpoch?.(epoch + 1, mistakes);
  }
  for (let k = 0; k < emission.length; k++) emission[k] = emission[k]! - emissionSum[k]! / step;
  for (let k = 0; k < transition.length; k++) transition[k] = transition[k]! - transitionSum[k]! / step;
  return { emission, transition };
}
