import { contentKey } from '../../clean/headline.ts';
import type { Token } from '../../core/annotations.ts';

/**
 * Matching terms for headline–body comparison: a content word's normalized, clitic-free key (see
 * `contentKey`) cut down further to a light stem, so that رحلات / رحلة / الرحلة and روسي / روسيا meet.
 * Both sides of a comparison go through the same function, so consistency matters more than linguistics.
 */

// Longest first. Suffixes come off one after another (ايرانيين → ايراني → ايران → اير) while MIN_STEM letters
// remain, so that a word and its derived forms end up on the same stem whichever ending each has.
const SUFFIXES = ['هما', 'كما', 'تين', 'يين', 'ات', 'ون', 'ين', 'ان', 'يه', 'يا', 'ها', 'هم', 'ه', 'ي', 'ا'];
const MIN_STEM = 3;
const MAX_STRIPS = 3;
const ARABIC_KEY = /^[\u0621-\u064A]+$/;

/** The light stem of a content key. `stemKey('رحلات')` → `'رحل'`; `stemKey('الشيشاني')` and `stemKey('شيشان')` → `'شيش'`. */
export function stemKey(key: string): string {
  if (!ARABIC_KEY.test(key)) return key;
  let stem = key;
  // An article ال left on an unknown word (the tokenizer only splits it off known words).
  if (stem.startsWith('ال') && stem.length - 2 >= MIN_STEM) stem = stem.slice(2);
  for (let round = 0; round < MAX_STRIPS; round++) {
    const suffix = SUFFIXES.find((s) => stem.endsWith(s) && stem.length - s.length >= MIN_STEM);
    if (suffix === undefined) break;
    stem = stem.slice(0, -suffix.length);
  }
  return stem;
}

/** The stem of a token when it is a content word, else undefined. `termOf(token('والرحلات'))` → `'رحل'`. */
export function termOf(token: Token): string | undefined {
  const key = contentKey(token);
  return key === undefined ? undefined : stemKey(key);
}

/** The content terms of a run of tokens, in order (repeats kept). */
export function termsOf(tokens: readonly Token[]): string[] {
  const terms: string[] = [];
  for (const token of tokens) {
    const term = termOf(token);
    if (term !== undefined) terms.push(term);
  }
  return terms;
}
