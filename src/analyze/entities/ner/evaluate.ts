import { parseConll } from './conll.ts';
import { defaultDocumentTagger, defaultModelIsTwoStage, defaultTagger } from './default-model.ts';
import type { DocumentTagger } from './document.ts';
import { propagateNames } from './propagate.ts';
import { type NerReport, scoreTags } from './score.ts';
import { tagSpans } from './tags.ts';
import type { Tagger } from './tagger.ts';

export { formatNerReport, type NerReport, type NerScore, scoreTags } from './score.ts';

export interface EvaluateOptions {
  /**
   * 0 (default): each sentence alone, as `tagWords` does. N > 0: the file is read as running text, as
   * `recognizeEntities` reads an article: a two-stage model reads its first stage's names in the sentences
   * around (within its own window), and names found within N sentences before or after are propagated (see
   * propagate.ts). Only meaningful when the sentences are in document order.
   */
  readonly documentWindow?: number;
  /** The tagger to evaluate; the shipped model by default. */
  readonly tagger?: Tagger;
  /**
   * With `documentWindow`: the tagger of whole documents (two-stage models, document.ts); by default `tagger`
   * sentence by sentence, or the shipped model's document tagger.
   */
  readonly documentTagger?: DocumentTagger;
  /**
   * With `documentWindow`: copy names between sentences (propagate.ts). By default as `recognizeEntities`
   * does: yes, unless the shipped model is a two-stage one.
   */
  readonly propagate?: boolean;
}

/**
 * Tags every sentence of a CoNLL file (`word TAG` lines) and scores the result against its tags.
 * Pure: the text in, the report out. `evaluateNer('بوتين B-PERS\n').micro.f1` → 1 when the model finds him.
 */
export function evaluateNer(conllText: string, options: EvaluateOptions = {}): NerReport {
  const sentences = parseConll(conllText);
  const tagger = options.tagger ?? defaultTagger();
  const window = options.documentWindow ?? 0;
  const document: DocumentTagger =
    options.documentTagger ??
    (options.tagger ? { spans: (all) => all.map((words) => tagger.spans(words)) } : defaultDocumentTagger());
  let predicted: string[][];
  if (window > 0) {
    const found = document.spans(sentences.map((s) => s.words));
    const propagate =
      options.propagate ?? (options.tagger || options.documentTagger ? true : !defaultModelIsTwoStage());
    predicted = (
      propagate
        ? propagateNames(
            sentences.map((s, i) => ({ words: s.words, spans: found[i]! })),
            { window, minConfidence: 0.5 },
          )
        : found
    ).map((spans, i) => tagSpans(spans, sentences[i]!.words.length, 'BIO'));
  } else predicted = sentences.map((s) => tagger.tag(s.words));
  return scoreTags(
    sentences.map((s) => s.tags),
    predicted,
  );
}
