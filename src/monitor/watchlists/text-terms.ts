import type { QueryTerm } from '../../store/query.ts';
import type { MatchReason } from '../types.ts';
import type { IndexedWord } from './doc-index.ts';

/**
 * Finds each term of a parsed search query in the document's words, as full-text search would: a word in
 * any of its clitic forms, a phrase as consecutive words, a trailing `*` as a prefix. One reason per term (its
 * first occurrence), or undefined when a term is missing — every term is required.
 * `matchTerms(parseQuery('"البرنامج النووي"'), words, text)` → `[{kind: 'text', start, end, text: 'برنامجها النووي'…}]` or undefined.
 */
export function matchTerms(
  terms: readonly QueryTerm[],
  words: readonly IndexedWord[],
  text: string,
): MatchReason[] | undefined {
  const reasons: MatchReason[] = [];
  for (const term of terms) {
    const at = findTerm(term, words);
    if (at === undefined) return undefined;
    const start = words[at]!.start;
    const end = words[at + term.words.length - 1]!.end;
    reasons.push({ kind: 'text', start, end, text: text.slice(start, end), detail: describeTerm(term) });
  }
  return reasons;
}

function findTerm(term: QueryTerm, words: readonly IndexedWord[]): number | undefined {
  const n = term.words.length;
  const variants = term.variants === undefined ? undefined : new Set(term.variants);
  for (let i = 0; i + n <= words.length; i++) {
    if (n === 1 && variants !== undefined) {
      if (variants.has(words[i]!.word)) return i;
      continue;
    }
    let k = 0;
    while (k < n && wordMatches(words[i + k]!.word, term.words[k]!, term.prefix && k === n - 1)) k++;
    if (k === n) return i;
  }
  return undefined;
}

function wordMatches(word: string, wanted: string, prefix: boolean): boolean {
  return prefix ? word.startsWith(wanted) : word === wanted;
}

function describeTerm(term: QueryTerm): string {
  const words = term.words.join(' ');
  const quoted = term.words.length > 1 ? `"${words}"` : words;
  return term.prefix ? `${quoted}*` : quoted;
}
