import type { Mention, Sentence, Token } from '../../core/annotations.ts';
import quoteWords from '../../../data/lexicon/quote-words.json' with { type: 'json' };
import stopwords from '../../../data/lexicon/stopwords.json' with { type: 'json' };
import { normalizeArabic } from '../../text/normalize.ts';
import { baseForm } from './cues.ts';
import { findMarkPairs, type MarkPair } from './marks.ts';

function wordSet(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.map(normalizeArabic));
}

/** Everything the quote finder reads, with the lookups it needs built once. */
export interface QuoteContext {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  readonly mentions: readonly Mention[];
  /** Sentence index of each token. */
  readonly sentenceOf: Int32Array;
  /** Paragraph (line) index of each token. */
  readonly paragraphOf: Int32Array;
  /** The mention covering each token, if any. */
  readonly mentionOf: readonly (Mention | undefined)[];
  /** Quotation-mark pairs, and 1 for each token inside a closed pair (a comma there ends no clause). */
  readonly pairs: readonly MarkPair[];
  readonly quoted: Uint8Array;
}

/** Builds the lookups once per document. */
export function buildContext(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  mentions: readonly Mention[],
): QuoteContext {
  const sentenceOf = new Int32Array(tokens.length);
  for (const [index, s] of sentences.entries()) sentenceOf.fill(index, s.tokenStart, s.tokenEnd);
  const paragraphOf = new Int32Array(tokens.length);
  let paragraph = 0;
  for (let i = 1; i < tokens.length; i++) {
    if (text.slice(tokens[i - 1]!.end, tokens[i]!.start).includes('\n')) paragraph++;
    paragraphOf[i] = paragraph;
  }
  const mentionOf: (Mention | undefined)[] = new Array(tokens.length).fill(undefined);
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  let t = 0;
  for (const mention of sorted) {
    while (t < tokens.length && tokens[t]!.end <= mention.start) t++;
    for (let k = t; k < tokens.length && tokens[k]!.start < mention.end; k++) mentionOf[k] ??= mention;
  }
  const pairs = findMarkPairs(text, tokens);
  const quoted = new Uint8Array(tokens.length);
  for (const pair of pairs) if (pair.closed) quoted.fill(1, pair.open + 1, pair.close);
  return { text, tokens, sentences, mentions: sorted, sentenceOf, paragraphOf, mentionOf, pairs, quoted };
}

/** Normalized words, without clitics, that end a speaker phrase or start an adjunct. */
export const PHRASE_STOPS: ReadonlySet<string> = wordSet(quoteWords.phraseStops);

/** Function words (في، لكن، إذ، كما): a sentence opening with one does not open with its verb. */
export const FUNCTION_WORDS: ReadonlySet<string> = wordSet(stopwords.words);

/** Relative pronouns (الذي، التي، الذين): a relative clause after a comma, or the antecedent's verb. */
export const RELATIVES: ReadonlySet<string> = new Set([
  'الذي',
  'التي',
  'الذين',
  'اللذين',
  'اللتين',
  'اللذان',
  'اللتان',
]);

/** Date words that may sit between a cue and what follows (الجمعة، أمس، اليوم، لاحقا). */
export const DATE_WORDS: ReadonlySet<string> = wordSet(quoteWords.dateWords);

/** Heads of noun phrases that name an unnamed source: مسؤول، مصدر، مصادر، دبلوماسي… */
export const ANONYMOUS_HEADS: ReadonlySet<string> = wordSet(quoteWords.anonymousHeads);

/** Audience words after ل: للصحافيين، للصحفيين، للمراسلين، لوسائل الإعلام. */
export const AUDIENCE_WORDS: ReadonlySet<string> = wordSet(quoteWords.audienceWords);

/** Channel nouns after في/على/عبر: في بيان، في مقابلة، على تلغرام، عبر حسابه. */
export const CHANNEL_WORDS: ReadonlySet<string> = wordSet(quoteWords.channelWords);

/** Beginnings of verbal nouns that name an act, not a statement (أعلن مسؤوليته، أعلن حالة الطوارئ). */
export const ACT_OBJECTS: readonly string[] = quoteWords.actObjects.map(normalizeArabic);

/** Document nouns that can themselves be the source of a statement: البيان، التقرير. */
export const SOURCE_DOCUMENTS: ReadonlySet<string> = wordSet(quoteWords.sourceDocuments);

/** True when token i, with or without its clitics, is one of `words`. */
export function isWordIn(words: ReadonlySet<string>, ctx: QuoteContext, i: number): boolean {
  const token = ctx.tokens[i];
  return token !== undefined && (words.has(token.norm) || words.has(baseForm(token)));
}

/** The normalized base of token i, or '' past the end. */
export function wordAt(ctx: QuoteContext, i: number): string {
  const token = ctx.tokens[i];
  return token === undefined ? '' : baseForm(token);
}

/** True for punctuation token i with the given text. */
export function isPunct(ctx: QuoteContext, i: number, text: string): boolean {
  const token = ctx.tokens[i];
  return token !== undefined && token.type === 'punct' && token.text === text;
}

/** True when token i carries the preposition ل as a clitic (للصحافيين، لبوتين). */
export function hasLamPrefix(token: Token | undefined): boolean {
  return (
    token?.parts?.some((p) => p.role === 'preposition' && (p.text === 'ل' || p.text.startsWith('ل'))) === true
  );
}
