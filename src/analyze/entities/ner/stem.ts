/**
 * Proclitic stripping for NER features. ANERcorp words keep their clitics (`والصادرات`), so a name seen
 * as `لبنان` must also be recognisable as `ولبنان`: features look at the word both whole and stripped.
 * Works on normalized text (see text/normalize), where alef forms are already folded to ا.
 */

const CONJUNCTIONS = 'وف';
const PREPOSITIONS = 'بلك';
const MIN_STEM = 2;

/** A word split into its proclitic string and the remainder. */
export interface StrippedWord {
  /** The proclitics removed, article included (`وال`, `لل`, `ب`), or '' when none. */
  readonly prefix: string;
  /** What remains, at least two letters long. */
  readonly stem: string;
  /** True when the remainder carried the article (ال, or the ل of لل). */
  readonly article: boolean;
}

/**
 * Strips و ف, then ب ل ك, then ال (or لل) off a normalized word while at least two letters remain.
 * `stripProclitics('والصادرات')` → `{prefix: 'وال', stem: 'صادرات', article: true}`.
 */
export function stripProclitics(word: string): StrippedWord {
  let pos = 0;
  if (CONJUNCTIONS.includes(word[pos] ?? '') && word.length - pos - 1 >= MIN_STEM) pos++;
  // لل = the preposition ل + the article with its alef dropped in writing (للرئيس).
  if (word.startsWith('لل', pos) && word.length - pos - 2 >= MIN_STEM) {
    return { prefix: word.slice(0, pos + 2), stem: word.slice(pos + 2), article: true };
  }
  if (PREPOSITIONS.includes(word[pos] ?? '') && word.length - pos - 1 >= MIN_STEM) {
    // A preposition is only plausible before the article or a longer word: بلد is not ب + لد.
    const rest = word.length - pos - 1;
    if (word.startsWith('ال', pos + 1) || rest >= 4) pos++;
  }
  let article = false;
  if (word.startsWith('ال', pos) && word.length - pos - 2 >= MIN_STEM) {
    pos += 2;
    article = true;
  }
  return { prefix: word.slice(0, pos), stem: word.slice(pos), article };
}
