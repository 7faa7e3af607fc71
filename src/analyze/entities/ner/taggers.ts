import { createDocumentTagger, type DocumentTagger } from './document.ts';
import type { FeatureResources } from './features.ts';
import { loadModel, type NerModelFile } from './model.ts';
import { createTagger, type Tagger } from './tagger.ts';

/** A model file's taggers: of whole documents (sentences in order) and of one sentence alone. */
export interface NerTaggers {
  readonly document: DocumentTagger;
  /** One sentence alone: for a two-stage model, both stages with the sentence as its whole document. */
  readonly sentence: Tagger;
}

// The window of two-stage model files that do not say (none are written without it).
const DEFAULT_WINDOW = 30;

/**
 * Binds a model file to its resources: a one-stage model tags each sentence alone; a two-stage one
 * (`stage1` present) tags all sentences with its first stage, then again with document features (document.ts).
 * `createNerTaggers(modelFile, resources).document.spans([['قال', 'بوتين'], ['بوتين', 'زار', 'بكين']])`.
 */
export function createNerTaggers(file: NerModelFile, resources: FeatureResources): NerTaggers {
  const top = createTagger(loadModel(file), resources);
  if (!file.stage1) {
    return { sentence: top, document: { spans: (sentences) => sentences.map((words) => top.spans(words)) } };
  }
  const first = createTagger(loadModel(file.stage1), resources);
  const document = createDocumentTagger(first, top, file.documentWindow ?? DEFAULT_WINDOW);
  const alone = (words: readonly string[]) => (words.length === 0 ? [] : document.spans([words])[0]!);
  return {
    document,
    sentence: {
      tag(words) {
        const tags = new Array<string>(words.length).fill('O');
        for (const { start, end, type } of alone(words)) {
          tags[start] = `B-${type}`;
          for (let i = start + 1; i < end; i++) tags[i] = `I-${type}`;
        }
        return tags;
      },
      spans: alone,
    },
  };
}
