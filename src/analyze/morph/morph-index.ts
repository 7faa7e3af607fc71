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

/**
 * Spellings (stems, proclitics, endings) by their 32-bit hash, each with the stem groups it may be or go with as
 * bits: an open-addressing table of two integers a slot, so a lookup makes no string, in front of it two bits a
 * spelling in a table of a few kilobytes that stays in the processor's nearest cache (a blocked Bloom filter), which
 * turns away nearly every hash not in the table without reading it. Another spelling with the same hash passes as
 * this one: false positives only.
 */
class HashGroups {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly bits: Uint32Array;
  private readonly shift: number;
  constructor(entries: ReadonlyMap<number, number>) {
    // At most a third full: a hash not in the table mostly meets an empty slot first.
    let size = 16;
    while (size < entries.size * 3) size *= 2;
    this.slots = new Int32Array(size * 2);
    this.mask = size - 1;
    // About two spellings a 32-bit word: one hash in fifty not in the table gets past.
    let log2 = 3;
    while (1 << (log2 + 1) < entries.size) log2++;
    this.bits = new Uint32Array(1 << log2);
    this.shift = 32 - log2;
    for (const [hash, groups] of entries) {
      if (groups === 0) continue;
      let i = this.slot(hash);
      while (this.slots[2 * i + 1] !== 0) i = (i + 1) & this.mask;
      this.slots[2 * i] = hash;
      this.slots[2 * i + 1] = groups;
      this.bits[this.word(hash)]! |= bitsOf(hash);
    }
  }
  private slot(hash: number): number {
    return Math.imul(hash ^ (hash >>> 16), 0x45d9f3b) & this.mask;
  }
  private word(hash: number): number {
    return Math.imul(hash ^ (hash >>> 13), 0x7feb352d) >>> this.shift;
  }
  /** The groups of the spelling with this hash; 0 for none. */
  get(hash: number): number {
    const bits = bitsOf(hash);
    if ((this.bits[this.word(hash)]! & bits) !== bits) return 0;
    const slots = this.slots;
    for (let i = this.slot(hash); ; i = (i + 1) & this.mask) {
      const groups = slots[2 * i + 1]!;
      if (groups === 0 || slots[2 * i] === hash) return groups;
    }
  }
}

/** The two bits of a hash in its word of a HashGroups filter, from other bits of it than the word's index. */
function bitsOf(hash: number): number {
  const m = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d);
  return (1 << (m >>> 27)) | (1 << ((m >>> 22) & 31));
}

/** Stems by what they take: nouns, perfect and imperative verbs, imperfect verbs (their person prefix kept on). */
const NOUN = 0;
const PERFECT = 1;
const IMPERFECT = 2;
const classOf = (entry: StemEntry): number =>
  entry.pos === 'noun' ? NOUN : entry.aspect === 'imperfect' ? IMPERFECT : PERFECT;
const takes = (proclitic: Proclitic, stemClass: number): boolean =>
  stemClass === NOUN ? proclitic.noun : stemClass === IMPERFECT ? proclitic.imperfect : proclitic.perfect;
// Stem groups a filter tells apart: bits of a 31-bit integer.
const MAX_GROUPS = 30;

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

/** A filter of stems: see `stemsAmong` in createMorphIndex. */
interface StemFilter {
  readonly stems: HashGroups;
  readonly proclitics: HashGroups;
  readonly suffixes: HashGroups;
}

const procliticGroups = new Int32Array(MAX_PROCLITIC + 1);

// The letters proclitics and endings are spelled with (U+0600–U+06FF): a word's proclitic ends before its first
// letter not among them, its ending after its last.
const letterSet = (spellings: Iterable<string>): Uint8Array => {
  const set = new Uint8Array(0x100);
  for (const spelling of spellings)
    for (let i = 0; i < spelling.length; i++) set[spelling.charCodeAt(i) - 0x600] = 1;
  return set;
};
const PROCLITIC_LETTERS = letterSet(PROCLITICS.keys());
const SUFFIX_LETTERS = letterSet(SUFFIXES.keys());
const isIn = (set: Uint8Array, code: number): boolean => {
  const k = code - 0x600;
  return k >= 0 && k < 0x100 && set[k] === 1;
};

/**
 * Each stem entry's group: its class and the endings it takes. Groups past the most a filter tells apart share one
 * per class, taking the endings of all (a looser filter, never a stricter one).
 */
function stemGroups(
  stems: ReadonlyMap<string, readonly StemEntry[]>,
): Map<StemEntry, { id: number; stemClass: number; mask: number }> {
  const counts = new Map<string, number>();
  for (const entries of stems.values())
    for (const entry of entries) {
      const key = `${classOf(entry)}/${entry.mask}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  // The most frequent groups are told apart; the rest fall into one group per class.
  const kept = new Map<string, number>();
  for (const [key] of [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_GROUPS - 3))
    kept.set(key, kept.size);
  const rest = [0, 0, 0];
  for (const entries of stems.values())
    for (const entry of entries)
      if (!kept.has(`${classOf(entry)}/${entry.mask}`)) rest[classOf(entry)]! |= entry.mask;
  const out = new Map<StemEntry, { id: number; stemClass: number; mask: number }>();
  for (const entries of stems.values())
    for (const entry of entries) {
      const stemClass = classOf(entry);
      const id = kept.get(`${stemClass}/${entry.mask}`);
      out.set(
        entry,
        id !== undefined
          ? { id, stemClass, mask: entry.mask }
          : { id: MAX_GROUPS - 3 + stemClass, stemClass, mask: rest[stemClass]! },
      );
    }
  return out;
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
  const signatureOf = (word: string, p: number, end: number): number =>
    signature(word.charCodeAt(p), word.charCodeAt(end - 1), end - p);
  const groupOf = stemGroups(stems);
  /**
   * A filter of the stems whose entries pass `keep`: a stem and the group of each entry (its class and the endings
   * it takes), and for each proclitic and ending spelling the groups it may go with. A split of a word passes only
   * when its proclitic and ending fit one group of its stem (بعد is no ب + the verb stem عد).
   */
  const stemsAmong = (keep: (entry: StemEntry) => boolean): StemFilter => {
    const keys = new Map<number, number>();
    const groups = new Map<number, { stemClass: number; mask: number }>();
    for (const [key, entries] of stems) {
      const hash = hashOf(key);
      for (const entry of entries) {
        if (!keep(entry)) continue;
        const group = groupOf.get(entry)!;
        groups.set(group.id, group);
        keys.set(hash, (keys.get(hash) ?? 0) | (1 << group.id));
      }
    }
    const proclitics = new Map<number, number>();
    for (const [spelling, list] of PROCLITICS) {
      let bits = 0;
      for (const [id, { stemClass }] of groups) if (list.some((p) => takes(p, stemClass))) bits |= 1 << id;
      proclitics.set(hashOf(spelling), (proclitics.get(hashOf(spelling)) ?? 0) | bits);
    }
    const suffixes = new Map<number, number>();
    for (const [spelling, list] of SUFFIXES) {
      let bits = 0;
      for (const [id, { stemClass, mask }] of groups)
        if (
          list.some(
            ({ inflection }) =>
              inflection.pos === (stemClass === NOUN ? 'noun' : 'verb') && (inflection.bit & mask) !== 0,
          )
        )
          bits |= 1 << id;
      suffixes.set(hashOf(spelling), (suffixes.get(hashOf(spelling)) ?? 0) | bits);
    }
    return {
      stems: new HashGroups(keys),
      proclitics: new HashGroups(proclitics),
      suffixes: new HashGroups(suffixes),
    };
  };
  const allStems = stemsAmong(() => true);
  let recent = new Map<string, readonly MorphAnalysis[]>();
  let older = new Map<string, readonly MorphAnalysis[]>();

  /**
   * Whether some split of word[0, n) into a proclitic, a stem of the filter and an ending may be one: told on
   * polynomial prefix hashes (the hash of word[i, j) is H[j] - H[i]·BASE^(j - i)), so no substring is made.
   */
  function mayNameWith(filter: StemFilter, word: string, n: number): boolean {
    if (n > MAX_HASHED) return mayNameBySignature(word, n);
    const h = prefixHashes;
    for (let i = 0; i < n; i++) h[i + 1] = (Math.imul(h[i]!, BASE) + word.charCodeAt(i)) | 0;
    // The groups each proclitic length allows, once for every ending; none past a letter no proclitic has.
    const byPrefix = procliticGroups;
    let any = filter.proclitics.get(0);
    byPrefix[0] = any;
    let maxPrefix = 0;
    for (
      let p = 1;
      p <= MAX_PROCLITIC && p <= n - 2 && isIn(PROCLITIC_LETTERS, word.charCodeAt(p - 1));
      p++
    ) {
      byPrefix[p] = filter.proclitics.get(h[p]!);
      any |= byPrefix[p]!;
      maxPrefix = p;
    }
    if (any === 0) return false;
    for (let s = 0; s <= MAX_SUFFIX && s <= n - 2; s++) {
      if (s > 0 && !isIn(SUFFIX_LETTERS, word.charCodeAt(n - s))) break;
      const ending = filter.suffixes.get((h[n]! - Math.imul(h[n - s]!, POWERS[s]!)) | 0) & any;
      if (ending === 0) continue;
      for (let p = 0; p <= maxPrefix && p + s <= n - 2; p++) {
        const groups = ending & byPrefix[p]!;
        if (
          groups !== 0 &&
          (filter.stems.get((h[n - s]! - Math.imul(h[p]!, POWERS[n - s - p]!)) | 0) & groups) !== 0
        )
          return true;
      }
    }
    return false;
  }

  function mayName(word: string, n: number = word.length): boolean {
    return mayNameWith(allStems, word, n);
  }

  function mayNameBySignature(word: string, n: number): boolean {
    for (let s = 0; s <= MAX_SUFFIX && s <= n - 2; s++) {
      for (let p = 0; p <= MAX_PROCLITIC && p + s <= n - 2; p++) {
        if (signatures[signatureOf(word, p, n - s)] !== 0) return true;
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
    nameFilter(lemmas: ReadonlySet<string>): (word: string, length?: number) => boolean {
      const among = stemsAmong((entry) => lemmas.has(entry.lemma));
      return (word, length = word.length) => mayNameWith(among, word, length);
    },
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
