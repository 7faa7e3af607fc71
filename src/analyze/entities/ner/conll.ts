import { RasdError } from '../../../core/errors.ts';

/** One sentence of a CoNLL file: its words and their gold BIO tags (PERS already mapped to PER). */
export interface ConllSentence {
  readonly words: string[];
  readonly tags: string[];
}

// ANERcorp writes persons as PERS; rasd's EntityType is PER.
const TYPE_ALIASES: Readonly<Record<string, string>> = {
  PERS: 'PER',
  PERSON: 'PER',
  GPE: 'LOC',
  ORGANIZATION: 'ORG',
};
const TAG = /^(?:O|[BI]-[A-Z]+)$/;

/**
 * Parses `word TAG` lines with a blank line between sentences (the tag is the last field; `-DOCSTART-`
 * lines are skipped). `parseConll('غزة B-LOC\nقال O\n')` → `[{words: ['غزة', 'قال'], tags: ['B-LOC', 'O']}]`.
 * Throws E_BAD_DOCUMENT naming the line when a tag is not O, B-X or I-X.
 */
export function parseConll(text: string, input = 'conll'): ConllSentence[] {
  const sentences: ConllSentence[] = [];
  let words: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (words.length > 0) sentences.push({ words, tags });
    words = [];
    tags = [];
  };
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, lineIndex) => {
    const line = raw.trim();
    if (line === '') {
      flush();
      return;
    }
    if (line.startsWith('-DOCSTART-')) return;
    const cut = line.search(/\s\S+$/);
    if (cut < 0)
      throw new RasdError('E_BAD_DOCUMENT', `expected "word TAG", got "${line}"`, {
        input,
        record: lineIndex + 1,
      });
    const tag = line.slice(cut + 1);
    if (!TAG.test(tag))
      throw new RasdError('E_BAD_DOCUMENT', `unknown tag "${tag}"`, { input, record: lineIndex + 1 });
    const type = tag.slice(2);
    words.push(line.slice(0, cut).trim());
    tags.push(tag === 'O' ? 'O' : `${tag.slice(0, 2)}${TYPE_ALIASES[type] ?? type}`);
  });
  flush();
  return sentences;
}
