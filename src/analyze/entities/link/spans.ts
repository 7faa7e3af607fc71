import type { Token } from '../../../core/annotations.ts';
import { procliticReadings, rawOffsetAfter } from '../registry/proclitics.ts';

/**
 * Where a name starts once the proclitics of its first word are off: the tokenizer's split when it made one
 * (و ب ل ك ف dropped, the article kept), else the word's start. `nameStart(tokenOf('لكيم'))` → after ل.
 */
export function nameStart(token: Token): number {
  const parts = token.parts;
  if (parts === undefined) return token.start;
  const first = parts.find((p) => p.role === 'article' || p.role === 'base');
  return first?.start ?? token.start;
}

/** The normalized word without proclitics per the tokenizer's split. `bareNorm(tokenOf('لكيم'))` → `'كيم'`. */
export function bareNorm(token: Token): string {
  const start = nameStart(token);
  if (start === token.start) return token.norm;
  const cutLetters = [...procliticReadings(token.norm)]
    .reverse()
    .find((r) => rawOffsetAfter(token.text, r.cut) === start - token.start);
  return cutLetters?.form ?? token.norm;
}

/** True when the word, proclitics and article aside, is a title word (رئيس, ولي, أمير…). */
export function isTitleWord(titleWords: ReadonlySet<string>, token: Token): boolean {
  return titleWords.has(bareNorm(token).replace(/^ال/, ''));
}

/** Index of the sentence holding token `i` (sentences are token ranges, in order). */
export function sentenceIndexOf(sentenceStarts: readonly number[], i: number): number {
  let lo = 0;
  let hi = sentenceStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentenceStarts[mid]! <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
