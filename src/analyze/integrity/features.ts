import type { Sentence, Token } from '../../core/annotations.ts';
import type { IdfTable } from './idf.ts';
import { termsOf } from './terms.ts';
import type { IntegrityFeatures } from './types.ts';
import { defaultVectors, type TermVectors } from './vectors.ts';

// The lead: the first sentences, where a news story states what its headline says.
const LEAD_SENTENCES = 3;
// Two title terms count as a pair found in the body when they occur within this many body terms.
const PAIR_WINDOW = 3;
// A prefix match (same first letters, different ending) counts this much of an exact match.
const PREFIX_CREDIT = 0.6;
const ARABIC_TERM = /^[\u0621-\u064A]+$/;
// Imperfect-verb prefixes: يخسر / تخسر / خسر meet through the bare form (a prefix match).
const VERB_PREFIX = /^[يتنا]/;
// IDF mass at which the mass features saturate: three or four specific words.
const MASS_SCALE = 20;
// A title word repeated this often in the body counts fully in the repetition feature.
const FULL_REPEATS = 5;

/** Where a term first occurs in a stretch of text (0 = first term, 1 = last) and how often. */
interface Occurrence {
  first: number;
  count: number;
}

/** The terms of a stretch of text indexed for exact, prefix and verb-prefix lookups. */
export interface TermIndex {
  readonly terms: ReadonlyMap<string, Occurrence>;
  /** First five letters of terms of five or more letters. */
  readonly prefix5: ReadonlyMap<string, Occurrence>;
  /** First four letters of terms of four or more letters. */
  readonly prefix4: ReadonlyMap<string, Occurrence>;
  /** Terms of four or more letters without an imperfect-verb prefix. */
  readonly bare: ReadonlyMap<string, Occurrence>;
}

/** What a body offers to any title: its terms, its lead's terms and which terms occur close together. */
export interface BodyProfile {
  readonly body: TermIndex;
  readonly lead: TermIndex;
  /** Hashes of term pairs occurring within PAIR_WINDOW terms of each other (numbers keep profiles small). */
  readonly pairs: ReadonlySet<number>;
}

/** A title's distinct terms in order and its adjacent term pairs (hashed). */
export interface TitleProfile {
  readonly terms: readonly string[];
  readonly pairs: readonly number[];
}

function note(map: Map<string, Occurrence>, key: string, position: number): void {
  const seen = map.get(key);
  if (seen === undefined) map.set(key, { first: position, count: 1 });
  else seen.count++;
}

function indexTerms(terms: readonly string[]): TermIndex {
  const exact = new Map<string, Occurrence>();
  const prefix5 = new Map<string, Occurrence>();
  const prefix4 = new Map<string, Occurrence>();
  const bare = new Map<string, Occurrence>();
  const last = Math.max(1, terms.length - 1);
  terms.forEach((term, i) => {
    const position = i / last;
    note(exact, term, position);
    if (!ARABIC_TERM.test(term)) return;
    if (term.length >= 5) note(prefix5, term.slice(0, 5), position);
    if (term.length >= 4) note(prefix4, term.slice(0, 4), position);
    if (term.length >= 4 && VERB_PREFIX.test(term)) note(bare, term.slice(1), position);
  });
  return { terms: exact, prefix5, prefix4, bare };
}

/** A 32-bit hash of an unordered term pair (FNV-1a). */
function pairHash(a: string, b: string): number {
  const text = a < b ? `${a} ${b}` : `${b} ${a}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Profiles a body from its tokens and sentences. `profileBody(tokens, sentences).lead.terms` → the lead's stems. */
export function profileBody(tokens: readonly Token[], sentences: readonly Sentence[]): BodyProfile {
  const bodyTerms = termsOf(tokens);
  const leadEnd = sentences[Math.min(LEAD_SENTENCES, sentences.length) - 1]?.tokenEnd ?? 0;
  const pairs = new Set<number>();
  for (let i = 0; i < bodyTerms.length; i++) {
    for (let j = i + 1; j <= i + PAIR_WINDOW && j < bodyTerms.length; j++)
      pairs.add(pairHash(bodyTerms[i]!, bodyTerms[j]!));
  }
  return { body: indexTerms(bodyTerms), lead: indexTerms(termsOf(tokens.slice(0, leadEnd))), pairs };
}

/**
 * The body as a title is judged against it. When the body opens with its own headline, the story is what
 * that headline and the lead say: title words found only deeper in the body do not make the title the
 * story's (the seed article's title shares موسكو, اتفاق, واشنطن with paragraphs far below its lead).
 */
export function profileForCheck(
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  hasBodyHeadline: boolean,
): BodyProfile {
  if (!hasBodyHeadline) return profileBody(tokens, sentences);
  const lead = sentences.slice(0, LEAD_SENTENCES);
  return profileBody(tokens.slice(0, lead[lead.length - 1]?.tokenEnd ?? 0), lead);
}

/** Profiles a title from its tokens. */
export function profileTitle(tokens: readonly Token[]): TitleProfile {
  const sequence = termsOf(tokens);
  const pairs: number[] = [];
  for (let i = 0; i + 1 < sequence.length; i++) {
    if (sequence[i] !== sequence[i + 1]) pairs.push(pairHash(sequence[i]!, sequence[i + 1]!));
  }
  return { terms: [...new Set(sequence)], pairs: [...new Set(pairs)] };
}

const NOT_FOUND = { credit: 0, first: 1, count: 0 } as const;

/**
 * How well a term is found in an index: credit 1 for the same stem; PREFIX_CREDIT when it shares its first
 * five letters (four for a four-letter term) with a term there — Arabic derivation keeps the start of a
 * word — or is the same verb with another imperfect prefix (تخسر / خسر). Also where and how often.
 */
export function locateTerm(term: string, index: TermIndex): { credit: number; first: number; count: number } {
  const exact = index.terms.get(term);
  if (exact !== undefined) return { credit: 1, ...exact };
  if (!ARABIC_TERM.test(term)) return NOT_FOUND;
  const partial =
    index.bare.get(term) ??
    (term.length >= 4 && VERB_PREFIX.test(term)
      ? (index.terms.get(term.slice(1)) ?? index.bare.get(term.slice(1)))
      : undefined) ??
    (term.length >= 5
      ? (index.prefix5.get(term.slice(0, 5)) ?? index.terms.get(term.slice(0, 4)))
      : undefined) ??
    (term.length === 4 ? index.prefix4.get(term) : undefined);
  return partial === undefined ? NOT_FOUND : { credit: PREFIX_CREDIT, ...partial };
}

/** The credit of a term in an index (see `locateTerm`). `matchTerm('رحل', index)` → 0, 0.6 or 1. */
export function matchTerm(term: string, index: TermIndex): number {
  return locateTerm(term, index).credit;
}

/**
 * The measurements of a title against a body (all 0–1), weighted by the IDF of the title's terms: word overlap
 * and, through term vectors (vectors.ts), similarity of meaning.
 */
export function measure(
  title: TitleProfile,
  body: BodyProfile,
  idf: IdfTable,
  vectors: TermVectors = defaultVectors(),
): IntegrityFeatures {
  const weights = title.terms.map((t) => idf.idf(t));
  const total = weights.reduce((a, b) => a + b, 0);
  let lead = 0;
  let whole = 0;
  let rare = 0;
  let rareTotal = 0;
  let top = 0;
  let topWeight = -1;
  let repeats = 0;
  let early = 0;
  title.terms.forEach((term, i) => {
    const w = weights[i]!;
    const found = locateTerm(term, body.body);
    lead += w * matchTerm(term, body.lead);
    whole += w * found.credit;
    repeats += w * found.credit * Math.min(1, Math.log1p(found.count) / Math.log1p(FULL_REPEATS));
    early += w * found.credit * (1 - found.first);
    if (w >= idf.rareIdf) {
      rare += w * found.credit;
      rareTotal += w;
    }
    if (w > topWeight) {
      topWeight = w;
      top = found.credit;
    }
  });
  const share = (x: number) => (total > 0 ? x / total : 0);
  const pairsFound = title.pairs.filter((p) => body.pairs.has(p)).length;
  return {
    leadRecall: share(lead),
    bodyRecall: share(whole),
    bigramRecall: title.pairs.length > 0 ? pairsFound / title.pairs.length : share(lead),
    rareRecall: rareTotal > 0 ? rare / rareTotal : share(whole),
    topTermHit: top,
    leadCosine: cosine(title.terms, body.lead.terms, idf),
    leadMass: Math.min(1, lead / MASS_SCALE),
    bodyMass: Math.min(1, whole / MASS_SCALE),
    repetition: share(repeats),
    earliness: share(early),
    titleMass: Math.min(1, total / (2 * MASS_SCALE)),
    ...similarity(title, body, idf, vectors),
  };
}

/** A body's lead and whole-body centroids and its lead terms' vector rows, for one set of vectors. */
interface BodyVectors {
  readonly lead: Float32Array | undefined;
  readonly body: Float32Array | undefined;
  /** The vector rows of the lead's terms. */
  readonly leadRows: readonly number[];
}

const bodyVectorCache = new WeakMap<TermVectors, WeakMap<BodyProfile, BodyVectors>>();

function bodyVectors(body: BodyProfile, idf: IdfTable, vectors: TermVectors): BodyVectors {
  let cache = bodyVectorCache.get(vectors);
  if (cache === undefined) {
    cache = new WeakMap();
    bodyVectorCache.set(vectors, cache);
  }
  let out = cache.get(body);
  if (out === undefined) {
    const weighted = (terms: ReadonlyMap<string, Occurrence>) =>
      centroid(
        [...terms].map(([term, o]) => [term, idf.idf(term) * (1 + Math.log(o.count))] as const),
        vectors,
      );
    const leadRows: number[] = [];
    for (const term of body.lead.terms.keys()) {
      const row = vectors.row(term);
      if (row !== undefined) leadRows.push(row);
    }
    out = { lead: weighted(body.lead.terms), body: weighted(body.body.terms), leadRows };
    cache.set(body, out);
  }
  return out;
}

/** The unit-length weighted sum of the vectors of terms (undefined when none has a vector). */
function centroid(
  terms: readonly (readonly [string, number])[],
  vectors: TermVectors,
): Float32Array | undefined {
  const { dims, data } = vectors;
  const sum = new Float32Array(dims);
  let any = false;
  for (const [term, weight] of terms) {
    const row = vectors.row(term);
    if (row === undefined) continue;
    any = true;
    for (let d = 0; d < dims; d++) sum[d]! += weight * data[row * dims + d]!;
  }
  if (!any) return undefined;
  let norm = 0;
  for (let d = 0; d < dims; d++) norm += sum[d]! ** 2;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < dims; d++) sum[d]! /= norm;
  return sum;
}

function dot(a: Float32Array, aAt: number, b: Float32Array, bAt: number, dims: number): number {
  let s = 0;
  for (let d = 0; d < dims; d++) s += a[aAt + d]! * b[bAt + d]!;
  return s;
}

/**
 * Similarity of meaning between title and body through term vectors: cosine of the IDF-weighted title
 * centroid with the lead's and with the body's centroid; for each title term, its best cosine with a lead
 * term (soft alignment) and its cosine with the body's centroid, both IDF-weighted means over the title;
 * and the share of the title's IDF mass that has vectors at all (rare words and names have none).
 */
function similarity(
  title: TitleProfile,
  body: BodyProfile,
  idf: IdfTable,
  vectors: TermVectors,
): Pick<
  IntegrityFeatures,
  'leadSimilarity' | 'bodySimilarity' | 'leadAlignment' | 'termBodySimilarity' | 'vectorCoverage'
> {
  const { dims, data } = vectors;
  const b = bodyVectors(body, idf, vectors);
  const t = centroid(
    title.terms.map((term) => [term, idf.idf(term)] as const),
    vectors,
  );
  let aligned = 0;
  let toBody = 0;
  let mass = 0;
  let titleMass = 0;
  for (const term of title.terms) {
    const w = idf.idf(term);
    titleMass += w;
    const row = vectors.row(term);
    if (row === undefined) continue;
    let best = 0;
    for (const other of b.leadRows) {
      const c = other === row ? 1 : dot(data, row * dims, data, other * dims, dims);
      if (c > best) best = c;
    }
    aligned += w * best;
    if (b.body !== undefined) toBody += w * dot(data, row * dims, b.body, 0, dims);
    mass += w;
  }
  return {
    leadSimilarity: t !== undefined && b.lead !== undefined ? Math.max(0, dot(t, 0, b.lead, 0, dims)) : 0,
    bodySimilarity: t !== undefined && b.body !== undefined ? Math.max(0, dot(t, 0, b.body, 0, dims)) : 0,
    leadAlignment: mass > 0 ? aligned / mass : 0,
    termBodySimilarity: mass > 0 ? Math.max(0, toBody / mass) : 0,
    vectorCoverage: titleMass > 0 ? mass / titleMass : 0,
  };
}

function cosine(
  titleTerms: readonly string[],
  leadTerms: ReadonlyMap<string, Occurrence>,
  idf: IdfTable,
): number {
  let dot = 0;
  let titleNorm = 0;
  let leadNorm = 0;
  for (const term of titleTerms) {
    const w = idf.idf(term) ** 2;
    titleNorm += w;
    if (leadTerms.has(term)) dot += w;
  }
  for (const term of leadTerms.keys()) leadNorm += idf.idf(term) ** 2;
  return titleNorm > 0 && leadNorm > 0 ? dot / Math.sqrt(titleNorm * leadNorm) : 0;
}
