import { normalizeArabic } from '../text/normalize.ts';

/** One query term: consecutive normalized words (one for a word, several for a phrase); the last may be a prefix. */
export interface QueryTerm {
  readonly words: readonly string[];
  readonly prefix: boolean;
  /**
   * For a single word: its forms with the proclitics Arabic attaches in writing (الرياض → بالرياض، للرياض،
   * والرياض…), any of which matches.
   */
  readonly variants?: readonly string[];
}

// Proclitic sequences written onto a word: conjunctions, prepositions and their combinations.
const PREFIXES = ['و', 'ف', 'ب', 'ك', 'ل', 'وب', 'ول', 'وك', 'فب', 'فل', 'فك'];
const MIN_VARIANT_LETTERS = 3;

/**
 * The written forms of a normalized word with proclitics: `cliticVariants('الرياض')` → `['الرياض', 'والرياض',
 * 'بالرياض', …, 'للرياض', 'وللرياض']` (ل + ال is written لل). Short words are left alone.
 */
export function cliticVariants(word: string): string[] {
  if (word.length < MIN_VARIANT_LETTERS || !/^[\u0621-\u064A]+$/.test(word)) return [word];
  const variants = new Set([word]);
  const definite = word.startsWith('ال') && word.length > 3;
  for (const prefix of PREFIXES) {
    // ل before the article drops its alef: ل + الرياض → للرياض.
    if (definite && prefix.endsWith('ل')) variants.add(`${prefix}${word.slice(1)}`);
    else variants.add(`${prefix}${word}`);
  }
  return [...variants];
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
    if (words.length === 1 && !prefix) terms.push({ words, prefix, variants: cliticVariants(words[0]!) });
    else if (words.length > 0) terms.push({ words, prefix });
  }
  return terms;
}

/**
 * The FTS5 MATCH expression of parsed terms; every word is quoted, so no user input reaches FTS5's syntax.
 * `toFts5([{words: ['وزير'], prefix: true}])` → `'"وزير"*'`.
 */
export function toFts5(terms: readonly QueryTerm[]): string {
  return terms
    .map((term) =>
      term.variants !== undefined && term.variants.length > 1
        ? `(${term.variants.map((v) => `"${v}"`).join(' OR ')})`
        : `"${term.words.join(' ')}"${term.prefix ? '*' : ''}`,
    )
    .join(' AND ');
}
