import type { TokenPart, TokenPartRole } from '../core/annotations.ts';
import type { WordLexicon } from './lexicon.ts';
import { normalizeArabic } from './normalize.ts';

/** Harakat, Quranic marks, superscript alef and tatweel: they ride on the letter before them. */
const MARK = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200C\u200D]/;
const CONJUNCTIONS = new Set(['و', 'ف']);
const PREPOSITIONS = new Set(['ب', 'ل', 'ك']);
const MIN_BASE_LETTERS = 2;
// Only words starting with one of these can carry a proclitic or the article.
const CLITIC_INITIAL = new Set(['و', 'ف', 'ب', 'ل', 'ك', 'ا']);
// A remainder must be at least this frequent relative to the whole form to count as the real word:
// وزير is not و + زير although زير is a word; وأعلن is و + أعلن.
// و and ف attach to almost any word, so a weaker remainder suffices (واضاف 6142 ← أضاف 253), given it is
// itself common; prepositions need stronger evidence (بحث is not ب + حث).
const MIN_BASE_RATIO = { conjunction: 0.02, preposition: 0.2 } as const;
const MIN_BASE_COUNT = { conjunction: 20, preposition: 4 } as const;

/** What the splitter knows: the corpus lexicon and the word forms standing alone in this document. */
export interface CliticContext {
  readonly lexicon: WordLexicon;
  readonly documentWords: ReadonlySet<string>;
}

/** A word's letters without their marks: raw letters, their normalized forms (1:1), and source offsets. */
interface Letters {
  readonly raw: string;
  readonly norm: string;
  readonly offsets: readonly number[];
  readonly length: number;
}

function lettersOf(word: string, start: number): Letters {
  let raw = '';
  const offsets: number[] = [];
  for (let i = 0; i < word.length; i++) {
    const ch = word[i]!;
    if (!MARK.test(ch)) {
      raw += ch;
      offsets.push(start + i);
    }
  }
  // Words reaching here are plain Arabic letters, so normalization maps letter to letter.
  const norm = normalizeArabic(raw);
  return { raw, norm: norm.length === raw.length ? norm : raw, offsets, length: raw.length };
}

function firstLetter(word: string): string {
  for (const ch of word) if (!MARK.test(ch)) return ch;
  return '';
}

function formOf(letters: Letters, from: number): string {
  return letters.norm.slice(from);
}

/**
 * Splits the proclitics و ف, ب ل ك and the article ال off an Arabic word when what remains is a known word
 * or a word standing alone elsewhere in the document. Returns undefined when the word stays whole.
 * `splitProclitics('لكيم', 0, ctx)` → parts `ل` (preposition) + `كيم` (base) when `كيم` occurs in the text.
 */
export function splitProclitics(word: string, start: number, ctx: CliticContext): TokenPart[] | undefined {
  if (!CLITIC_INITIAL.has(firstLetter(word))) return undefined;
  const letters = lettersOf(word, start);
  const cuts: { at: number; role: TokenPartRole }[] = [];
  let pos = 0;
  const whole = formOf(letters, 0);
  if (ctx.lexicon.isUnsplittable(whole)) return undefined;

  if (CONJUNCTIONS.has(letters.raw[0] ?? '') && acceptsRemainder(letters, 1, whole, ctx, 'conjunction')) {
    cuts.push({ at: 0, role: 'conjunction' });
    pos = 1;
  }
  const afterConjunction = formOf(letters, pos);
  const first = letters.raw[pos] ?? '';
  if (PREPOSITIONS.has(first) && !ctx.lexicon.isUnsplittable(afterConjunction)) {
    if (first === 'ل' && isPrepositionPlusArticle(letters, pos, ctx)) {
      // لل = the preposition ل + the article ال whose alef is dropped in writing (للرئيس).
      cuts.push({ at: pos, role: 'preposition' }, { at: pos + 1, role: 'article' });
      pos += 2;
      return toParts(word, start, letters, cuts, pos);
    }
    if (acceptsRemainder(letters, pos + 1, afterConjunction, ctx, 'preposition')) {
      cuts.push({ at: pos, role: 'preposition' });
      pos += 1;
    }
  }
  if (startsWithArticle(letters, pos) && acceptsArticle(formOf(letters, pos), ctx)) {
    cuts.push({ at: pos, role: 'article' });
    pos += 2;
  }
  return cuts.length === 0 ? undefined : toParts(word, start, letters, cuts, pos);
}

/**
 * True when لل at `pos` is ل + the article with its alef dropped (للرئيس), not ل + a word that starts with ل
 * (للقاء = ل + لقاء): the form with the article must be the better attested of the two readings.
 */
function isPrepositionPlusArticle(letters: Letters, pos: number, ctx: CliticContext): boolean {
  if (letters.raw[pos + 1] !== 'ل' || letters.length - (pos + 2) < MIN_BASE_LETTERS) return false;
  const base = formOf(letters, pos + 2);
  const withArticle = ctx.lexicon.count(`ال${base}`);
  const asWord = ctx.lexicon.count(`ل${base}`);
  return withArticle >= asWord || ctx.documentWords.has(`ال${base}`);
}

function startsWithArticle(letters: Letters, pos: number): boolean {
  // Only a bare alef starts the article: أل… (ألغى, ألمانيا) is a hamza-initial word.
  return letters.raw[pos] === 'ا' && letters.raw[pos + 1] === 'ل' && letters.length - (pos + 2) >= MIN_BASE_LETTERS;
}

function acceptsArticle(form: string, ctx: CliticContext): boolean {
  if (ctx.lexicon.hasNonArticleAl(form) || ctx.lexicon.isUnsplittable(form)) return false;
  // A word that itself takes the article (التزام → الالتزام) does not start with one.
  const withArticle = ctx.lexicon.count(`ال${form}`);
  return withArticle < Math.max(MIN_BASE_COUNT.preposition, 0.1 * ctx.lexicon.count(form));
}

function acceptsRemainder(
  letters: Letters,
  from: number,
  whole: string,
  ctx: CliticContext,
  stage: 'conjunction' | 'preposition',
): boolean {
  if (letters.length - from < MIN_BASE_LETTERS) return false;
  const rest = formOf(letters, from);
  if (ctx.documentWords.has(rest)) return true;
  const restCount = ctx.lexicon.count(rest);
  if (restCount >= MIN_BASE_COUNT[stage] && restCount >= MIN_BASE_RATIO[stage] * ctx.lexicon.count(whole)) return true;
  // The remainder may itself carry a later clitic: و + للصحافيين, ب + الكرملين. Two stacked clitics on an
  // unattested remainder need the base to stand alone in the document (و + ل + كيم): otherwise ولايات
  // would read as و + ل + آيات.
  const next = letters.raw[from] ?? '';
  if (stage === 'conjunction' && PREPOSITIONS.has(next) && !ctx.lexicon.isUnsplittable(rest)) {
    if (next === 'ل' && isPrepositionPlusArticle(letters, from, ctx)) return true;
    if (letters.length - (from + 1) >= MIN_BASE_LETTERS && ctx.documentWords.has(formOf(letters, from + 1))) return true;
  }
  return startsWithArticle(letters, from) && acceptsArticle(rest, ctx);
}

function toParts(
  word: string,
  start: number,
  letters: Letters,
  cuts: readonly { at: number; role: TokenPartRole }[],
  basePos: number,
): TokenPart[] {
  const parts: TokenPart[] = [];
  const end = start + word.length;
  const boundaries = [...cuts.map((c) => c.at), basePos];
  for (let i = 0; i < cuts.length; i++) {
    const from = i === 0 ? start : letters.offsets[boundaries[i]!]!;
    const to = letters.offsets[boundaries[i + 1]!]!;
    parts.push({ start: from, end: to, text: word.slice(from - start, to - start), role: cuts[i]!.role });
  }
  const baseStart = letters.offsets[basePos]!;
  parts.push({ start: baseStart, end, text: word.slice(baseStart - start), role: 'base' });
  return parts;
}
