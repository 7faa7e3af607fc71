import { bytesToInt16, decodeBase64 } from './base64.ts';
import { buildLattice, type Lattice } from './lattice.ts';
import type { TagScheme } from './tags.ts';

/** The model as stored in data/ner/model.json (written by scripts/train-ner.ts). */
export interface NerModelFile {
  readonly generatedBy: string;
  readonly format: 2;
  readonly scheme: TagScheme;
  readonly tags: readonly string[];
  /** Weights are stored as integers: the real weight is `stored / scale`. */
  readonly scale: number;
  /**
   * Subtracted from the O tag's score of every word: the perceptron leans to O on names it has never
   * seen, and this shift (tuned on held-out training data) trades some precision for more recall.
   */
  readonly outsideBias: number;
  /** (T+2)·T integers: T rows prev→next, then the start row, then the end row. */
  readonly transition: readonly number[];
  /**
   * Packed for fast loading: feature strings joined by `\n`; per feature the number of (tag, weight) pairs
   * that survived pruning (base64 bytes); the pairs themselves (base64 little-endian int16: tag, weight…).
   */
  readonly features: { readonly names: string; readonly counts: string; readonly pairs: string };
  /** How the model was trained: config, its hash, the hash of the code and data it came from, figures. */
  readonly training: Readonly<Record<string, unknown>> & {
    readonly configHash: string;
    readonly sourceHash: string;
  };
  /**
   * Two-stage models (document.ts): the first-stage model, whose names within `documentWindow` sentences
   * are features of this one. Absent for a one-stage model.
   */
  readonly stage1?: NerModelFile;
  readonly documentWindow?: number;
}

/** A loaded model: lookups ready for the hot path. */
export interface NerModel {
  readonly scheme: TagScheme;
  readonly tags: readonly string[];
  readonly lattice: Lattice;
  /** Feature string → feature id. */
  readonly features: ReadonlyMap<string, number>;
  /**
   * `weights[feature · T + tag]` as stored (the real weight is `stored / scale`), 0 where pruning dropped the
   * pair: 16-bit rows keep both stages' tables in cache, and dividing on use gives the very same doubles.
   */
  readonly weights: Int16Array;
  readonly scale: number;
  readonly outsideBias: number;
}

/** Turns the stored file into lookups. `loadModel(modelJson).tags[0]` → `'O'`. */
export function loadModel(file: NerModelFile): NerModel {
  const T = file.tags.length;
  if (file.format !== 2 || file.transition.length !== (T + 2) * T || T >= 32) {
    throw new Error(
      `NER model: unexpected format ${file.format} or transition size ${file.transition.length}`,
    );
  }
  const names = file.features.names.split('\n');
  const counts = decodeBase64(file.features.counts);
  const stored = bytesToInt16(decodeBase64(file.features.pairs));
  const features = new Map<string, number>();
  const weights = new Int16Array(names.length * T);
  let k = 0;
  names.forEach((name, id) => {
    features.set(name, id);
    for (let end = k + counts[id]! * 2; k < end; k += 2) {
      // A tag stored twice for one feature would have to be summed in its stored order; training never does.
      weights[id * T + stored[k]!] = stored[k + 1]!;
    }
  });
  return {
    scheme: file.scheme,
    tags: file.tags,
    lattice: buildLattice(
      file.tags,
      file.scheme,
      file.transition.map((w) => w / file.scale),
    ),
    features,
    weights,
    scale: file.scale,
    outsideBias: file.outsideBias,
  };
}

/**
 * Adds the real weights of `features` (as strings) to `scores[offset .. offset+T)` in their order, as the
 * string tagger did (the tagger itself sums stored integers, scorer.ts).
 */
export function addScores(
  model: NerModel,
  features: readonly string[],
  scores: Float64Array,
  offset: number,
): void {
  const T = model.tags.length;
  for (const feature of features) {
    const id = model.features.get(feature);
    if (id !== undefined) addRow(model, id * T, scores, offset);
  }
}

/** Adds one feature's row of weights (`weights[from ..]`) to a row of scores. */
export function addRow(model: NerModel, from: number, scores: Float64Array, offset: number): void {
  const { weights, scale } = model;
  const T = model.tags.length;
  // A zero adds 0, which leaves every score as it was: no branch needed.
  for (let t = 0; t < T; t++) scores[offset + t]! += weights[from + t]! / scale;
}
