import { indexWords } from '../../store/query.ts';
import { normalizeArabic } from '../../text/normalize.ts';

/**
 * Normalized words of a name or phrase, the way the search index splits them, so a query spelled one way
 * meets a name written another (أحمد / احمد, hyphenated names split into their parts).
 * `nameWords('دميتري بيسكوف')` → `['دميتري', 'بيسكوف']`.
 */
export function nameWords(text: string): string[] {
  return indexWords(normalizeArabic(text));
}

/**
 * True when `needle` occurs in `hay` as consecutive whole words: a surname alone finds the full name.
 * `containsWords(['دميتري', 'بيسكوف'], ['بيسكوف'])` → true; `containsWords(['بيسكوفا'], ['بيسكوف'])` → false.
 */
export function containsWords(hay: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > hay.length) return false;
  for (let i = 0; i + needle.length <= hay.length; i++) {
    let k = 0;
    while (k < needle.length && hay[i + k] === needle[k]) k++;
    if (k === needle.length) return true;
  }
  return false;
}
