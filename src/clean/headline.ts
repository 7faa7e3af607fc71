import stopwordData from '../../data/lexicon/stopwords.json' with { type: 'json' };
import type { HeadlineCandidate, Sentence, Token } from '../core/annotations.ts';
import { normalizeArabic } from '../text/normalize.ts';

const STOPWORDS = new Set(stopwordData.words);
const MIN_WORDS = 3;
const MAX_WORDS = 30;
const MAX_CHARS = 250;
// A headline restates the story: at least this share of its content words must recur in the body.
const MIN_ECHO = 0.3;
const MIN_ECHOED_WORDS = 2;

/** The matching key of a content word: its normalized form without clitics; undefined for function words. */
export function contentKey(token: Token): string | undefined {
  if (token.type !== 'word' && token.type !== 'latin' && token.type !== 'number') return undefined;
  const base = token.parts?.find((p) => p.role === 'base');
  const norm = base !== undefined ? normalizeArabic(base.text) : token.norm;
  if (norm.length < 2 || STOPWORDS.has(norm) || STOPWORDS.has(token.norm)) return undefined;
  return norm;
}

/**
 * Offers the first line of the body as the article's own headline when it reads as one: a line of its own,
 * short, without final punctuation, and echoed by the body below it.
 * `findHeadlineCandidates(text, tokens, sentences)` → `[]` or one `HeadlineCandidate`.
 */
export function findHeadlineCandidates(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Sentence[],
): HeadlineCandidate[] {
  const first = sentences[0];
  if (first === undefined || !first.headlineLike || sentences.length < 2) return [];
  const wordTokens = tokens.slice(first.tokenStart, first.tokenEnd).filter((t) => t.type !== 'punct');
  if (wordTokens.length < MIN_WORDS || wordTokens.length > MAX_WORDS || first.text.length > MAX_CHARS) return [];
  // The line must stand alone: nothing else on it.
  const lineEnd = text.indexOf('\n', first.start);
  if (lineEnd !== -1 && lineEnd < first.end) return [];

  const lineKeys = new Set(wordTokens.map(contentKey).filter((k): k is string => k !== undefined));
  if (lineKeys.size === 0) return [];
  const bodyKeys = new Set<string>();
  for (const token of tokens.slice(first.tokenEnd)) {
    const key = contentKey(token);
    if (key !== undefined) bodyKeys.add(key);
  }
  const echoed = [...lineKeys].filter((k) => bodyKeys.has(k)).length;
  const echo = echoed / lineKeys.size;
  if (echo < MIN_ECHO || echoed < MIN_ECHOED_WORDS) return [];
  return [{ kind: 'headline', start: first.start, end: first.end, text: first.text, origin: 'body-first-line', echo: round(echo) }];
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
