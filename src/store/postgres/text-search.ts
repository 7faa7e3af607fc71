import { indexText, indexWords, type QueryTerm } from '../query.ts';

/**
 * The PostgreSQL side of rasd's full-text search. PostgreSQL's own parsers and the `arabic` config stem and
 * split differently from the SQLite index, so the store builds its `tsvector` and `tsquery` values here from the
 * very words the SQLite index holds (`indexWords(indexText(…))`), and casts them without any further processing.
 */

/** One FTS5 "phrase" of a query: each variant of a clitic-aware word, each phrase or prefix term. */
export interface QueryPhrase {
  readonly words: readonly string[];
  readonly prefix: boolean;
}

// tsvector positions stop at 16383 (and keep 256 per lexeme) and lexemes at 2047 bytes: in longer articles the
// counts BM25 uses fall short of SQLite's. A gap keeps phrases from spanning title → body.
const MAX_POSITION = 16383;
const MAX_LEXEME_BYTES = 2046;
const COLUMN_GAP = 1;

/** A word as a quoted tsvector/tsquery lexeme. `quoteLexeme("it's")` → `'it''s'`. */
export function quoteLexeme(word: string): string {
  return `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

export interface IndexedText {
  /** A `tsvector` literal: title words (weight A) at positions 1…, body words after them. */
  readonly tsvector: string;
  /** Word counts per column, as the SQLite FTS5 index counts them (its BM25 uses the total as the length). */
  readonly titleWords: number;
  readonly bodyWords: number;
}

/**
 * The search entry of an article. `indexDocument('الأمم', 'قالت الأمم')` → `{tsvector: "'الامم':1A,3 'قالت':2"`, …}
 * (positions 1 and 2 hold the title word and the gap).
 */
export function indexDocument(title: string, body: string): IndexedText {
  const titleWords = indexWords(indexText(title)).map(foldCase);
  const bodyWords = indexWords(indexText(body)).map(foldCase);
  const positions = new Map<string, string[]>();
  const add = (word: string, position: number, weight: string) => {
    if (utf8Length(word) > MAX_LEXEME_BYTES) return;
    // Past the last position words still go in (so they can be found), all at that position, once each.
    const at = `${Math.min(position, MAX_POSITION)}${weight}`;
    const list = positions.get(word);
    if (list === undefined) positions.set(word, [at]);
    else if (position <= MAX_POSITION || list[list.length - 1] !== at) list.push(at);
  };
  for (let i = 0; i < titleWords.length; i++) add(titleWords[i]!, i + 1, 'A');
  const bodyStart = titleWords.length + COLUMN_GAP + 1;
  for (let i = 0; i < bodyWords.length; i++) add(bodyWords[i]!, bodyStart + i, '');
  const parts: string[] = [];
  for (const [word, list] of positions) parts.push(`${quoteLexeme(word)}:${list.join(',')}`);
  return { tsvector: parts.join(' '), titleWords: titleWords.length, bodyWords: bodyWords.length };
}

/**
 * FTS5's unicode61 tokenizer folds case in every script; rasd's normalization lowercases the common ones only.
 * Folding here too makes words like «Ạ» meet as they do in SQLite. `foldCase('ẠB')` → `'ạb'`.
 */
export function foldCase(word: string): string {
  return word.toLowerCase();
}

function utf8Length(word: string): number {
  let bytes = 0;
  for (const ch of word) {
    const code = ch.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * The phrases of parsed terms in the order FTS5 numbers them for `toFts5(terms)`, so both stores compute
 * BM25 over the same phrases. `queryPhrases(parseQuery('"وزير الطاقة" اوب*'))` → two phrases.
 */
export function queryPhrases(terms: readonly QueryTerm[]): QueryPhrase[] {
  const phrases: QueryPhrase[] = [];
  for (const term of terms) {
    if (term.variants !== undefined && term.variants.length > 1) {
      for (const variant of term.variants) phrases.push({ words: [foldCase(variant)], prefix: false });
    } else phrases.push({ words: term.words.map(foldCase), prefix: term.prefix });
  }
  return phrases;
}

/** One phrase as a tsquery literal. `phraseTsquery({words: ['وزير', 'الطاقة'], prefix: false})` → `'وزير' <-> 'الطاقة'`. */
export function phraseTsquery(phrase: QueryPhrase): string {
  const last = phrase.words.length - 1;
  return phrase.words
    .map((word, i) => `${quoteLexeme(word)}${phrase.prefix && i === last ? ':*' : ''}`)
    .join(' <-> ');
}

/**
 * The tsquery literal of parsed terms, with the meaning of `toFts5(terms)`: every term required, a word's
 * clitic variants as alternatives. `toTsquery(parseQuery('الرياض'))` → `('الرياض' | 'والرياض' | …)`.
 */
export function toTsquery(terms: readonly QueryTerm[]): string {
  return terms
    .map((term) =>
      term.variants !== undefined && term.variants.length > 1
        ? `(${term.variants.map((v) => quoteLexeme(foldCase(v))).join(' | ')})`
        : `(${phraseTsquery({ words: term.words.map(foldCase), prefix: term.prefix })})`,
    )
    .join(' & ');
}
