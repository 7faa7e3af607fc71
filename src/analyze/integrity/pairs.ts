import { cleanRawText } from '../../clean/clean.ts';
import { contentKey, findHeadlineCandidates } from '../../clean/headline.ts';
import type { Token } from '../../core/annotations.ts';
import { splitSentences } from '../../text/sentences.ts';
import { tokenize } from '../../text/tokenize.ts';
import { seededRandom, shuffle } from '../entities/ner/rng.ts';
import { type BodyProfile, profileForCheck, profileTitle, type TitleProfile } from './features.ts';
import { defaultIdf } from './idf.ts';

/** One article of a news corpus as the SaudiNewsNet JSON lines give it. */
export interface CorpusRecord {
  readonly source: string;
  readonly title: string;
  readonly text: string;
  readonly date_extracted?: string;
}

/** An article ready for pairing: profiles for the method, key sets for the baseline, shingles for near-duplicates. */
export interface PreparedArticle {
  readonly index: number;
  readonly source: string;
  readonly day: string;
  readonly title: TitleProfile;
  readonly body: BodyProfile;
  /** Baseline: the title's normalized content words, and those of the lead (first three sentences). */
  readonly titleKeys: readonly string[];
  readonly leadKeys: ReadonlySet<string>;
  readonly shingles: ReadonlySet<number>;
}

/** related: the title's own body; random: any other body; same-day: another body of the same outlet and day. */
export type PairKind = 'own' | 'random' | 'same-day';

export interface Pair {
  readonly kind: PairKind;
  readonly title: PreparedArticle;
  readonly body: PreparedArticle;
}

// Near-duplicates (a wire story in two outlets, an updated story) share this share of their word 3-grams;
// titles whose terms overlap this much (IDF-weighted Dice) tell the same story in other words
// (وفاة 19 شخصاً بالأمطار والفيضانات في باكستان / الفيضانات في باكستان تواصل حصد الخسائر). Such pairs are
// really related: left out of the unrelated kinds.
const NEAR_DUPLICATE_CONTAINMENT = 0.2;
const SAME_TITLE_DICE = 0.4;
const MIN_TITLE_TERMS = 2;
const MIN_BODY_SENTENCES = 2;
const LEAD_SENTENCES = 3;

/** Numeric HTML entities left in scraped titles (&#8220;). */
function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/**
 * Cleans, tokenizes and profiles articles; drops those without a usable title (fewer than two content
 * words) or body (fewer than two sentences). `prepareArticles(records).length` ≤ `records.length`.
 */
export function prepareArticles(
  records: readonly CorpusRecord[],
  indices?: readonly number[],
): PreparedArticle[] {
  const out: PreparedArticle[] = [];
  for (const index of indices ?? records.map((_, i) => i)) {
    const record = records[index]!;
    const text = cleanRawText(record.text ?? '').cleanText;
    const tokens = tokenize(text);
    const sentences = splitSentences(text, tokens);
    const titleTokens = tokenize(decodeEntities(record.title ?? ''));
    const title = profileTitle(titleTokens);
    if (title.terms.length < MIN_TITLE_TERMS || sentences.length < MIN_BODY_SENTENCES) continue;
    const leadEnd = sentences[Math.min(LEAD_SENTENCES, sentences.length) - 1]!.tokenEnd;
    out.push({
      index,
      source: record.source,
      day: (record.date_extracted ?? '').slice(0, 10),
      title,
      body: profileForCheck(tokens, sentences, findHeadlineCandidates(text, tokens, sentences).length > 0),
      titleKeys: [...new Set(keysOf(titleTokens))],
      leadKeys: new Set(keysOf(tokens.slice(0, leadEnd))),
      shingles: shinglesOf(tokens),
    });
  }
  return out;
}

function keysOf(tokens: readonly Token[]): string[] {
  return tokens.map(contentKey).filter((k): k is string => k !== undefined);
}

function shinglesOf(tokens: readonly Token[]): Set<number> {
  const words = tokens.filter((t) => t.type !== 'punct').map((t) => t.norm);
  const out = new Set<number>();
  for (let i = 0; i + 2 < words.length; i++) out.add(hash(`${words[i]} ${words[i + 1]} ${words[i + 2]}`));
  return out;
}

function hash(text: string): number {
  // FNV-1a, 32 bits: enough to compare shingle sets of two articles.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** True when two articles tell the same story: near-duplicate bodies or near-identical titles. */
export function sameStory(a: PreparedArticle, b: PreparedArticle): boolean {
  let shared = 0;
  for (const s of a.shingles) if (b.shingles.has(s)) shared++;
  const smaller = Math.min(a.shingles.size, b.shingles.size);
  if (smaller > 0 && shared / smaller >= NEAR_DUPLICATE_CONTAINMENT) return true;
  const idf = defaultIdf();
  const bTerms = new Set(b.title.terms);
  const mass = (terms: readonly string[]) => terms.reduce((sum, t) => sum + idf.idf(t), 0);
  const common = mass(a.title.terms.filter((t) => bTerms.has(t)));
  return (2 * common) / (mass(a.title.terms) + mass(b.title.terms)) >= SAME_TITLE_DICE;
}

const MAX_TRIES = 8;

/**
 * Pairs every article's title with its own body, with a random other body and with another body of the same
 * outlet and day (when there is one that is not the same story). Deterministic for a seed.
 */
export function buildPairs(articles: readonly PreparedArticle[], seed = 11): Pair[] {
  const random = seededRandom(seed);
  const groups = new Map<string, PreparedArticle[]>();
  for (const a of articles) {
    const key = `${a.source} ${a.day}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [a]);
    else group.push(a);
  }
  const pairs: Pair[] = [];
  const pick = (pool: readonly PreparedArticle[], a: PreparedArticle): PreparedArticle | undefined => {
    for (let k = 0; k < MAX_TRIES && pool.length > 1; k++) {
      const b = pool[Math.floor(random() * pool.length)]!;
      if (b !== a && !sameStory(a, b)) return b;
    }
    return undefined;
  };
  for (const a of articles) {
    pairs.push({ kind: 'own', title: a, body: a });
    const other = pick(articles, a);
    if (other !== undefined) pairs.push({ kind: 'random', title: a, body: other });
    const sameDay = a.day === '' ? undefined : pick(groups.get(`${a.source} ${a.day}`)!, a);
    if (sameDay !== undefined) pairs.push({ kind: 'same-day', title: a, body: sameDay });
  }
  return pairs;
}

/**
 * Splits record indices into a training and a held-out test portion by a seeded shuffle.
 * `splitIndices(31030, 0.4)` → `{train: [...], test: [...]}`, the same for the same seed.
 */
export function splitIndices(
  count: number,
  testShare = 0.4,
  seed = 2015,
): { train: number[]; test: number[] } {
  const order = shuffle(
    Array.from({ length: count }, (_, i) => i),
    seededRandom(seed),
  );
  const cut = Math.round(count * (1 - testShare));
  return { train: order.slice(0, cut).sort((a, b) => a - b), test: order.slice(cut).sort((a, b) => a - b) };
}
