import { normalizeArabic } from '../../../text/normalize.ts';

/**
 * Splits raw text into words the way ANERcorp does: at whitespace, with punctuation as words of its own
 * and clitics left attached. Used to read unlabelled news for clusters and to tag plain text.
 * `splitWords('قال الرئيس، أمس.')` → `['قال', 'الرئيس', '،', 'أمس', '.']`.
 */
export function splitWords(text: string): string[] {
  return text.match(WORD) ?? [];
}

// A run of letters, marks, digits (with inner . or , for 1,200.5) — or any single other visible character.
const WORD = /[\p{L}\p{M}\p{N}_]+(?:[.,٫٬][\p{N}]+)*|[^\s\p{L}\p{M}\p{N}_]/gu;

/**
 * The key a word is looked up by in the model's tables: normalized, digits folded to 0 so that all
 * years or counts of one shape share their statistics. `wordKey('عام ٢٠١٥')` → `'عام 0000'`.
 */
export function wordKey(word: string): string {
  return normalizeArabic(word).replace(DIGIT, '0');
}

const DIGIT = /[0-9]/g;
