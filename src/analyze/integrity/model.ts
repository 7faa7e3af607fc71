import data from '../../../data/integrity/model.json' with { type: 'json' };
import type { IntegrityFeatures } from './types.ts';

/** The features in the order of the model's weights. */
export const FEATURE_NAMES = [
  'leadRecall',
  'bodyRecall',
  'bigramRecall',
  'rareRecall',
  'topTermHit',
  'leadCosine',
  'leadMass',
  'bodyMass',
  'repetition',
  'earliness',
  'titleMass',
  'leadSimilarity',
  'bodySimilarity',
  'leadAlignment',
  'termBodySimilarity',
  'vectorCoverage',
] as const;

/** A logistic model over the features and the threshold on its probability, learned on real news. */
export interface IntegrityModel {
  readonly weights: readonly number[];
  readonly bias: number;
  readonly threshold: number;
}

/** The model in data/integrity/model.json (learned by scripts/learn-integrity.ts). */
export const DEFAULT_MODEL: IntegrityModel = {
  weights: data.weights,
  bias: data.bias,
  threshold: data.threshold,
};

/** The features as a vector, in FEATURE_NAMES order. */
export function featureVector(features: IntegrityFeatures): number[] {
  return FEATURE_NAMES.map((name) => features[name]);
}

/** The probability that the title belongs to the body. `scoreFeatures(f, DEFAULT_MODEL)` → 0–1. */
export function scoreFeatures(features: IntegrityFeatures, model: IntegrityModel = DEFAULT_MODEL): number {
  let z = model.bias;
  FEATURE_NAMES.forEach((name, i) => {
    z += (model.weights[i] ?? 0) * features[name];
  });
  return 1 / (1 + Math.exp(-z));
}
