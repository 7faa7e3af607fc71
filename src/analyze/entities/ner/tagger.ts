import { createFeaturizer, type FeatureResources } from './features.ts';
import type { Lattice } from './lattice.ts';
import { addScores, type NerModel } from './model.ts';
import { spansOf, type TokenSpan, tagSpans } from './tags.ts';
import { marginals, viterbi } from './viterbi.ts';

/**
 * Perceptron scores are margins, not log-probabilities: dividing them by this before forward–backward makes
 * the confidences roughly match how often names of that confidence are right on held-out ANERcorp text.
 */
export const CONFIDENCE_TEMPERATURE = 30;

/** A name found in a word sequence, with how sure the model is (0–1). */
export interface TaggedSpan extends TokenSpan {
  readonly confidence: number;
}

/** A tagger bound to one model and its resources. */
export interface Tagger {
  /**
   * BIO tags, one per word. `extra`: more features per word from outside the sentence (document.ts), for a
   * second-stage model trained with them.
   */
  tag(words: readonly string[], extra?: readonly (readonly string[])[]): string[];
  /** Names with confidences. */
  spans(words: readonly string[], extra?: readonly (readonly string[])[]): TaggedSpan[];
}

/**
 * Binds a model to its resources once; the returned functions are the hot path.
 * `createTagger(model, resources).tag(['قال', 'بوتين'])` → `['O', 'B-PER']`.
 */
export function createTagger(
  model: NerModel,
  resources: FeatureResources,
  temperature = CONFIDENCE_TEMPERATURE,
): Tagger {
  const featurizer = createFeaturizer(resources);
  const T = model.tags.length;
  const soften = (values: Float64Array) => values.map((v) => v / temperature);
  const softLattice: Lattice = {
    tagCount: T,
    transition: soften(model.lattice.transition),
    start: soften(model.lattice.start),
    end: soften(model.lattice.end),
  };
  // A word's own features score the same wherever it occurs: sum them once per distinct word.
  let ownScores = new Map<string, Float64Array>();
  const ownScore = (word: string): Float64Array => {
    let scores = ownScores.get(word);
    if (scores) return scores;
    scores = new Float64Array(T);
    addScores(model, featurizer.info(word).own, scores, 0);
    // O is tag 0 (see tags.ts).
    scores[0]! -= model.outsideBias;
    if (ownScores.size >= 200_000) ownScores = new Map();
    ownScores.set(word, scores);
    return scores;
  };
  const decode = (words: readonly string[], extra?: readonly (readonly string[])[]) => {
    const scores = new Float64Array(words.length * T);
    const context = featurizer.context(words, words.map(featurizer.info));
    words.forEach((word, i) => {
      scores.set(ownScore(word), i * T);
      addScores(model, context[i]!, scores, i * T);
      if (extra?.[i]) addScores(model, extra[i]!, scores, i * T);
    });
    const path = viterbi(scores, model.lattice);
    return { scores, path: Array.from(path, (t) => model.tags[t]!) };
  };
  return {
    tag(words, extra) {
      if (words.length === 0) return [];
      const { path } = decode(words, extra);
      // Output is always BIO, whatever scheme the model was trained with.
      return tagSpans(spansOf(path), words.length, 'BIO');
    },
    spans(words, extra) {
      if (words.length === 0) return [];
      const { scores, path } = decode(words, extra);
      const probabilities = marginals(
        scores.map((s) => s / temperature),
        softLattice,
      );
      const index = new Map(model.tags.map((t, i) => [t, i]));
      // A name is as sure as its least sure word: the chance that word carries the tag the path gave it.
      return spansOf(path).map((span) => {
        let confidence = 1;
        for (let i = span.start; i < span.end; i++) {
          confidence = Math.min(confidence, probabilities[i * T + index.get(path[i]!)!]!);
        }
        return { ...span, confidence: Math.round(confidence * 1000) / 1000 };
      });
    },
  };
}
