import type { Sentence, Token } from '../../core/annotations.ts';
import { baseWord } from './words.ts';

/** Words that open a new clause inside a sentence: an event's actors do not cross them. */
const CLAUSE_OPENERS = new Set([
  'بينما',
  'فيما',
  'لكن',
  'اذ',
  'حيث',
  'بعدما',
  'عندما',
  'حين',
  'حينما',
  'كما',
  'وسط',
  'رغم',
]);
const COMPLEMENTIZERS = new Set(['ان', 'انه', 'انها', 'انهم', 'انهما', 'اننا', 'انني']);
const CLAUSE_PUNCT = new Set(['؛', ';', ':', '.', '!', '?', '؟']);

/** True when the token opens a content clause (إن، أن، بأن، أنه). */
export function isComplementizer(token: Token): boolean {
  return token.type === 'word' && COMPLEMENTIZERS.has(baseWord(token));
}

/** True when a clause starts at this token (في حين counts from its حين, which opens one alone too). */
export function opensClause(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index]!;
  if (token.type === 'punct') return CLAUSE_PUNCT.has(token.text);
  if (token.type !== 'word') return false;
  const word = baseWord(token);
  return CLAUSE_OPENERS.has(word) || isComplementizer(token);
}

/** The token range [first, end) of the clause around `index` within its sentence. */
export function clauseAround(
  tokens: readonly Token[],
  sentence: Sentence,
  index: number,
): { first: number; end: number } {
  let first = index;
  while (first > sentence.tokenStart && !opensClause(tokens, first)) first--;
  let end = index + 1;
  while (end < sentence.tokenEnd && !opensClause(tokens, end)) end++;
  return { first, end };
}
