import { normalizeArabic } from '../text/normalize.ts';
import { hashString } from './hash32.ts';

/**
 * The matching form of a clean text: normalized (hamza, ta marbuta, diacritics do not matter), punctuation
 * dropped, whitespace collapsed. Two copies of a story that differ only in such spelling get the same key.
 * `dedupText('قال الوزيرُ: "نعم".')` → `'قال الوزير نعم'`.
 */
export function dedupText(cleanText: string): string {
  return normalizeArabic(cleanText)
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Hashes of the overlapping word n-grams of a dedup text; a text shorter than n words gives one shingle.
 * `shingleHashes('a b c d', 3)` → two hashes (`a b c`, `b c d`).
 */
export function shingleHashes(text: string, size: number): Uint32Array {
  const words = text === '' ? [] : text.split(' ');
  if (words.length === 0) return new Uint32Array(0);
  const count = Math.max(1, words.length - size + 1);
  const unique = new Set<number>();
  for (let i = 0; i < count; i++) unique.add(hashString(words.slice(i, i + size).join(' ')));
  return Uint32Array.from(unique);
}
