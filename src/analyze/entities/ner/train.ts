import { encodeBase64, int16ToBytes } from './base64.ts';
import type { ConllSentence } from './conll.ts';
import { trainCrf } from './crf.ts';
import { createFeaturizer, type FeatureResources } from './features.ts';
import { buildGazetteer, type Gazetteer } from './gazetteer.ts';
import { loadModel, type NerModelFile } from './model.ts';
import { type IndexedSentence, type PerceptronWeights, trainPerceptron } from './perceptron.ts';
import { spansOf, type TagScheme, tagSpans, tagsOf } from './tags.ts';
import { createTagger, type TaggedSpan } from './tagger.ts';

/** Everything that decides the trained weights besides the code and the data. */
export interface NerTrainingConfig {
  readonly scheme: TagScheme;
  /** Averaged structured perceptron or linear-chain CRF (SGD, L2). */
  readonly learner: 'perceptron' | 'crf';
  readonly epochs: number;
  readonly seed: number;
  /** Perceptron only: models trained with seeds seed, seed+1, … whose weights are averaged. */
  readonly ensemble: number;
  /** Features seen fewer times in training are dropped before training. */
  readonly minFeatureCount: number;
  /** The training-name gazetteer is built jackknife-style: each fold sees names from the other folds only. */
  readonly gazetteerFolds: number;
  /** Stored weights are round(weight × scale); those rounding to 0 are pruned. */
  readonly scale: number;
  /** Stored weights smaller than this (in absolute value) are pruned: a smaller file, the same tags. */
  readonly pruneBelow: number;
  /** Decode-time shift against O (see NerModelFile.outsideBias); chosen with `train:ner -- --dev`. */
  readonly outsideBias: number;
  /** CRF only: L2 strength (total, spread over the sentences) and initial learning rate. */
  readonly l2: number;
  readonly learningRate: number;
  /**
   * Two-stage tagging (document.ts): 0 = one stage; N > 0 = a second model reads the first one's names
   * within N sentences before and after. Its training sentences get first-stage names jackknifed over
   * `stageFolds` contiguous folds (each fold tagged by a model trained on the others).
   */
  readonly documentWindow: number;
  readonly stageFolds: number;
}

export const DEFAULT_TRAINING_CONFIG: NerTrainingConfig = {
  scheme: 'BIO',
  learner: 'perceptron',
  epochs: 12,
  seed: 7,
  ensemble: 1,
  minFeatureCount: 2,
  gazetteerFolds: 10,
  scale: 100,
  pruneBelow: 0.5,
  outsideBias: 10,
  l2: 1,
  learningRate: 0.1,
  documentWindow: 30,
  stageFolds: 5,
};

/** What training needs besides the sentences: clusters and fixed gazetteers (not built from the training data). */
export interface TrainingResources extends Omit<FeatureResources, 'gazetteers'> {
  readonly gazetteers: readonly { readonly name: string; readonly gazetteer: Gazetteer }[];
}

/** Per-sentence inputs of training besides the sentences and resources. */
export interface TrainingInputs {
  /** More features per sentence and word (the document features of a second stage, document.ts). */
  readonly extra?: readonly (readonly (readonly string[])[])[];
}

/** The result: the model file and the training-name gazetteer to ship with it. */
export interface TrainedNer {
  readonly model: NerModelFile;
  /** `[name, type]` pairs of every name tagged in the training data, majority type. */
  readonly trainNames: [string, string][];
}

/** The names tagged in some sentences with their most frequent type. */
export function collectNames(sentences: readonly ConllSentence[]): [string, string][] {
  const votes = new Map<string, Map<string, number>>();
  for (const { words, tags } of sentences) {
    for (const span of spansOf(tags)) {
      const name = words.slice(span.start, span.end).join(' ');
      const byType = votes.get(name) ?? new Map<string, number>();
      byType.set(span.type, (byType.get(span.type) ?? 0) + 1);
      votes.set(name, byType);
    }
  }
  return [...votes].map(([name, byType]) => {
    const best = [...byType].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
    return [name, best[0]];
  });
}

/**
 * Trains the NER model: jackknifed name gazetteer, features, averaged perceptron, pruning.
 * `trainNer(parseConll(text), resources)` → `{model, trainNames}`; same inputs and config, same bytes out.
 */
export function trainNer(
  sentences: readonly ConllSentence[],
  resources: TrainingResources,
  config: NerTrainingConfig = DEFAULT_TRAINING_CONFIG,
  log: (message: string) => void = () => {},
  inputs: TrainingInputs = {},
): TrainedNer {
  const { extra } = inputs;
  const tags = tagsOf(config.scheme);
  const tagIndex = new Map(tags.map((t, i) => [t, i]));
  // 1. Features per sentence. Names from the sentence's own fold are hidden from its gazetteer, so the model
  //    learns how far to trust a gazetteer hit on names it has not seen — as at test time.
  const folds = Math.max(1, config.gazetteerFolds);
  const foldOf = (i: number) => Math.min(folds - 1, Math.floor((i * folds) / sentences.length));
  const featureLists: string[][][] = [];
  for (let fold = 0; fold < folds; fold++) {
    const others = sentences.filter((_, i) => foldOf(i) !== fold);
    const featurizer = createFeaturizer(withTrainNames(resources, collectNames(others)));
    sentences.forEach((s, i) => {
      if (foldOf(i) !== fold) return;
      const lists = featurizer.all(s.words);
      if (extra) for (let k = 0; k < lists.length; k++) lists[k]!.push(...(extra[i]?.[k] ?? []));
      featureLists[i] = lists;
    });
  }
  // 2. Index the features seen often enough.
  const counts = new Map<string, number>();
  for (const sentence of featureLists)
    for (const word of sentence) for (const f of word) counts.set(f, (counts.get(f) ?? 0) + 1);
  const featureIds = new Map<string, number>();
  for (const [f, n] of counts) if (n >= config.minFeatureCount) featureIds.set(f, featureIds.size);
  log(`${sentences.length} sentences, ${counts.size} features, ${featureIds.size} kept`);
  const indexed: IndexedSentence[] = sentences.map((s, i) => {
    const ids: number[] = [];
    const offsets = [0];
    for (const word of featureLists[i]!) {
      for (const f of word) {
        const id = featureIds.get(f);
        if (id !== undefined) ids.push(id);
      }
      offsets.push(ids.length);
    }
    const gold = tagSpans(spansOf(s.tags), s.tags.length, config.scheme).map((t) => tagIndex.get(t)!);
    return { features: Int32Array.from(ids), offsets: Int32Array.from(offsets), gold: Int32Array.from(gold) };
  });
  // 3. Learn.
  const weights =
    config.learner === 'crf'
      ? trainCrf(
          indexed,
          featureIds.size,
          tags,
          config.scheme,
          { ...config, l2: config.l2 / indexed.length },
          (epoch, ll) => log(`epoch ${epoch}: log-likelihood ${ll.toFixed(0)}`),
        )
      : averageWeights(
          Array.from({ length: Math.max(1, config.ensemble) }, (_, k) =>
            trainPerceptron(
              indexed,
              featureIds.size,
              tags,
              config.scheme,
              { ...config, seed: config.seed + k },
              (epoch, mistakes) => log(`model ${k + 1}, epoch ${epoch}: ${mistakes} word errors`),
            ),
          ),
        );
  // 4. Store: integer weights, zeros pruned, features in first-seen order (deterministic), packed.
  const T = tags.length;
  const names: string[] = [];
  const pairCounts: number[] = [];
  const pairs: number[] = [];
  const limit = 32767;
  for (const [f, id] of featureIds) {
    let count = 0;
    for (let t = 0; t < T; t++) {
      const w = Math.max(-limit, Math.min(limit, Math.round(weights.emission[id * T + t]! * config.scale)));
      if (w === 0 || Math.abs(w) < config.pruneBelow * config.scale) continue;
      pairs.push(t, w);
      count++;
    }
    if (count === 0) continue;
    names.push(f);
    pairCounts.push(count);
  }
  const model: NerModelFile = {
    generatedBy: 'scripts/train-ner.ts — do not edit by hand',
    format: 2,
    scheme: config.scheme,
    tags,
    scale: config.scale,
    outsideBias: config.outsideBias,
    transition: Array.from(weights.transition, (w) => Math.round(w * config.scale)),
    features: {
      names: names.join('\n'),
      counts: encodeBase64(Uint8Array.from(pairCounts)),
      pairs: encodeBase64(int16ToBytes(pairs)),
    },
    training: { configHash: '', sourceHash: '', config },
  };
  return { model, trainNames: collectNames(sentences) };
}

/** The mean of several models' weights: shuffles differ, and their average is steadier than any one. */
function averageWeights(models: readonly PerceptronWeights[]): PerceptronWeights {
  const [first, ...rest] = models;
  for (const model of rest) {
    for (let k = 0; k < first!.emission.length; k++) first!.emission[k]! += model.emission[k]!;
    for (let k = 0; k < first!.transition.length; k++) first!.transition[k]! += model.transition[k]!;
  }
  for (let k = 0; k < first!.emission.length; k++) first!.emission[k]! /= models.length;
  for (let k = 0; k < first!.transition.length; k++) first!.transition[k]! /= models.length;
  return first!;
}

/** The resources with the training-name gazetteer added under the name `t`. */
export function withTrainNames(
  resources: TrainingResources,
  names: Iterable<readonly [string, string]>,
): FeatureResources {
  return {
    ...resources,
    gazetteers: [{ name: 't', gazetteer: buildGazetteer(names) }, ...resources.gazetteers],
  };
}

/**
 * First-stage names for the training sentences as a model would find them on text it never saw: the
 * sentences are cut into `folds` contiguous folds, and each fold is tagged by a model trained on the others
 * (with their names as its `t` gazetteer), so the second stage learns how far to trust them.
 */
export function jackknifeStageOne(
  sentences: readonly ConllSentence[],
  resources: TrainingResources,
  config: NerTrainingConfig,
  log: (message: string) => void = () => {},
): TaggedSpan[][] {
  const folds = Math.max(2, config.stageFolds);
  const foldOf = (i: number) => Math.min(folds - 1, Math.floor((i * folds) / sentences.length));
  const spans: TaggedSpan[][] = [];
  for (let fold = 0; fold < folds; fold++) {
    const others = sentences.filter((_, i) => foldOf(i) !== fold);
    const { model, trainNames } = trainNer(others, resources, config);
    const tagger = createTagger(loadModel(model), withTrainNames(resources, trainNames));
    sentences.forEach((s, i) => {
      if (foldOf(i) === fold) spans[i] = tagger.spans(s.words);
    });
    log(`stage one, fold ${fold + 1}/${folds} tagged`);
  }
  return spans;
}
