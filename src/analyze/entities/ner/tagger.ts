import type { EntityType } from '../../../core/annotations.ts';
import { createDecoder, type Decoder, eachSpan, type TagMeaning, tagMeaning } from './decode.ts';
import { createFeaturizer, type FeatureResources } from './features.ts';
import type { NerModel } from './model.ts';
import { createSentenceScorer, type DocumentMarks, type SentenceScorer } from './scorer.ts';
import type { TokenSpan } from './tags.ts';
import { createWordTable, type WordTable } from './word-table.ts';

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
 * The typed-array machinery behind a Tagger, for taggers of whole documents (document.ts) that keep word
 * ids across sentences and add their own features as ids.
 */
export interface SentenceTagger extends Tagger {
  readonly model: NerModel;
  readonly table: WordTable;
  readonly scorer: SentenceScorer;
  /**
   * Tags `words[from, from+n)`: integer scores (own and context features), then `more(sums)` to add
   * further ones (scorer.addFeature), then decoding; calls `found` for each name with its confidence (1 when `confident` is false:
   * forward–backward is skipped). `marks`: the document's gazetteer marks, when already matched.
   * Returns the number of names.
   */
  decode(
    words: Int32Array,
    from: number,
    n: number,
    found: (start: number, end: number, type: EntityType, confidence: number) => void,
    more?: (sums: Int32Array) => void,
    confident?: boolean,
    marks?: DocumentMarks,
  ): number;
}

// One word table per resources object: the two stages of a model share word ids.
const tables = new WeakMap<FeatureResources, WordTable>();

/** The word table of a resources object (created on first use). */
export function wordTableOf(resources: FeatureResources): WordTable {
  let table = tables.get(resources);
  if (!table) {
    table = createWordTable(createFeaturizer(resources), resources);
    tables.set(resources, table);
  }
  return table;
}

/**
 * Binds a model to its resources once; the returned functions are the hot path.
 * `createTagger(model, resources).tag(['قال', 'بوتين'])` → `['O', 'B-PER']`.
 */
export function createTagger(
  model: NerModel,
  resources: FeatureResources,
  temperature = CONFIDENCE_TEMPERATURE,
): SentenceTagger {
  const T = model.tags.length;
  const table = wordTableOf(resources);
  const scorer = createSentenceScorer(model, table);
  // With an O bias that is a whole number of stored units, every score is an integer over the scale.
  const bias = model.outsideBias * model.scale;
  const decoder: Decoder = createDecoder(
    model.lattice,
    temperature,
    Number.isInteger(bias) ? { scale: model.scale, bias } : undefined,
  );
  const meaning: TagMeaning = tagMeaning(model.tags);
  let scores = new Float64Array(0);
  let sums = new Int32Array(0);
  let path = new Int32Array(0);
  let sure = new Float64Array(0);
  let ids = new Int32Array(0);
  const names: number[] = [];

  const decode: SentenceTagger['decode'] = (words, from, n, found, more, confident = true, marks) => {
    if (n === 0) return 0;
    if (path.length < n) {
      const size = Math.max(n, 2 * path.length);
      scores = new Float64Array(size * T);
      sums = new Int32Array(size * T);
      path = new Int32Array(size);
      sure = new Float64Array(size);
    }
    scorer.score(words, from, n, sums, marks);
    more?.(sums);
    scorer.finish(sums, n, scores);
    decoder.best(scores, n, path);
    names.length = 0;
    eachSpan(meaning, path, n, (start, end, type) => names.push(start, end, type));
    if (names.length === 0) return 0;
    // Only a sentence with names needs forward–backward.
    if (confident) decoder.confidences(scores, n, path, sure, sums, names[0], names[names.length - 2]);
    else sure.fill(1, 0, n);
    for (let m = 0; m < names.length; m += 3) {
      // A name is as sure as its least sure word: the chance that word carries the tag the path gave it.
      let confidence = 1;
      for (let i = names[m]!; i < names[m + 1]!; i++) confidence = Math.min(confidence, sure[i]!);
      found(names[m]!, names[m + 1]!, meaning.types[names[m + 2]!]!, Math.round(confidence * 1000) / 1000);
    }
    return names.length / 3;
  };

  const run = (
    words: readonly string[],
    extra: readonly (readonly string[])[] | undefined,
    found: (start: number, end: number, type: EntityType, confidence: number) => void,
    confident: boolean,
  ) => {
    table.trim();
    if (ids.length < words.length) ids = new Int32Array(Math.max(words.length, 2 * ids.length));
    for (let i = 0; i < words.length; i++) ids[i] = table.id(words[i]!);
    const more = extra
      ? (sums: Int32Array) => {
          for (let i = 0; i < words.length; i++) {
            for (const feature of extra[i] ?? []) scorer.addFeature(scorer.featureId(feature), sums, i * T);
          }
        }
      : undefined;
    decode(ids, 0, words.length, found, more, confident);
  };

  return {
    model,
    table,
    scorer,
    decode,
    tag(words, extra) {
      // Output is always BIO, whatever scheme the model was trained with.
      const tags = new Array<string>(words.length).fill('O');
      if (words.length === 0) return tags;
      run(
        words,
        extra,
        (start, end, type) => {
          for (let i = start; i < end; i++) tags[i] = `I-${type}`;
          tags[start] = `B-${type}`;
        },
        false,
      );
      return tags;
    },
    spans(words, extra) {
      const spans: TaggedSpan[] = [];
      if (words.length === 0) return spans;
      run(words, extra, (start, end, type, confidence) => spans.push({ start, end, type, confidence }), true);
      return spans;
    },
  };
}
