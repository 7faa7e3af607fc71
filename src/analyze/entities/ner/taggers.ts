import type { DocumentTagger } from './document.ts';
import { createFastDocumentTagger } from './document-ids.ts';
import type { FeatureResources } from './features.ts';
import { loadModel, type NerModelFile } from './model.ts';
import { propagateNames } from './propagate.ts';
import { createTagger, type Tagger } from './tagger.ts';

/** A model file's taggers: of whole documents (sentences in order) and of one sentence alone. */
export interface NerTaggers {
  /**
   * Whole documents: a two-stage model reads its first stage's names in the sentences around; a one-stage
   * model tags each sentence and then copies names found once to their missed occurrences (propagate.ts).
   * Not both: copying on top of two stages costs F1 on held-out ANERcorp (77.05 → 75.68, data/ner/README.md).
   */
  readonly document: DocumentTagger;
  /** One sentence alone: for a two-stage model, its first stage. */
  readonly sentence: Tagger;
}

// The window of two-stage model files that do not say (none are written without it).
const DEFAULT_WINDOW = 30;

/**
 * Binds a model file to its resources: a one-stage model tags each sentence alone; a two-stage one
 * (`stage1` present) tags a document's sentences with its first stage, then again with document features
 * (document.ts), and a sentence alone with its first stage.
 * `createNerTaggers(modelFile, resources).document.spans([['قال', 'بوتين'], ['بوتين', 'زار', 'بكين']])`.
 */
export function createNerTaggers(file: NerModelFile, resources: FeatureResources): NerTaggers {
  const top = createTagger(loadModel(file), resources);
  if (!file.stage1) {
    return {
      sentence: top,
      document: {
        spans: (sentences) => propagateNames(sentences.map((words) => ({ words, spans: top.spans(words) }))),
      },
    };
  }
  const first = createTagger(loadModel(file.stage1), resources);
  // A sentence alone is tagged by the first stage: the second was trained with ±window sentences of context
  // and does worse without them (held-out ninths 8 and 2 of train: 72.40 → 70.59, 74.81 → 73.68).
  // So is a document of one sentence: it has no document evidence.
  const twoStages = createFastDocumentTagger(first, top, file.documentWindow ?? DEFAULT_WINDOW);
  return {
    document: {
      spans: (sentences) =>
        sentences.length === 1 ? [first.spans(sentences[0]!)] : twoStages.spans(sentences),
    },
    sentence: first,
  };
}
