import { parseConll } from './conll.ts';
import { defaultDocumentTagger, defaultTagger } from './default-model.ts';
import { propagateNames } from './propagate.ts';
import { type NerReport, scoreTags } from './score.ts';
import { tagSpans } from './tags.ts';
import type { Tagger } from './tagger.ts';

export { formatNerReport, type NerReport, type NerScore, scoreTags } from './score.ts';

export interface EvaluateOptions {
  /**
   * 0 (default): each sentence alone, as `tagWords` does. N > 0: the file is read as running text, as
   * `recognizeEntities` reads an article (the shipped model's document tagger, taggers.ts); a `tagger` given
   * here copies names across N sentences (propagate.ts). Only meaningful when the sentences are in document
   * order.
   */
  readonly documentWindow?: number;
  /** A one-stage tagger to evaluate; the shipped model by default. */
  readonly tagger?: Tagger;
}

/**
 * Tags every sentence of a CoNLL file (`word TAG` lines) and scores the result against its tags.
 * Pure: the text in, the report out. `evaluateNer('بوتين B-PERS\n').micro.f1` → 1 when the model finds him.
 */
export function evaluateNer(conllText: string, options: EvaluateOptions = {}): NerReport {
  const sentences = parseConll(conllText);
  const tagger = options.tagger ?? defaultTagger();
  const window = options.documentWindow ?? 0;
  let predicted: string[][];
  if (window > 0) {
    const words = sentences.map((s) => s.words);
    const found = options.tagger
      ? propagateNames(
          words.map((w) => ({ words: w, spans: tagger.spans(w) })),
          { window, minConfidence: 0.5 },
        )
      : defaultDocumentTagger().spans(words);
    predicted = found.map((spans, i) => tagSpans(spans, sentences[i]!.words.length, 'BIO'));
  } else predicted = sentences.map((s) => tagger.tag(s.words));
  return scoreTags(
    sentences.map((s) => s.tags),
    predicted,
  );
}
