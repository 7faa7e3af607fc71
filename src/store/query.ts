import { normalizeArabic } from '../text/normalize.ts';

/** One query term: consecutive normalized words (one for a word, several for a phrase); the last may be a prefix. */
export interface QueryTerm {
  readonly words: readonly string[];
  readonly prefix: boolean;
}

// The same notion of a word as the index's tokenizer (unicode61 with categories L* N* Co Mn).
const WORD = /[\p{L}\p{N}\p{Mn}\p{Co}]+/gu;

/** Splits normalized text into index words. `indexWords('قال، الوزير')` → `['قال', 'الوزير']`. */
export function indexWords(normalized: string): string[] {
  return normalized.match(WORD) ?? [];
}

/** The text the full-text index holds: normalized so spelling variants meet. `indexText('أَحْمَد')` → `'احمد'`. */
export function indexText(display: string): string {
  return normalizeArabic(display);
}

/**
 * Parses a user query: `"quoted phrases"`, `prefix*` and plain words, every term required.
 * `parseQuery('"وزير الخارجية" روس*')` → a two-word phrase and the prefix `روس`.
 */
export function parseQuery(text: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const pattern = /"([^"]*)"(\*?)|(\S+)/g;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const raw = m[1] ?? m[3] ?? '';
    const prefix = m[1] !== undefined ? m[2] === '*' : raw.endsWith('*');
    const words = indexWords(indexText(raw));
    if (words.length > 0) terms.push({ words, prefix });
  }
  return terms;
}

/**
 * The FTS5 MATCH expression of parsed terms; every word is quoted, so no user input reaches FTS5's syntax.
 * `toFts5([{words: ['وزير'], prefix: true}])` → `'"وزير"*'`.
 */
export function toFts5(terms: readonly QueryTerm[]): string {
  return terms.map((term) => `"${term.words.join(' ')}"${term.prefix ? '*' : ''}`).join(' AND ');
}
