import { normalizeArabic } from '../../text/normalize.ts';

/** Harakat and tatweel, but not shadda: the shadda tells Form II (دمّر) and doubled verbs (شنّ) apart. */
const VOWEL_MARKS = /[\u064B-\u0650\u0652-\u065F\u0670\u0640]/g;
const SHADDA = '\u0651';
export const HAMZAS = new Set(['أ', 'إ', 'آ', 'ؤ', 'ئ', 'ء']);

/** A lemma's spelling as written (for its class) and normalized (for its stems). */
export interface Spelling {
  /** Letters as written, without marks: أصاب, رمى, زيارة. */
  readonly raw: string;
  /** Normalized: اصاب, رمي, زياره. */
  readonly norm: string;
  /** A shadda was written somewhere. */
  readonly shadda: boolean;
  /** A shadda was written on the last letter (شنّ، احتلّ). */
  readonly finalShadda: boolean;
}

export function spell(written: string): Spelling {
  const unvowelled = written.trim().replace(VOWEL_MARKS, '');
  const raw = unvowelled.replaceAll(SHADDA, '');
  return {
    raw,
    norm: normalizeArabic(raw),
    shadda: raw !== unvowelled,
    finalShadda: unvowelled.endsWith(SHADDA),
  };
}

/** The last `n`th letter (1 = last). */
export function fromEnd(text: string, n: number): string {
  return text[text.length - n] ?? '';
}

/** `text` with the letter at `index` replaced (negative: from the end) or removed (`by` = ''). */
export function replaceAt(text: string, index: number, by: string): string {
  const i = index < 0 ? text.length + index : index;
  return text.slice(0, i) + by + text.slice(i + 1);
}
