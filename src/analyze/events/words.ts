import type { Token } from '../../core/annotations.ts';
import { normalizeArabic } from '../../text/normalize.ts';

/** The normalized word without proclitics or article: `وأعلن` → `اعلن`, `للقاء` → `لقاء`. */
export function baseWord(token: Token): string {
  const base = token.parts?.find((p) => p.role === 'base');
  if (base === undefined) return token.norm;
  // Asked for many times per token by every rule: normalized once.
  let word = baseCache.get(token);
  if (word === undefined) {
    word = normalizeArabic(base.text);
    baseCache.set(token, word);
  }
  return word;
}

const baseCache = new WeakMap<Token, string>();

// Clitic strings the tokenizer may leave on a frequent word (والتعاون، فقد، بالقرب): tried longest first.
const PREFIXES = ['وبال', 'وال', 'بال', 'فال', 'لل', 'ال', 'و', 'ف', 'ب', 'ل'];

/**
 * The spellings a token may be looked up under, most specific first: its base, its whole form, and the whole form
 * without a leading clitic the tokenizer kept. `lookupKeys(tokenize('والتعاون')[0])` → `['تعاون', 'والتعاون', …]`.
 */
export function lookupKeys(token: Token): string[] {
  const keys = [baseWord(token), token.norm];
  for (const prefix of PREFIXES) {
    if (token.norm.startsWith(prefix) && token.norm.length - prefix.length >= 3)
      keys.push(token.norm.slice(prefix.length));
  }
  return keys;
}

/** The proclitic preposition (ب، ل، ك) a token carries, normalized, if any: `لكيم` → `ل`. */
export function cliticPreposition(token: Token, before: number = token.end): string | undefined {
  const part = token.parts?.find((p) => p.role === 'preposition' && p.end <= before);
  return part === undefined ? undefined : normalizeArabic(part.text);
}

/** True when the token starts with the conjunction و or ف (as a split part or as its first letter of a longer word). */
export function startsWithConjunction(token: Token): boolean {
  if (token.parts?.some((p) => p.role === 'conjunction')) return true;
  return token.norm === 'و';
}
