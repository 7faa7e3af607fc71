import type { Token, TokenPart } from '../../core/annotations.ts';
import { normalizeArabic } from '../../text/normalize.ts';

/** The normalized word without proclitics or article: `وأعلن` → `اعلن`, `للقاء` → `لقاء`. */
export function baseWord(token: Token): string {
  const parts = token.parts;
  if (parts === undefined) return token.norm;
  // Asked for many times per token by every rule: normalized once.
  let word = baseCache.get(token);
  if (word === undefined) {
    const base = parts.find((p) => p.role === 'base');
    if (base === undefined) return token.norm;
    word = normalizeArabic(base.text);
    baseCache.set(token, word);
  }
  return word;
}

const baseCache = new WeakMap<Token, string>();

/**
 * False when the token's base word is surely none of a filter's keys. A word of plain letters (ء to ي, tatweel)
 * normalizes letter by letter, so its base is a tail of its normalized form: told without making the base.
 */
export function baseMayBeKey(filter: TailFilter, token: Token): boolean {
  const norm = token.norm;
  if (token.parts === undefined) return filter.mayHaveTail(norm, 0);
  const text = token.text;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x621 || code > 0x64a) return filter.mayHaveTail(baseWord(token), 0);
  }
  return filter.mayHaveTail(norm, norm.length);
}

/** What a memo keeps for one normalized word: the value of its unsplit form and of each way it was split. */
interface FormEntry<V> {
  whole: V | undefined;
  readonly split: { readonly parts: readonly TokenPart[]; readonly value: V }[];
}

/** Whether two splits of a word give the same parts (role and text each): then every rule reads them alike. */
function sameSplit(a: readonly TokenPart[], b: readonly TokenPart[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.role !== b[i]!.role || a[i]!.text !== b[i]!.text) return false;
  return true;
}

/**
 * A memo of what the event rules make of a word token, keyed by its form: the normalized word and, when the
 * tokenizer split it, each part's role and text (everything the rules read; parts tile the token). Looked up by the
 * normalized word alone, so no key string is made. Of bounded size: distinct words in a day of news run to tens of
 * thousands; two generations instead of evicting one word at a time (when the recent half fills, it becomes the
 * older one, the oldest dropped).
 */
export class FormMemo<V> {
  private recent = new Map<string, FormEntry<V>>();
  private older = new Map<string, FormEntry<V>>();
  constructor(private readonly limit = 100_000) {}

  private entry(norm: string, create: boolean): FormEntry<V> | undefined {
    let entry = this.recent.get(norm);
    if (entry !== undefined) return entry;
    entry = this.older.get(norm);
    if (entry === undefined && !create) return undefined;
    entry ??= { whole: undefined, split: [] };
    if (this.recent.size >= this.limit) {
      this.older = this.recent;
      this.recent = new Map();
    }
    this.recent.set(norm, entry);
    return entry;
  }

  get(token: Token): V | undefined {
    const entry = this.entry(token.norm, false);
    if (entry === undefined) return undefined;
    const parts = token.parts;
    if (parts === undefined) return entry.whole;
    for (const known of entry.split) if (sameSplit(known.parts, parts)) return known.value;
    return undefined;
  }

  set(token: Token, value: V): void {
    const entry = this.entry(token.norm, true)!;
    const parts = token.parts;
    if (parts === undefined) entry.whole = value;
    else entry.split.push({ parts, value });
  }
}

// Clitic strings the tokenizer may leave on a frequent word (والتعاون، فقد، بالقرب): tried longest first.
const PREFIXES = ['وبال', 'وال', 'بال', 'فال', 'لل', 'ال', 'و', 'ف', 'ب', 'ل'];
/** The most letters lookupKeys takes off the front of a word: its keys are its base and tails from here on. */
export const MAX_LOOKUP_PREFIX = Math.max(...PREFIXES.map((p) => p.length));

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

/** Whether any of `lookupKeys(token)` is in the set, without making the array: asked many times per trigger. */
export function hasLookupKey(token: Token, words: { has(key: string): boolean }): boolean {
  const norm = token.norm;
  if (words.has(baseWord(token)) || words.has(norm)) return true;
  for (const prefix of PREFIXES)
    if (norm.length - prefix.length >= 3 && norm.startsWith(prefix) && words.has(norm.slice(prefix.length)))
      return true;
  return false;
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

const TAIL_BITS = 20;

/**
 * Tells without slicing or hashing the word into a Map that no key of a set is one of its tails: each key's
 * letters, read from the end, are hashed into a bit table; a word's tails are hashed the same way in one pass.
 * False positives only (about one in a thousand), so a miss needs no Map lookup.
 */
export class TailFilter {
  private readonly bits = new Uint32Array(1 << (TAIL_BITS - 5));

  constructor(keys: Iterable<string>) {
    for (const key of keys) {
      let h = 0x811c9dc5;
      for (let i = key.length - 1; i >= 0; i--) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
      const bit = Math.imul(h, 0x9e3779b1) >>> (32 - TAIL_BITS);
      this.bits[bit >>> 5]! |= 1 << (bit & 31);
    }
  }

  /** False when no key of the set is `word.slice(from)` for any `from` up to `maxFrom`. */
  mayHaveTail(word: string, maxFrom: number): boolean {
    let h = 0x811c9dc5;
    for (let i = word.length - 1; i >= 0; i--) {
      h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
      if (i > maxFrom) continue;
      const bit = Math.imul(h, 0x9e3779b1) >>> (32 - TAIL_BITS);
      if ((this.bits[bit >>> 5]! & (1 << (bit & 31))) !== 0) return true;
    }
    return false;
  }
}
