import type { Token, TokenType } from '../core/annotations.ts';
import { type CliticContext, splitProclitics } from './clitics.ts';
import { defaultLexicon, type WordLexicon } from './lexicon.ts';
import { normalizeArabic } from './normalize.ts';

// One alternation, tried left to right at each non-space position. Named groups give the token type.
const TOKEN_PATTERN = new RegExp(
  [
    String.raw`(?<url>(?:https?:\/\/|www\.)[^\s<>«»"“”]+)`,
    String.raw`(?<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)`,
    String.raw`(?<hashtag>#[\p{L}\p{M}\p{N}_]+)`,
    '(?<mention>@[A-Za-z0-9_]+)',
    // Numbers keep their separators: 1,000  3.5  ١٬٠٠٠  15/9/2023  10:30; a hyphen may join a letter part (16-F).
    String.raw`(?<number>[0-9٠-٩۰-۹]+(?:[.,٫٬/:][0-9٠-٩۰-۹]+)*(?:[-‐‑][\p{L}\p{M}\p{N}]+)*)`,
    // Words: letters with their marks and invisible joiners; hyphens join parts (كومسومولسك-نا-آمور, سو-35);
    // an apostrophe joins Latin parts (O'Brien).
    String.raw`(?<word>[\p{L}\p{M}\p{Cf}]+(?:['’][A-Za-z]+)?\p{N}*(?:[-‐‑][\p{L}\p{M}\p{N}\p{Cf}]+)*)`,
    String.raw`(?<ellipsis>\.{2,}|…)`,
    String.raw`(?<punct>[?!؟]+|\p{P})`,
    String.raw`(?<symbol>\S)`,
  ].join('|'),
  'gu',
);
const TRAILING_URL_PUNCT = /[.,،؛:;!?؟)\]}'"»”]+$/u;
const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D3\uFB50-\uFDFF\uFE70-\uFEFC]/;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/;
const PURE_ARABIC_WORD = /^[\u0621-\u064A\u064B-\u065F\u0670\u0671-\u06D3\u06D6-\u06ED\u0640\u200C\u200D]+$/;
const ONLY_FORMAT_CHARS = /^\p{Cf}+$/u;

export interface TokenizerOptions {
  /** Word frequencies used to decide clitic splits; defaults to the lexicon built from real news. */
  readonly lexicon?: WordLexicon;
  /** Split proclitics into sub-tokens (default true). */
  readonly splitClitics?: boolean;
}

/**
 * Creates a tokenizer. Tokens keep offsets into the text (UTF-16, end exclusive) and a normalized form.
 * `createTokenizer()('وأعلن بوتين')` → `[وأعلن (و + أعلن), بوتين]`.
 */
export function createTokenizer(options: TokenizerOptions = {}): (text: string) => Token[] {
  const lexicon = options.lexicon ?? defaultLexicon();
  const splitClitics = options.splitClitics ?? true;

  return function tokenize(text: string): Token[] {
    const tokens = scan(text);
    if (!splitClitics) return tokens;
    // Words standing alone anywhere in the document vouch for their clitic-prefixed forms (كيشيدا → لكيشيدا).
    const documentWords = new Set<string>();
    for (const token of tokens) if (token.type === 'word') documentWords.add(token.norm);
    const context: CliticContext = { lexicon, documentWords };
    return tokens.map((token) => {
      if (token.type !== 'word' || !PURE_ARABIC_WORD.test(token.text)) return token;
      const parts = splitProclitics(token.text, token.start, context);
      return parts === undefined ? token : { ...token, parts };
    });
  };
}

function scan(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const groups = match.groups!;
    let value = match[0];
    const start = match.index;
    let type: TokenType;
    if (groups.url !== undefined) {
      value = value.replace(TRAILING_URL_PUNCT, '');
      type = 'url';
    } else if (groups.email !== undefined) type = 'email';
    else if (groups.hashtag !== undefined) type = 'hashtag';
    else if (groups.mention !== undefined) type = 'mention';
    else if (groups.number !== undefined) type = 'number';
    else if (groups.word !== undefined) {
      // Bidi marks and joiners alone are formatting, not tokens.
      if (ONLY_FORMAT_CHARS.test(value)) continue;
      type = !ARABIC_LETTER.test(value) && LATIN_LETTER.test(value) ? 'latin' : 'word';
    } else if (groups.ellipsis !== undefined || groups.punct !== undefined) type = 'punct';
    else type = 'symbol';
    tokens.push({ kind: 'token', start, end: start + value.length, text: value, type, norm: normalizeArabic(value) });
    // A URL's trailing punctuation was trimmed: rescan it as punctuation.
    if (value.length < match[0].length) tokens.push(...punctuationTokens(match[0].slice(value.length), start + value.length));
  }
  return tokens;
}

function punctuationTokens(rest: string, offset: number): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i]!;
    out.push({ kind: 'token', start: offset + i, end: offset + i + 1, text: ch, type: 'punct', norm: ch });
  }
  return out;
}

let defaultTokenizer: ((text: string) => Token[]) | undefined;

/** Tokenizes with the default lexicon. `tokenize('قال بيسكوف: «لا»')` → قال, بيسكوف, :, «, لا, ». */
export function tokenize(text: string): Token[] {
  defaultTokenizer ??= createTokenizer();
  return defaultTokenizer(text);
}
