import {
  type Inflection,
  MAX_PROCLITIC,
  MAX_SUFFIX,
  maskOf,
  PROCLITICS,
  type Proclitic,
  SUFFIXES,
  type SuffixReading,
  V,
} from './affixes.ts';
import { nounStems } from './noun-stems.ts';
import type { Aspect, GrammaticalNumber, LemmaSpec, MorphAnalysis, MorphIndex } from './types.ts';
import { type VerbStem, verbStems } from './verb-stems.ts';

/** What a stem string in the index stands for. */
interface StemEntry {
  readonly lemma: string;
  readonly pos: 'verb' | 'noun';
  readonly aspect?: Aspect;
  readonly passive: boolean;
  readonly mask: number;
  /** Overrides the number the ending gives: a listed plural, or the imperfect prefix ن (we). */
  readonly number?: GrammaticalNumber;
}

// Which endings each imperfect person prefix takes: يقتلون، تقتلين، نقتل، أقتل.
const PERSON_PREFIXES: readonly (readonly [string, number])[] = [
  ['ي', maskOf([V.none, V.uun, V.aan, V.uu, V.a, V.n])],
  ['ت', maskOf([V.none, V.uun, V.aan, V.iin, V.uu, V.a, V.n, V.i])],
  ['ن', V.none.bit],
  ['ا', V.none.bit],
];
// Distinct word forms in a day of news run to tens of thousands; a word and its readings cost about 100 bytes.
const CACHE_LIMIT = 200_000;

// A stem's signature: its first and last letters (Arabic letters U+0620–U+064F, anything else folded to one slot)
// and its length up to 15. A word split whose signature no stem has cannot name a stem.
const LETTERS = 0x30;
const letterSlot = (code: number): number =>
  code >= 0x620 && code < 0x620 + LETTERS - 1 ? code - 0x620 : LETTERS - 1;
const signature = (first: number, last: number, length: number): number =>
  (letterSlot(first) * LETTERS + letterSlot(last)) * 16 + Math.min(length, 15);

function stemSignatures(keys: Iterable<string>): Uint8Array {
  const table = new Uint8Array(LETTERS * LETTERS * 16);
  for (const key of keys) table[signature(key.charCodeAt(0), key.charCodeAt(key.length - 1), key.length)] = 1;
  return table;
}
const NO_READINGS: readonly MorphAnalysis[] = Object.freeze([]);

// Strings hashed polynomially (mod 2^32), so that the hash of any substring comes from a word's prefix hashes in
// two operations: every split of a word is told apart from the stems, proclitics and endings without slicing it.
const BASE = 0x01000193;
const MAX_HASHED = 64;
const POWERS = new Int32Array(MAX_HASHED + 1);
POWERS[0] = 1;
for (let i = 1; i <= MAX_HASHED; i++) POWERS[i] = Math.imul(POWERS[i - 1]!, BASE);
const prefixHashes = new Int32Array(MAX_HASHED + 1);

function hashOf(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0;
  return h;
}

/** A set of strings as bits of their hashes: false positives only. */
class HashBits {
  private readonly bits: Uint32Array;
  private readonly shift: number;
  constructor(keys: Iterable<string>, log2: number) {
    this.bits = new Uint32Array(1 << (log2 - 5));
    this.shift = 32 - log2;
    for (const key of keys) {
      const bit = this.bitOf(hashOf(key));
      this.bits[bit >>> 5]! |= 1 << (bit & 31);
    }
  }
  bitOf(hash: number): number {
    return Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) >>> this.shift;
  }
  has(hash: number): boolean {
    const bit = this.bitOf(hash);
    return (this.bits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }
}

const SUFFIX_BITS = new HashBits(SUFFIXES.keys(), 12);
const PROCLITIC_BITS = new HashBits(PROCLITICS.keys(), 12);

function buildStems(lemmas: readonly LemmaSpec[]): Map<string, StemEntry[]> {
  const stems = new Map<string, StemEntry[]>();
  const add = (base: string, entry: StemEntry) => {
    const list = stems.get(base);
    if (list) list.push(entry);
    else stems.set(base, [entry]);
  };
  for (const spec of lemmas) {
    if (spec.kind === 'noun') {
      for (const stem of nounStems(spec.id, spec.form, spec.plurals, spec.participle)) {
        add(stem.base, { lemma: spec.id, pos: 'noun', passive: false, mask: stem.mask, number: stem.number });
      }
      continue;
    }
    for (const stem of withMergedNun(
      verbStems(spec.id, spec.past, spec.present, spec.intransitive ?? false),
    )) {
      const entry = {
        lemma: spec.id,
        pos: 'verb' as const,
        aspect: stem.aspect,
        passive: stem.passive,
        mask: stem.mask,
      };
      if (stem.aspect !== 'imperfect') {
        add(stem.base, entry);
        continue;
      }
      // The person prefix is part of the indexed key, so the analyzer needs no extra loop for it.
      for (const [prefix, allowed] of PERSON_PREFIXES) {
        const mask = stem.mask & allowed;
        if (mask === 0) continue;
        // أ + اكل is written آكل, normalized اكل.
        const key = prefix === 'ا' && stem.base[0] === 'ا' ? stem.base : prefix + stem.base;
        add(key, { ...entry, mask, number: prefix === 'ن' ? 'plural' : undefined });
      }
    }
  }
  return stems;
}

const NUN_ENDINGS = V.naa.bit | V.n.bit;

/** A stem ending in ن before نا or ن writes the two as one (شنن + نا → شننا, أعلن + نا → أعلنا). */
function withMergedNun(stems: VerbStem[]): VerbStem[] {
  const merged: VerbStem[] = [];
  for (const stem of stems) {
    if (stem.base.endsWith('ن') && (stem.mask & NUN_ENDINGS) !== 0 && stem.base.length > 2) {
      merged.push({ ...stem, base: stem.base.slice(0, -1), mask: stem.mask & NUN_ENDINGS });
    }
  }
  return merged.length === 0 ? stems : [...stems, ...merged];
}

function fits(entry: StemEntry, proclitic: Proclitic, inflection: Inflection, enclitic: string): boolean {
  if (entry.pos === 'noun')
    return proclitic.noun && (!proclitic.definite || (inflection.article && enclitic === ''));
  return entry.aspect === 'imperfect' ? proclitic.imperfect : proclitic.perfect;
}

function reading(entry: StemEntry, proclitic: Proclitic, suffix: SuffixReading): MorphAnalysis {
  const { inflection, enclitic } = suffix;
  const analysis: { -readonly [K in keyof MorphAnalysis]: MorphAnalysis[K] } = {
    lemma: entry.lemma,
    pos: entry.pos,
    future: proclitic.future,
    definite: proclitic.definite,
    proclitics: proclitic.spelling,
    number: entry.number ?? inflection.number,
  };
  if (entry.aspect) {
    analysis.aspect = entry.aspect;
    analysis.passive = entry.passive;
  }
  if (enclitic !== '') analysis.enclitic = enclitic;
  if (inflection.construct) analysis.construct = true;
  return Object.freeze(analysis);
}

function keyOf(analysis: MorphAnalysis): string {
  const { lemma, pos, aspect, future, definite, proclitics, enclitic, number, construct } = analysis;
  return `${lemma}|${pos}|${aspect}|${future}|${definite}|${proclitics}|${enclitic}|${number}|${construct}`;
}

/** Drops exact repeats, and a passive reading spelled exactly like an active one (the spelling shows nothing). */
function distinct(readings: MorphAnalysis[]): readonly MorphAnalysis[] {
  if (readings.length === 0) return NO_READINGS;
  if (readings.length === 1) return Object.freeze(readings);
  const active = new Set<string>();
  for (const r of readings) if (!r.passive) active.add(keyOf(r));
  const seen = new Set<string>();
  const out: MorphAnalysis[] = [];
  for (const r of readings) {
    const key = keyOf(r);
    if ((r.passive && active.has(key)) || seen.has(key + r.passive)) continue;
    seen.add(key + r.passive);
    out.push(r);
  }
  return Object.freeze(out);
}

/**
 * Builds the stem index of the lemmas once; `analyze` then tries each split of a word into proclitics, a
 * stem and an ending (a few dozen map lookups) and caches the result per word.
 * `createMorphIndex([{kind: 'verb', id: 'قتل', past: 'قتل', present: 'يقتل'}]).analyze('ويقتلون')`
 * → `[{lemma: 'قتل', pos: 'verb', aspect: 'imperfect', proclitics: 'و', number: 'plural', …}]`.
 */
export function createMorphIndex(lemmas: readonly LemmaSpec[]): MorphIndex {
  const stems = buildStems(lemmas);
  const signatures = stemSignatures(stems.keys());
  const stemBits = new HashBits(stems.keys(), 22);
  let recent = new Map<string, readonly MorphAnalysis[]>();
  let older = new Map<string, readonly MorphAnalysis[]>();

  function mayName(word: string, n: number = word.length): boolean {
    if (n > MAX_HASHED) return mayNameBySignature(word, n);
    // Prefix hashes: the hash of word[i, j) is H[j] - H[i]·BASE^(j - i).
    const h = prefixHashes;
    for (let i = 0; i < n; i++) h[i + 1] = (Math.imul(h[i]!, BASE) + word.charCodeAt(i)) | 0;
    for (let s = 0; s <= MAX_SUFFIX && s <= n - 2; s++) {
      if (!SUFFIX_BITS.has((h[n]! - Math.imul(h[n - s]!, POWERS[s]!)) | 0)) continue;
      for (let p = 0; p <= MAX_PROCLITIC && p + s <= n - 2; p++) {
        if (!PROCLITIC_BITS.has(h[p]!)) continue;
        if (stemBits.has((h[n - s]! - Math.imul(h[p]!, POWERS[n - s - p]!)) | 0)) return true;
      }
    }
    return false;
  }

  function mayNameBySignature(word: string, n: number): boolean {
    for (let s = 0; s <= MAX_SUFFIX && s <= n - 2; s++) {
      const last = word.charCodeAt(n - s - 1);
      for (let p = 0; p <= MAX_PROCLITIC && p + s <= n - 2; p++) {
        if (signatures[signature(word.charCodeAt(p), last, n - s - p)] !== 0) return true;
      }
    }
    return false;
  }

  function compute(word: string): readonly MorphAnalysis[] {
    const n = word.length;
    const found: MorphAnalysis[] = [];
    // A stem keeps at least two letters: no absurd readings of a word as affixes around one letter.
    for (let s = 0; s <= MAX_SUFFIX && s <= n - 2; s++) {
      let suffixes: readonly SuffixReading[] | undefined;
      for (let p = 0; p <= MAX_PROCLITIC && p + s <= n - 2; p++) {
        // Most splits of most words name no stem: ruled out on character codes, before any substring is made.
        if (signatures[signature(word.charCodeAt(p), word.charCodeAt(n - s - 1), n - s - p)] === 0) continue;
        suffixes ??= SUFFIXES.get(s === 0 ? '' : word.slice(n - s)) ?? [];
        if (suffixes.length === 0) break;
        const proclitics = PROCLITICS.get(p === 0 ? '' : word.slice(0, p));
        if (!proclitics) continue;
        const entries = stems.get(word.slice(p, n - s));
        if (!entries) continue;
        for (const entry of entries) {
          for (const suffix of suffixes) {
            if ((entry.mask & suffix.inflection.bit) === 0 || suffix.inflection.pos !== entry.pos) continue;
            for (const proclitic of proclitics) {
              if (fits(entry, proclitic, suffix.inflection, suffix.enclitic)) {
                found.push(reading(entry, proclitic, suffix));
              }
            }
          }
        }
      }
    }
    return distinct(found);
  }

  return {
    mayName,
    analyze(word: string): readonly MorphAnalysis[] {
      // Most words could name no stem under any split: told on character codes, without hashing the word.
      if (!mayName(word)) return NO_READINGS;
      const hit = recent.get(word);
      if (hit !== undefined) return hit;
      const kept = older.get(word);
      if (kept !== undefined) {
        if (recent.size < CACHE_LIMIT / 2) recent.set(word, kept);
        return kept;
      }
      const result = compute(word);
      // Two generations instead of evicting one word at a time (deleting from the front of a big Map makes V8
      // skip ever more holes): when the recent half fills, it becomes the older one and the oldest is dropped.
      if (recent.size >= CACHE_LIMIT / 2) {
        older = recent;
        recent = new Map();
      }
      recent.set(word, result);
      return result;
    },
  };
}
