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
 * normalizes letter by letter, and one that normalization leaves alone stays as it is: either way its base is a
 * tail of its normalized form, told without making the base.
 */
export function baseMayBeKey(filter: TailFilter, token: Token): boolean {
  const norm = token.norm;
  if (token.parts === undefined) return filter.mayHaveTail(norm, 0);
  const text = token.text;
  // Text that normalizes to itself (mostly the very same string) is letters normalization leaves alone.
  if (text === norm) return filter.mayHaveTail(norm, norm.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x621 || code > 0x64a) return filter.mayHaveTail(baseWord(token), 0);
  }
  return filter.mayHaveTail(norm, norm.length);
}

/** What a memo keeps for one spelling: the value of its unsplit form and of each way it was split. */
interface FormEntry<V> {
  whole: V | undefined;
  readonly split: { readonly code: number; readonly parts: readonly TokenPart[]; readonly value: V }[];
}

/** Whether two splits of a word give the same parts (role and text each): then every rule reads them alike. */
function sameSplit(a: readonly TokenPart[], b: readonly TokenPart[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.role !== b[i]!.role || a[i]!.text !== b[i]!.text) return false;
  return true;
}

const ROLE_CODES: Readonly<Record<TokenPart['role'], number>> = {
  conjunction: 0,
  preposition: 1,
  article: 2,
  base: 3,
};

/**
 * A split as one small integer: each part's role and where it ends in the token, up to four parts ending within
 * 31 code units, which parts tiling the token from its start have; -1 for any other. Two tokens of one spelling with
 * the same code have the same parts (the parts tile the token: each part's text is the token's text there).
 */
function splitCode(token: Token, parts: readonly TokenPart[]): number {
  if (parts.length > 4) return -1;
  let code = 1;
  let at = token.start;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const end = part.end - token.start;
    const role = ROLE_CODES[part.role];
    if (part.start !== at || end > 31 || part.end <= at || role === undefined) return -1;
    code = code * 128 + role * 32 + end;
    at = part.end;
  }
  return at === token.end ? code : -1;
}

const HOT_SLOTS = 2048;

/** A slot of a memo's hot table: a hash of the spelling's letters. */
function hotSlot(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 16)) & (HOT_SLOTS - 1);
}

/**
 * A memo of what the event rules make of a word token, keyed by its form: its text and, when the tokenizer split
 * it, each part's role and extent (everything the rules read). Looked up by the text alone (the normalized word is
 * a function of it), a split told by a small integer, so no key string is made and no earlier token's parts are
 * read. Of bounded size: distinct words in a day of news run to tens of thousands; two generations instead of
 * evicting one word at a time (when the recent half fills, it becomes the older one, the oldest dropped).
 */
export class FormMemo<V> {
  private recent = new Map<string, FormEntry<V>>();
  private older = new Map<string, FormEntry<V>>();
  // The spellings met last, one a slot by a hash of their letters: frequent words (على، الى، قوات) are found there,
  // their strings still in the processor's cache, where a lookup in the big Map mostly misses it several times.
  private readonly hotTexts: (string | undefined)[] = new Array(HOT_SLOTS).fill(undefined);
  private readonly hotEntries: (FormEntry<V> | undefined)[] = new Array(HOT_SLOTS).fill(undefined);
  constructor(private readonly limit = 100_000) {}

  private entry(text: string, create: boolean): FormEntry<V> | undefined {
    const slot = hotSlot(text);
    if (this.hotTexts[slot] === text) return this.hotEntries[slot];
    let entry = this.recent.get(text);
    if (entry === undefined) {
      entry = this.older.get(text);
      if (entry === undefined && !create) return undefined;
      entry ??= { whole: undefined, split: [] };
      if (this.recent.size >= this.limit) {
        this.older = this.recent;
        this.recent = new Map();
      }
      this.recent.set(text, entry);
    }
    this.hotTexts[slot] = text;
    this.hotEntries[slot] = entry;
    return entry;
  }

  get(token: Token): V | undefined {
    const entry = this.entry(token.text, false);
    if (entry === undefined) return undefined;
    const parts = token.parts;
    if (parts === undefined) return entry.whole;
    const code = splitCode(token, parts);
    for (const known of entry.split)
      if (code >= 0 ? known.code === code : known.code < 0 && sameSplit(known.parts, parts))
        return known.value;
    return undefined;
  }

  set(token: Token, value: V): void {
    const entry = this.entry(token.text, true)!;
    const parts = token.parts;
    if (parts === undefined) entry.whole = value;
    else entry.split.push({ code: splitCode(token, parts), parts, value });
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

/**
 * Tells without slicing or hashing the word into a Map that no key of a set is one of its tails: each key's
 * letters, read from the end, are hashed, and the hash sets two bits of one 32-bit word of a table (a blocked Bloom
 * filter); a word's tails are hashed the same way in one pass. About one 32-bit word per key keeps the table small
 * enough to stay in the processor's cache (a miss costs more than the hashing), at a false positive rate under one
 * in a hundred per tail. False positives only, so a miss needs no Map lookup.
 */
export class TailFilter {
  private readonly words: Uint32Array;
  private readonly shift: number;

  constructor(keys: Iterable<string>) {
    const list = [...keys];
    let log2 = 5;
    while (1 << log2 < list.length) log2++;
    this.words = new Uint32Array(1 << log2);
    this.shift = 32 - log2;
    for (const key of list) {
      let h = 0x811c9dc5;
      for (let i = key.length - 1; i >= 0; i--) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
      this.words[Math.imul(h, 0x9e3779b1) >>> this.shift]! |= tailMask(h);
    }
  }

  /** False when no key of the set is `word.slice(from)` for any `from` up to `maxFrom`. */
  mayHaveTail(word: string, maxFrom: number): boolean {
    const words = this.words;
    const shift = this.shift;
    let h = 0x811c9dc5;
    for (let i = word.length - 1; i >= 0; i--) {
      h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
      if (i > maxFrom) continue;
      const mask = tailMask(h);
      if ((words[Math.imul(h, 0x9e3779b1) >>> shift]! & mask) === mask) return true;
    }
    return false;
  }
}

/** The two bits a hash sets in its word of a TailFilter, from other bits of the hash than the word's index. */
function tailMask(h: number): number {
  const m = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return (1 << (m >>> 27)) | (1 << ((m >>> 22) & 31));
}
