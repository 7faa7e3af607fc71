import type { EntityType, Token } from '../../../core/annotations.ts';
import { defaultDocumentTagger, defaultTagger } from './default-model.ts';

export { evaluateNer, formatNerReport, type NerReport, type NerScore } from './evaluate.ts';

/** A name the statistical model found: offsets into the clean text, the tokens it covers, how sure it is. */
export interface ModelMention {
  /** UTF-16 offset of the name's first character (after a leading و/ف/ب/ل/ك that is not part of it). */
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
  readonly tokenStart: number;
  /** Exclusive. */
  readonly tokenEnd: number;
  /** 0–1: the lowest per-word probability of the tags along the name. */
  readonly confidence: number;
}

// Tokens that end a sentence: the model was trained sentence by sentence, so it tags the same way.
const SENTENCE_END = new Set(['.', '!', '?', '؟', '…', '...']);
// Longest run tagged at once when no sentence end comes (headlines, lists); Viterbi is linear anyway.
const MAX_RUN = 300;

/**
 * BIO tags for a sentence of words as written (clitics attached, punctuation as separate words).
 * `tagWords(['قال', 'الرئيس', 'فلاديمير', 'بوتين'])` → `['O', 'O', 'B-PER', 'I-PER']`.
 */
export function tagWords(words: readonly string[]): string[] {
  return defaultTagger().tag(words);
}

/** Where a name starting with this token begins: past proclitics (و ف ب ل ك), keeping the article ال. */
function nameStart(token: Token): number {
  const parts = token.parts;
  if (!parts) return token.start;
  let k = 0;
  while (k < parts.length - 1 && (parts[k]!.role === 'conjunction' || parts[k]!.role === 'preposition')) {
    // A name is far likelier to begin with ك (كيري) than to follow the preposition ك ("like"): keep it,
    // unless the article follows (كالرئيس).
    if (parts[k]!.role === 'preposition' && parts[k]!.text.startsWith('ك') && parts[k + 1]!.role === 'base')
      break;
    k++;
  }
  // In لل (للأمم) the article's alef is not written: what is left of it is no article to keep.
  if (k > 0 && parts[k]!.role === 'article' && parts[k]!.text.length < 2) k++;
  return parts[Math.min(k, parts.length - 1)]!.start;
}

/**
 * Finds the names (PER, ORG, LOC, MISC) in a tokenized text with the shipped statistical model.
 * `recognizeEntities(tokenize('وقال بوتين'))` → `[{start: 5, end: 10, type: 'PER', tokenStart: 1, tokenEnd: 2, …}]`.
 */
export function recognizeEntities(tokens: readonly Token[]): ModelMention[] {
  // 1. Tag sentence by sentence, as the model was trained (a two-stage model then reads what its first stage
  //    found in the other sentences of the text).
  const runs: { from: number; words: string[] }[] = [];
  let from = 0;
  for (let i = 0; i < tokens.length; i++) {
    const last = i === tokens.length - 1 || SENTENCE_END.has(tokens[i]!.text) || i - from + 1 >= MAX_RUN;
    if (!last) continue;
    runs.push({ from, words: tokens.slice(from, i + 1).map((t) => t.text) });
    from = i + 1;
  }
  // 2. Across the whole text: a name found in one sentence informs its other occurrences (taggers.ts).
  const spans = defaultDocumentTagger().spans(runs.map((r) => r.words));
  return runs.flatMap((run, k) =>
    spans[k]!.map((span) => ({
      start: nameStart(tokens[run.from + span.start]!),
      end: tokens[run.from + span.end - 1]!.end,
      type: span.type,
      tokenStart: run.from + span.start,
      tokenEnd: run.from + span.end,
      confidence: span.confidence,
    })),
  );
}
