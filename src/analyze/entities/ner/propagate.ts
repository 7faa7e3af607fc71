import { gazetteerWord } from './gazetteer.ts';
import type { TaggedSpan } from './tagger.ts';

/** One sentence of a document: its words and the names the tagger found in it. */
export interface TaggedSentence {
  readonly words: readonly string[];
  readonly spans: readonly TaggedSpan[];
}

export interface PropagationOptions {
  /** Sentences before and after a sentence whose names count (Infinity = the whole document). */
  readonly window: number;
  /** Names found with less confidence are not propagated. */
  readonly minConfidence: number;
}

export const DEFAULT_PROPAGATION: PropagationOptions = { window: Infinity, minConfidence: 0.5 };

// Shorter matching forms (two letters) are too often ordinary words.
const MIN_KEY_LENGTH = 3;

/**
 * One name per discourse: a name the tagger found confidently in one sentence is also marked where the same
 * words (clitics aside) occur untagged elsewhere in the document — news repeats names, and the model misses
 * some repetitions it found once. Added spans carry half the confidence of the name they copy.
 * `propagateNames([{words: ['انرون'], spans: [PER 0–1]}, {words: ['لانرون'], spans: []}])` tags `لانرون` too.
 */
export function propagateNames(
  sentences: readonly TaggedSentence[],
  options: PropagationOptions = DEFAULT_PROPAGATION,
): TaggedSpan[][] {
  const forms = sentences.map((s) => s.words.map(gazetteerWord));
  const found = sentences.map((s, i) =>
    s.spans
      .filter((span) => span.confidence >= options.minConfidence)
      .map((span) => ({
        key: forms[i]!.slice(span.start, span.end),
        type: span.type,
        confidence: span.confidence,
      }))
      .filter((name) => name.key.join(' ').length >= MIN_KEY_LENGTH),
  );
  return sentences.map((sentence, i) => {
    const covered = new Array<boolean>(sentence.words.length).fill(false);
    for (const span of sentence.spans) for (let k = span.start; k < span.end; k++) covered[k] = true;
    const spans: TaggedSpan[] = [...sentence.spans];
    const from = Math.max(0, i - options.window);
    const to = Math.min(sentences.length - 1, i + options.window);
    for (let j = from; j <= to; j++) {
      for (const name of found[j]!) {
        const own = forms[i]!;
        for (let k = 0; k + name.key.length <= own.length; k++) {
          if (!name.key.every((w, m) => own[k + m] === w && !covered[k + m])) continue;
          spans.push({
            start: k,
            end: k + name.key.length,
            type: name.type,
            confidence: name.confidence / 2,
          });
          for (let m = 0; m < name.key.length; m++) covered[k + m] = true;
        }
      }
    }
    return spans.sort((a, b) => a.start - b.start);
  });
}
