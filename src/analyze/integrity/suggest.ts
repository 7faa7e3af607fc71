import type { Sentence, Token } from '../../core/annotations.ts';
import type { IntegritySpan } from './types.ts';

// A lead sentence shorter than this is a dateline or a caption, not the story.
const MIN_LEAD_WORDS = 6;
// The main clause ends at the first clause break after at least MIN_CLAUSE_WORDS words, and is cut at
// MAX_CLAUSE_WORDS words when no break comes.
const MIN_CLAUSE_WORDS = 6;
const MAX_CLAUSE_WORDS = 22;
const CLAUSE_BREAK_PUNCT = new Set(['،', ',', '؛', ';', ':', '(', '-', '–', '—']);
// Words that open a subordinate or follow-up clause (normalized): في حين، وذلك، بينما، حيث، مشيرا…
const CLAUSE_OPENERS = new Set([
  'وذلك',
  'بينما',
  'حيث',
  'مشيرا',
  'موضحا',
  'مؤكدا',
  'مضيفا',
  'لافتا',
  'وسط',
  'بعدما',
  'وقال',
  'واضاف',
]);
const CLAUSE_OPENER_PAIRS = new Set(['في حين', 'في ظل', 'في اطار', 'في وقت']);

/**
 * The lead sentence's main clause, offered as a headline when the given title does not fit the body:
 * the first sentence of at least MIN_LEAD_WORDS words, up to its first clause break.
 * `leadMainClause(text, tokens, sentences)` → `{start, end, text}` or undefined for a body without one.
 */
export function leadMainClause(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Sentence[],
): IntegritySpan | undefined {
  for (const sentence of sentences) {
    const words = tokens.slice(sentence.tokenStart, sentence.tokenEnd);
    const wordCount = words.filter((t) => t.type !== 'punct' && t.type !== 'symbol').length;
    if (wordCount < MIN_LEAD_WORDS) continue;
    let count = 0;
    let last: Token | undefined;
    for (let i = 0; i < words.length; i++) {
      const token = words[i]!;
      const isWord = token.type !== 'punct' && token.type !== 'symbol';
      if (count >= MIN_CLAUSE_WORDS && opensClause(token, words[i + 1])) break;
      if (isWord && count >= MAX_CLAUSE_WORDS) break;
      if (isWord) count++;
      last = token;
    }
    // Trailing punctuation (a final stop, an opening quote) does not belong to a headline.
    let endToken = words.indexOf(last!);
    while (endToken > 0 && words[endToken]!.type === 'punct') endToken--;
    const start = words[0]!.start;
    const end = words[endToken]!.end;
    return { start, end, text: text.slice(start, end) };
  }
  return undefined;
}

function opensClause(token: Token, next: Token | undefined): boolean {
  if (token.type === 'punct') return CLAUSE_BREAK_PUNCT.has(token.text) || token.text === '.';
  if (CLAUSE_OPENERS.has(token.norm)) return true;
  return next !== undefined && CLAUSE_OPENER_PAIRS.has(`${token.norm} ${next.norm}`);
}
