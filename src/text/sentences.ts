import type { Sentence, Token } from '../core/annotations.ts';

// A single full stop, or question/exclamation marks; two or more dots are an ellipsis, which does not end one.
const TERMINAL = /^(\.|[!?؟]+\.?)$/;
const OPENING_QUOTES = new Set(['«', '“', '„', '‹']);
const CLOSING_QUOTES = new Map<string, string>([
  ['»', '«'],
  ['”', '“'],
  ['“', '„'],
  ['›', '‹'],
]);
const CLOSERS_AFTER_STOP = new Set(['»', '”', '"', ')', ']', '›', "'"]);
// Latin abbreviations that end in a full stop without ending the sentence.
const LATIN_ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'vs', 'etc', 'inc', 'ltd', 'co', 'no', 'gen', 'col', 'lt']);
// A quotation left open this long is taken to be unbalanced, so it stops suppressing sentence ends.
const MAX_QUOTE_LENGTH = 1200;

/**
 * Splits clean text into sentences. A line break always ends one (headlines and datelines stand alone);
 * a full stop inside «…» or "…" does not; ellipses (.. …) and abbreviations (د. / U.S.) do not.
 * `splitSentences(text, tokenize(text))` → one `Sentence` per sentence, with its token range.
 */
export function splitSentences(text: string, tokens: readonly Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  let quotes: { char: string; at: number }[] = [];

  const close = (last: number): void => {
    if (last < first) return;
    const start = tokens[first]!.start;
    const end = tokens[last]!.end;
    const lineEnds = end === text.length || text.slice(end).match(/^[^\S\n]*(\n|$)/) !== null;
    const lastText = tokens[last]!.text;
    sentences.push({
      kind: 'sentence',
      start,
      end,
      text: text.slice(start, end),
      tokenStart: first,
      tokenEnd: last + 1,
      headlineLike: lineEnds && !TERMINAL.test(lastText) && !CLOSERS_AFTER_STOP.has(lastText) && lastText !== ':',
    });
    first = last + 1;
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    // A line break before this token closes the sentence before it, and any quotation left open.
    if (i > first && text.slice(tokens[i - 1]!.end, token.start).includes('\n')) {
      close(i - 1);
      quotes = [];
    }
    if (quotes.length > 0 && token.start - quotes[quotes.length - 1]!.at > MAX_QUOTE_LENGTH) quotes = [];
    const depthBefore = quotes.length;
    trackQuote(text, token, quotes);
    // A quotation that closes right after a stop (…أبدا.” وأضاف) ends the sentence with it.
    const previous = tokens[i - 1];
    const closesQuotedStop =
      depthBefore > 0 && quotes.length === 0 && previous !== undefined && previous.end === token.start && TERMINAL.test(previous.text);
    if (!closesQuotedStop && (token.type !== 'punct' || !TERMINAL.test(token.text) || quotes.length > 0)) continue;
    if (isAbbreviationStop(tokens, i, text)) continue;
    // Closing quotes and brackets right after the stop belong to the sentence it ends.
    let last = i;
    while (last + 1 < tokens.length && CLOSERS_AFTER_STOP.has(tokens[last + 1]!.text) && tokens[last + 1]!.start === tokens[last]!.end) {
      last++;
    }
    close(last);
    i = last;
  }
  close(tokens.length - 1);
  return sentences;
}

function trackQuote(text: string, token: Token, quotes: { char: string; at: number }[]): void {
  if (token.type !== 'punct') return;
  const top = quotes[quotes.length - 1];
  if (token.text === '"') {
    // Straight quotes open and close alike; scraped text mixes them with curly ones ("…» or «…"), so a
    // straight mark placed as a closer (after a word, before a space) closes whatever is open.
    const closer = top !== undefined && (top.char === '"' || (straightMarkRole(text, token) === 'close' && top.char !== '"'));
    if (closer) quotes.pop();
    else quotes.push({ char: '"', at: token.start });
    return;
  }
  const opener = CLOSING_QUOTES.get(token.text);
  if (opener !== undefined && (top?.char === opener || top?.char === '"')) {
    quotes.pop();
    return;
  }
  if (OPENING_QUOTES.has(token.text)) quotes.push({ char: token.text, at: token.start });
}

function isAbbreviationStop(tokens: readonly Token[], i: number, text: string): boolean {
  const stop = tokens[i]!;
  if (stop.text !== '.') return false;
  const before = tokens[i - 1];
  if (before === undefined || before.end !== stop.start) return false;
  // A single letter before the stop: Arabic initials and abbreviations (د. م. ق.م) or Latin initials (J. U.S.).
  const letters = before.text.replace(/[\u064B-\u065F\u0640]/g, '');
  if ((before.type === 'word' || before.type === 'latin') && [...letters].length === 1) return true;
  if (before.type === 'latin' && LATIN_ABBREVIATIONS.has(before.text.toLowerCase())) {
    return !/^\s*\n/.test(text.slice(stop.end));
  }
  return false;
}

/** Whether a straight quotation mark sits like an opener (before a word) or a closer (after a word). */
export function straightMarkRole(text: string, token: Token): 'open' | 'close' | 'either' {
  const before = text[token.start - 1] ?? ' ';
  const after = text[token.end] ?? ' ';
  const spaceBefore = /[\s([«“]/.test(before);
  const spaceAfter = /[\s.,،؛:!?؟)\]»”]/.test(after);
  if (spaceBefore && !spaceAfter) return 'open';
  if (!spaceBefore && spaceAfter) return 'close';
  return 'either';
}
