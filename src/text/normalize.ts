/**
 * Arabic normalization for *matching* (search keys, lexicon lookups, features) — never for display.
 * The display text is left untouched; `normalizeWithOffsets` says where each normalized character came from.
 */

// Harakat, Quranic annotation marks, superscript alef and tatweel carry no lexical identity in news text.
const IGNORABLE_RANGES: readonly (readonly [number, number])[] = [
  [0x0610, 0x061a],
  [0x064b, 0x065f],
  [0x0670, 0x0670],
  [0x06d6, 0x06dc],
  [0x06df, 0x06e8],
  [0x06ea, 0x06ed],
  [0x0640, 0x0640],
  // Bidi controls, zero-width joiners, soft hyphen and BOM: invisible, and a classic way to make two names differ.
  [0x00ad, 0x00ad],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x2069],
  [0xfeff, 0xfeff],
];

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

// What each code unit below U+3000 becomes; undefined = itself. Built once so the hot loop is a lookup.
const TABLE: (string | undefined)[] = new Array(0x3000);
for (let code = 0x41; code <= 0x5a; code++) TABLE[code] = String.fromCharCode(code + 32);
for (let code = 0xc0; code < 0x250; code++) {
  const ch = String.fromCharCode(code);
  const lower = ch.toLowerCase();
  if (lower !== ch && lower.length === 1) TABLE[code] = lower;
}
for (let d = 0; d < 10; d++) {
  TABLE[0x0660 + d] = String(d);
  TABLE[0x06f0 + d] = String(d);
}
for (const [from, to] of Object.entries(LETTER_MAP)) TABLE[from.charCodeAt(0)] = to;

// Characters NFKC may change: presentation forms, ligatures, compatibility letters and digits. Text without
// them (nearly all news) skips the costly normalize() call.
const NEEDS_NFKC = /[\u00A0-\u00BF\u0132-\u0149\u017F\u01C4-\u01CC\u0675-\u0678\u1E00-\u1FFF\u2000-\u2BFF\u3000-\uFFFF]/;

const IGNORED_PATTERN = new RegExp(
  `[${IGNORABLE_RANGES.map(([lo, hi]) => `\\u${hex(lo)}-\\u${hex(hi)}`).join('')}]+`,
  'g',
);
const MAPPED_PATTERN = /[A-Z\u00C0-\u024F\u0370-\u052F\u0622\u0623\u0624\u0625\u0626\u0629\u0649\u0671\u0660-\u066C\u06F0-\u06F9\u06A9\u06CC\u06D0\u06C0]/g;
const NEEDS_WORK = new RegExp(`${IGNORED_PATTERN.source}|${MAPPED_PATTERN.source}`);

function hex(code: number): string {
  return code.toString(16).padStart(4, '0');
}

function mapChar(ch: string): string {
  const code = ch.charCodeAt(0);
  return (code < 0x3000 ? TABLE[code] : undefined) ?? ch.toLowerCase();
}

/**
 * Normalizes text for matching. `normalizeArabic('أَكَّدَ الـكرملين ٢٠٢٣')` → `'اكد الكرملين 2023'`.
 * Idempotent: normalizing twice gives the same string.
 */
export function normalizeArabic(text: string): string {
  let out = NEEDS_NFKC.test(text) ? text.normalize('NFKC') : text;
  if (!NEEDS_WORK.test(out)) return out;
  out = out.replace(IGNORED_PATTERN, '').replace(MAPPED_PATTERN, mapChar);
  // A second NFKC pass keeps the function idempotent when mapping produced a composable sequence.
  return NEEDS_NFKC.test(out) ? out.normalize('NFKC') : out;
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
