import type { Token, TokenPart, TokenType } from '../core/annotations.ts';
import { type CliticContext, splitProclitics } from './clitics.ts';
import { defaultLexicon, type WordLexicon } from './lexicon.ts';
import { normalizeArabic } from './normalize.ts';

// Sticky patterns, one per token kind; the scanner picks which to try from the first character.
const URL_PATTERN = /(?:https?:\/\/|www\.)[^\s<>«»"“”]+/uy;
const EMAIL_PATTERN = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/uy;
const HASHTAG_PATTERN = /#[\p{L}\p{M}\p{N}_]+/uy;
const MENTION_PATTERN = /@[A-Za-z0-9_]+/uy;
// Numbers keep their separators: 1,000  3.5  ١٬٠٠٠  15/9/2023  10:30; a hyphen may join a letter part (16-F).
const NUMBER_PATTERN = /[0-9٠-٩۰-۹]+(?:[.,٫٬/:][0-9٠-٩۰-۹]+)*(?:[-‐‑][\p{L}\p{M}\p{N}]+)*/uy;
// Words: letters with their marks and invisible joiners; hyphens join parts (كومسومولسك-نا-آمور, سو-35);
// an apostrophe joins Latin parts (O'Brien).
const WORD_PATTERN = /[\p{L}\p{M}\p{Cf}]+(?:['’][A-Za-z]+)?\p{N}*(?:[-‐‑][\p{L}\p{M}\p{N}\p{Cf}]+)*/uy;
const ELLIPSIS_PATTERN = /\.{2,}|…/y;
const QUESTION_PATTERN = /[?!؟]+/y;
const PUNCT_CHAR = /\p{P}/u;
const SPACE = /\s/;
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
    // Words recur within an article: decide each spelling once, as parts relative to the word's start.
    const decided = new Map<string, readonly TokenPart[] | null>();
    return tokens.map((token) => {
      if (token.type !== 'word') return token;
      let relative = decided.get(token.text);
      if (relative === undefined) {
        relative = PURE_ARABIC_WORD.test(token.text) ? (splitProclitics(token.text, 0, context) ?? null) : null;
        decided.set(token.text, relative);
      }
      if (relative === null) return token;
      const parts = relative.map((p) => ({ ...p, start: p.start + token.start, end: p.end + token.start }));
      return { ...token, parts };
    });
  };
}

function matchAt(pattern: RegExp, text: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0];
}

/** Finds the token starting at `at` (a non-space character) and its type. */
function tokenAt(text: string, at: number): [string, TokenType] {
  const ch = text[at]!;
  const code = ch.charCodeAt(0);
  // Arabic letters first: nearly every token of the text.
  if (code >= 0x0621 && code <= 0x064a) return [matchAt(WORD_PATTERN, text, at)!, 'word'];
  if ((code >= 0x30 && code <= 0x39) || (code >= 0x0660 && code <= 0x0669) || (code >= 0x06f0 && code <= 0x06f9)) {
    const email = matchAt(EMAIL_PATTERN, text, at);
    return email !== undefined ? [email, 'email'] : [matchAt(NUMBER_PATTERN, text, at)!, 'number'];
  }
  if (ch === 'h' || ch === 'w' || ch === 'H' || ch === 'W') {
    const url = matchAt(URL_PATTERN, text, at);
    if (url !== undefined) return [url, 'url'];
  }
  if (/[A-Za-z_]/.test(ch)) {
    const email = matchAt(EMAIL_PATTERN, text, at);
    if (email !== undefined) return [email, 'email'];
  }
  if (ch === '#') {
    const tag = matchAt(HASHTAG_PATTERN, text, at);
    if (tag !== undefined) return [tag, 'hashtag'];
  }
  if (ch === '@') {
    const mention = matchAt(MENTION_PATTERN, text, at);
    if (mention !== undefined) return [mention, 'mention'];
  }
  const word = matchAt(WORD_PATTERN, text, at);
  if (word !== undefined) return [word, !ARABIC_LETTER.test(word) && LATIN_LETTER.test(word) ? 'latin' : 'word'];
  const ellipsis = matchAt(ELLIPSIS_PATTERN, text, at);
  if (ellipsis !== undefined) return [ellipsis, 'punct'];
  const marks = matchAt(QUESTION_PATTERN, text, at);
  if (marks !== undefined) return [marks, 'punct'];
  // One code point: keep surrogate pairs (emoji) whole.
  const point = String.fromCodePoint(text.codePointAt(at)!);
  return [point, PUNCT_CHAR.test(point) ? 'punct' : 'symbol'];
}

function scan(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    if (SPACE.test(text[at]!)) {
      at++;
      continue;
    }
    let [value, type] = tokenAt(text, at);
    const matched = value.length;
    if (type === 'url') value = value.replace(TRAILING_URL_PUNCT, '');
    // Bidi marks and joiners alone are formatting, not tokens.
    if (!(type === 'word' && ONLY_FORMAT_CHARS.test(value))) {
      tokens.push({ kind: 'token', start: at, end: at + value.length, text: value, type, norm: normalizeArabic(value) });
    }
    // A URL's trailing punctuation was trimmed: emit it as punctuation.
    if (value.length < matched) tokens.push(...punctuationTokens(text.slice(at + value.length, at + matched), at + value.length));
    at += matched;
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
