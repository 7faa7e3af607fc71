import type { Span } from '../core/span.ts';
import { normalizeArabic } from '../text/normalize.ts';
import type { QueryTerm } from './query.ts';
import type { Highlighted } from './types.ts';

// Matching runs on the text as `normalizeWithOffsets` would give it: each source code point normalized on
// its own by `normalizeArabic`. That result depends on the code point alone, so it is learnt once per code
// point and kept: UNIT[c] is the single code unit a BMP code unit becomes, EMPTY when it vanishes (harakat,
// tatweel), MULTI when it becomes several (ligatures; the units are in PIECES, as are astral code points'),
// HIGH for a high surrogate (its code point depends on the next unit).
const UNKNOWN = -4;
const HIGH = -3;
const MULTI = -2;
const EMPTY = -1;
const UNIT = new Int32Array(0x10000).fill(UNKNOWN);
const PIECES = new Map<number, string>();

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const codePointOf = (high: number, low: number) => ((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000;

function learnUnit(code: number): number {
  let unit = HIGH;
  if (!isHigh(code)) {
    const piece = normalizeArabic(String.fromCharCode(code));
    unit = piece.length === 0 ? EMPTY : piece.length === 1 ? piece.charCodeAt(0) : MULTI;
    if (unit === MULTI) PIECES.set(code, piece);
  }
  UNIT[code] = unit;
  return unit;
}

/** The normalized form of a code point taking several units or none of UNIT's fast path. */
function pieceOf(codePoint: number): string {
  let piece = PIECES.get(codePoint);
  if (piece === undefined) {
    piece = normalizeArabic(String.fromCodePoint(codePoint));
    PIECES.set(codePoint, piece);
  }
  return piece;
}

// The index tokenizer's notion of a word character (unicode61 with categories L* N* Co Mn), per code point:
// WORD_CLASS[c] is 0 not yet known, 1 word, 2 not a word, 3 high surrogate (look at the pair).
const WORD_CHAR = /^[\p{L}\p{N}\p{Mn}\p{Co}]$/u;
const WORD_CLASS = new Uint8Array(0x10000);
const WORD_ASTRAL = new Map<number, boolean>();

function learnWordClass(code: number): number {
  const known = isHigh(code) ? 3 : WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
  WORD_CLASS[code] = known;
  return known;
}

function isWordAstral(codePoint: number): boolean {
  let word = WORD_ASTRAL.get(codePoint);
  if (word === undefined) {
    word = WORD_CHAR.test(String.fromCodePoint(codePoint));
    WORD_ASTRAL.set(codePoint, word);
  }
  return word;
}

// Scratch buffers reused by every call (matching is synchronous): the normalized text as code units, the
// source offset each unit came from (one more entry: the source length), and each word's [start, end) and hash.
let units = new Uint16Array(4096);
let sources = new Int32Array(4097);
let wordStarts = new Int32Array(1024);
let wordEnds = new Int32Array(1024);
let wordHashes = new Int32Array(1024);

function growText(needed: number): void {
  let size = units.length;
  while (size < needed) size *= 2;
  const u = new Uint16Array(size);
  u.set(units);
  units = u;
  const s = new Int32Array(size + 1);
  s.set(sources);
  sources = s;
}

/** Normalizes `display` into the scratch buffers; returns the normalized length. */
function normalizeInto(display: string): number {
  const n = display.length;
  // Invariant: room for every unit written so far, one per source unit still to read, and the end entry;
  // so the common case (one unit in, one out) needs no bounds check.
  if (units.length < n + 2) growText(n + 2);
  let out = units;
  let from = sources;
  let length = 0;
  for (let i = 0; i < n; i++) {
    const code = display.charCodeAt(i);
    let unit = UNIT[code]!;
    if (unit === UNKNOWN) unit = learnUnit(code);
    if (unit >= 0) {
      out[length] = unit;
      from[length++] = i;
    } else if (unit !== EMPTY) {
      const start = i;
      let piece: string;
      if (unit === MULTI) piece = PIECES.get(code)!;
      else if (i + 1 < n && isLow(display.charCodeAt(i + 1)))
        piece = pieceOf(codePointOf(code, display.charCodeAt(++i)));
      else piece = pieceOf(code); // a lone high surrogate
      if (length + piece.length + (n - i) + 2 > out.length) {
        growText(length + piece.length + (n - i) + 2);
        out = units;
        from = sources;
      }
      for (let k = 0; k < piece.length; k++) {
        out[length] = piece.charCodeAt(k);
        from[length++] = start;
      }
    }
  }
  from[length] = n;
  return length;
}

/**
 * Splits the normalized scratch text into words (maximal runs of word code points) and hashes each word's
 * code units as it goes; returns the number of words.
 */
function splitWords(length: number): number {
  const text = units;
  let count = 0;
  let start = -1;
  let hash = 0;
  for (let k = 0; k < length; ) {
    const code = text[k]!;
    let known = WORD_CLASS[code]!;
    if (known === 0) known = learnWordClass(code);
    let word = known === 1;
    let width = 1;
    if (known === 3) {
      const low = k + 1 < length ? text[k + 1]! : 0;
      if (isLow(low)) {
        word = isWordAstral(codePointOf(code, low));
        width = 2;
      }
    }
    if (word) {
      if (start < 0) {
        start = k;
        hash = HASH_SEED;
      }
      hash = Math.imul(hash ^ code, HASH_PRIME);
      if (width === 2) hash = Math.imul(hash ^ text[k + 1]!, HASH_PRIME);
    } else if (start >= 0) {
      count = pushWord(count, start, k, hash);
      start = -1;
    }
    k += width;
  }
  if (start >= 0) count = pushWord(count, start, length, hash);
  return count;
}

// FNV-1a over UTF-16 code units: the same value for a word of the text and for the same query word.
const HASH_SEED = 0x811c9dc5 | 0;
const HASH_PRIME = 16777619;

function hashWord(word: string): number {
  let hash = HASH_SEED;
  for (let k = 0; k < word.length; k++) hash = Math.imul(hash ^ word.charCodeAt(k), HASH_PRIME);
  return hash;
}

function pushWord(count: number, start: number, end: number, hash: number): number {
  if (count === wordStarts.length) {
    wordStarts = grown(wordStarts, count * 2);
    wordEnds = grown(wordEnds, count * 2);
    wordHashes = grown(wordHashes, count * 2);
  }
  wordStarts[count] = start;
  wordEnds[count] = end;
  wordHashes[count] = hash;
  return count + 1;
}

function grown(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(size);
  bigger.set(array);
  return bigger;
}

/** What one word of a term accepts: any of a set of whole words, or (a prefix term's last word) a prefix. */
interface WordMatcher {
  readonly words: ReadonlySet<string>;
  /** Slots of the wanted words' hashes (FILTER_SLOTS of them): a text word whose slot is empty is refused
   * without making a string of it, which is nearly every word. */
  readonly filter: Uint8Array;
  readonly prefix: string | undefined;
}

const FILTER_SLOTS = 1024;

// Terms are parsed once per search and matched against every hit's title and text: compile them once.
const compiled = new WeakMap<readonly QueryTerm[], readonly WordMatcher[][]>();

function compile(terms: readonly QueryTerm[]): readonly WordMatcher[][] {
  let matchers = compiled.get(terms);
  if (matchers === undefined) {
    matchers = terms
      .filter((term) => term.words.length > 0)
      .map((term) =>
        term.words.map((want, k): WordMatcher => {
          const filter = new Uint8Array(FILTER_SLOTS);
          if (term.prefix && k === term.words.length - 1) return { words: new Set(), filter, prefix: want };
          const words = new Set([want, ...(term.variants ?? [])]);
          for (const word of words) filter[hashWord(word) & (FILTER_SLOTS - 1)] = 1;
          return { words, filter, prefix: undefined };
        }),
      );
    compiled.set(terms, matchers);
  }
  return matchers;
}

function wordMatches(matcher: WordMatcher, word: number): boolean {
  const start = wordStarts[word]!;
  const length = wordEnds[word]! - start;
  const prefix = matcher.prefix;
  if (prefix !== undefined) {
    if (length < prefix.length) return false;
    for (let k = 0; k < prefix.length; k++) if (units[start + k] !== prefix.charCodeAt(k)) return false;
    return true;
  }
  if (matcher.filter[wordHashes[word]! & (FILTER_SLOTS - 1)] === 0) return false;
  return matcher.words.has(
    String.fromCharCode.apply(null, units.subarray(start, start + length) as unknown as number[]),
  );
}

/**
 * Finds the query's matches in display text and returns them as display-text spans: matching runs on the
 * normalized text, and each normalized offset maps back to the character it came from, so a highlight
 * covers the word as written (with its hamza and diacritics). `findMatches('قالَ أحمد', parseQuery('احمد'))`
 * → `[{start: 5, end: 9}]`.
 */
export function findMatches(display: string, terms: readonly QueryTerm[]): Span[] {
  const matchers = compile(terms);
  if (matchers.length === 0) return [];
  const words = splitWords(normalizeInto(display));
  const spans: Span[] = [];
  for (const term of matchers) {
    const n = term.length;
    for (let i = 0; i + n <= words; i++) {
      let ok = true;
      for (let k = 0; k < n && ok; k++) ok = wordMatches(term[k]!, i + k);
      if (ok) spans.push({ start: sources[wordStarts[i]!]!, end: sources[wordEnds[i + n - 1]!]! });
    }
  }
  return mergeSpans(spans);
}

function mergeSpans(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last !== undefined && span.start <= last.end)
      out[out.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    else out.push(span);
  }
  return out;
}

/**
 * A window of about `width` characters of display text around the densest cluster of matches, cut at
 * word boundaries, with highlights relative to the window. `makeSnippet(text, terms).snippet.text` → an excerpt.
 */
export function makeSnippet(
  display: string,
  terms: readonly QueryTerm[],
  width = 220,
): { snippet: Highlighted; start: number } {
  const matches = findMatches(display, terms);
  // Merged matches are disjoint and sorted, so their ends increase too: the matches inside
  // [match.start, match.start + width] are a run from that match on, counted with a second index.
  let center = 0;
  let bestCount = -1;
  let last = 0;
  for (let i = 0; i < matches.length; i++) {
    const limit = matches[i]!.start + width;
    if (last < i) last = i;
    while (last < matches.length && matches[last]!.end <= limit) last++;
    const count = last - i;
    if (count > bestCount) {
      bestCount = count;
      center = matches[i]!.start;
    }
  }
  let start = matches.length === 0 ? 0 : Math.max(0, center - Math.floor(width / 4));
  let end = Math.min(display.length, start + width);
  // Cut at whitespace so no word is split; the window never moves past a match it is meant to show.
  if (start > 0) {
    const space = display.indexOf(' ', start);
    if (space !== -1 && space < center) start = space + 1;
  }
  if (end < display.length) {
    const space = display.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  const highlights = matches
    .filter((m) => m.start >= start && m.end <= end)
    .map((m) => ({ start: m.start - start, end: m.end - start }));
  return { snippet: { text: display.slice(start, end), highlights }, start };
}

/** Wraps each highlight in markers for a terminal or plain output. `markHighlights({text: 'ab', highlights: [{start: 0, end: 1}]})` → `'[a]b'`. */
export function markHighlights(value: Highlighted, open = '[', close = ']'): string {
  let out = '';
  let at = 0;
  for (const h of value.highlights) {
    out += value.text.slice(at, h.start) + open + value.text.slice(h.start, h.end) + close;
    at = h.end;
  }
  return out + value.text.slice(at);
}
