/**
 * Arabic normalization for *matching* (search keys, lexicon lookups, features) — never for display.
 * The display text is left untouched; `normalizeWithOffsets` says where each normalized character came from.
 */

// Harakat, Quranic annotation marks, superscript alef and tatweel carry no lexical identity in news text.
const IGNORABLE = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/;
// Bidi controls, zero-width joiners and BOM: invisible, and a classic way to make two names differ.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/;

const LETTER_MAP: Readonly<Record<string, string>> = {
  // Alef forms (hamza above/below, madda, wasla) → bare alef.
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  // Hamza seats are spelled inconsistently across outlets (مسؤول / مسئول): fold them to the bare hamza.
  ؤ: 'ء',
  ئ: 'ء',
  // Ta marbuta and alef maqsura are routinely written as ha and ya.
  ة: 'ه',
  ى: 'ي',
  // Persian and Urdu letter shapes that NFKC leaves alone.
  ک: 'ك',
  ی: 'ي',
  ې: 'ي',
  ۀ: 'ه',
  // Arabic decimal and thousands separators.
  '٫': '.',
  '٬': ',',
};

function mapChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0x0660 && code <= 0x0669) return String.fromCharCode(code - 0x0660 + 48);
  if (code >= 0x06f0 && code <= 0x06f9) return String.fromCharCode(code - 0x06f0 + 48);
  if (IGNORABLE.test(ch) || INVISIBLE.test(ch)) return '';
  return LETTER_MAP[ch] ?? ch.toLowerCase();
}

/**
 * Normalizes text for matching. `normalizeArabic('أَكَّدَ الـكرملين ٢٠٢٣')` → `'اكد الكرملين 2023'`.
 * Idempotent: normalizing twice gives the same string.
 */
export function normalizeArabic(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKC')) out += mapChar(ch);
  // A second NFKC pass keeps the function idempotent when mapping produced a composable sequence.
  return out.normalize('NFKC');
}

export interface NormalizedText {
  /** The normalized text. */
  readonly text: string;
  /** For each UTF-16 unit of `text`, the offset of the source character it came from. Length = text.length + 1. */
  readonly sourceOffsets: Int32Array;
}

/**
 * Normalizes text and keeps, for every normalized code unit, the offset in the source it came from, so a
 * match found in normalized text can be reported as a span of the display text.
 * `normalizeWithOffsets('إِنّ')` → `{text: 'ان', sourceOffsets: [0, 2, 4]}`.
 */
export function normalizeWithOffsets(source: string): NormalizedText {
  const parts: string[] = [];
  const offsets: number[] = [];
  let i = 0;
  while (i < source.length) {
    const code = source.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const piece = normalizeArabic(source.slice(i, i + width));
    for (let k = 0; k < piece.length; k++) offsets.push(i);
    parts.push(piece);
    i += width;
  }
  offsets.push(source.length);
  return { text: parts.join(''), sourceOffsets: Int32Array.from(offsets) };
}

/** True for characters of the Arabic script blocks (letters, marks, digits). */
export function isArabicChar(ch: string): boolean {
  return /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/.test(ch);
}
