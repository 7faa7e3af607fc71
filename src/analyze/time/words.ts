import type { Token } from '../../core/annotations.ts';
import { normalizeArabic } from '../../text/normalize.ts';
import type { TimeLexicon, TimeWord } from './lexicon.ts';

/** What the recognizer needs to know of one token, computed once per token. */
export interface TokenView {
  /** Normalized form without proclitics and article (`والخميس` → `خميس`); digits for numbers. */
  readonly bare: string;
  /** True when the word carried the article ال. */
  readonly article: boolean;
  /** Meanings of `bare` in the time lexicon (empty when none). */
  readonly meanings: readonly TimeWord[];
  /** Digits and separators when the token is a number, possibly behind a clitic (`و١٥` → `15`). */
  readonly number?: string;
  /** Where the word proper (article and base) or the number starts, after conjunction and preposition clitics, relative to the token's start. */
  readonly innerOffset: number;
}

const NONE: readonly TimeWord[] = [];
// A conjunction or preposition glued to digits (و١٥، ب2023): the tokenizer keeps these as one word.
const CLITIC_DIGITS = /^([وفبل]{1,2})(\d[\d/.:-]*)$/;
// Proclitics and article the tokenizer may have left unsplit on a time word (its lexicon decides splits).
const PREFIXES = ['', 'و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'فب', 'فل', 'وك'];

/**
 * Views of the tokens for date matching. Uses the tokenizer's clitic parts when it split the word, and
 * otherwise tries the few clitic prefixes against the time lexicon (a handful of map lookups per word).
 */
export function viewTokens(tokens: readonly Token[], lexicon: TimeLexicon): TokenView[] {
  if (lexicon !== cachedFor) {
    for (const cache of caches) cache.clear();
    cachedFor = lexicon;
  }
  return tokens.map((token) => {
    // A token's view depends on its type, spelling and clitic split only: decide each once and share it
    // (one map per kind, keyed by the token's own string, so no key is built per token).
    const cache =
      token.type === 'word'
        ? token.parts === undefined
          ? wordCache
          : splitCache
        : token.type === 'number'
          ? numberCache
          : otherCache;
    let view = cache.get(token.text);
    if (view === undefined) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      view = viewToken(
        {
          ...token,
          start: 0,
          end: token.end - token.start,
          parts: token.parts?.map((p) => ({ ...p, start: p.start - token.start, end: p.end - token.start })),
        },
        lexicon,
      );
      cache.set(token.text, view);
    }
    return view;
  });
}

// Views of token spellings (offsets relative to the token's start). A spelling splits the same way wherever
// it is split within a document; across documents the tokenizer may decide differently, hence two word maps.
const wordCache = new Map<string, TokenView>();
const splitCache = new Map<string, TokenView>();
const numberCache = new Map<string, TokenView>();
const otherCache = new Map<string, TokenView>();
const caches = [wordCache, splitCache, numberCache, otherCache];
const CACHE_LIMIT = 200_000;
let cachedFor: TimeLexicon | undefined;

function viewToken(token: Token, lexicon: TimeLexicon): TokenView {
  if (token.type === 'number')
    return { bare: token.norm, article: false, meanings: NONE, number: token.norm, innerOffset: 0 };
  if (token.type !== 'word') return { bare: token.norm, article: false, meanings: NONE, innerOffset: 0 };
  const glued = CLITIC_DIGITS.exec(token.norm);
  if (glued !== null) {
    return {
      bare: glued[2]!,
      article: false,
      meanings: NONE,
      number: glued[2]!,
      innerOffset: glued[1]!.length,
    };
  }
  if (token.parts !== undefined) {
    const base = token.parts.find((p) => p.role === 'base');
    const bare = normalizeArabic(base?.text ?? token.text);
    const article = token.parts.some((p) => p.role === 'article');
    const meanings = lexicon.get(bare);
    const inner = token.parts.find((p) => p.role === 'article' || p.role === 'base')?.start ?? 0;
    if (meanings !== undefined) return { bare, article, meanings, innerOffset: inner };
  }
  const norm = token.norm;
  const direct = lexicon.get(norm);
  if (direct !== undefined) return { bare: norm, article: false, meanings: direct, innerOffset: 0 };
  for (const prefix of PREFIXES) {
    if (!norm.startsWith(prefix)) continue;
    const rest = norm.slice(prefix.length);
    // After ب/ل/ك the article's alef drops (لليوم = ل + اليوم).
    const withoutArticle = rest.startsWith('ال')
      ? rest.slice(2)
      : prefix.endsWith('ل') && rest.startsWith('ل')
        ? rest.slice(1)
        : undefined;
    // The clitics' length in the display text, when it is the normalized one (no diacritics on them).
    const inner = token.text.length === norm.length ? prefix.length : 0;
    if (withoutArticle !== undefined && withoutArticle.length >= 2) {
      const meanings = lexicon.get(withoutArticle);
      if (meanings !== undefined)
        return { bare: withoutArticle, article: true, meanings, innerOffset: inner };
    }
    if (prefix !== '' && rest.length >= 2) {
      const meanings = lexicon.get(rest);
      if (meanings !== undefined) return { bare: rest, article: false, meanings, innerOffset: inner };
    }
  }
  // Not a time word: keep the base without its article so helper words compare simply (الموافق → موافق).
  if (token.parts !== undefined) {
    const base = token.parts.find((p) => p.role === 'base');
    return {
      bare: normalizeArabic(base?.text ?? token.text),
      article: token.parts.some((p) => p.role === 'article'),
      meanings: NONE,
      innerOffset: 0,
    };
  }
  if (norm.startsWith('ال') && norm.length >= 5)
    return { bare: norm.slice(2), article: true, meanings: NONE, innerOffset: 0 };
  return { bare: norm, article: false, meanings: NONE, innerOffset: 0 };
}

/** The first meaning of a given kind, typed. */
export function meaningOf<K extends TimeWord['kind']>(
  view: TokenView | undefined,
  kind: K,
): Extract<TimeWord, { kind: K }> | undefined {
  if (view === undefined) return undefined;
  for (const meaning of view.meanings)
    if (meaning.kind === kind) return meaning as Extract<TimeWord, { kind: K }>;
  return undefined;
}
