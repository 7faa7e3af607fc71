import agentData from '../../../data/events/agents.json' with { type: 'json' };
import type { Token } from '../../core/annotations.ts';
import { baseMayBeKey, baseWord, FormMemo, TailFilter } from './words.ts';

/** One participant named by its role in data/events/agents.json (phrases normalized, words separated by one space). */
export interface AgentRecord {
  /** Primary PETRARCH agent code, three letters: the first of `fullAgent`. */
  readonly agent: string;
  /** The code as the source gives it (GOVMIL). */
  readonly fullAgent: string;
  readonly singular: readonly string[];
  readonly plural: readonly string[];
  /** A one-word singular takes the sound endings ون ين و ي ان (مقاتل → مقاتلون، مقاتلي). */
  readonly sound?: boolean;
  /** A one-word singular takes the accusative ا that counts people after 11–99 (30 مقاتلا). */
  readonly accusative?: boolean;
  /** One-word forms take possessive pronouns, ة → ت (حكومة → حكومته). */
  readonly possessive?: boolean;
  /** Only with the article on the first word (المعارضة). */
  readonly definite?: boolean;
  /** Only with a nationality adjective after it (النظام السوري). */
  readonly needsDemonym?: boolean;
  /** 'rasd' (hand-written) or 'petrarch'. */
  readonly origin: string;
}

export interface AgentLexiconFile {
  readonly generatedBy: string;
  readonly sources: readonly string[];
  /** Phrases that are no agent, listed so that a shorter agent inside them is not matched (القضاء على). */
  readonly notAgents: readonly string[];
  readonly agents: readonly AgentRecord[];
}

/** One spelling of a record, as words keyed for lookup. `record` undefined: a not-agent phrase. */
interface AgentPhrase {
  readonly words: readonly string[];
  readonly record: AgentRecord | undefined;
  readonly plural: boolean;
  /** Carries a possessive pronoun (جنودها): definite, and takes no article. */
  readonly possessed: boolean;
}

/** The agent lexicon compiled for lookups: built once, shared by every document. */
export interface AgentLexicon {
  /** First word (without article) → the phrases starting with it, longest first. */
  readonly byFirstWord: ReadonlyMap<string, readonly AgentPhrase[]>;
  /** Rules out, on character codes, words no first word is the tail of (every reading's key is one). */
  readonly firstWords: TailFilter;
  /** The readings of each distinct word form, as found once. */
  readonly readings: FormMemo<readonly ReadingSpec[]>;
}

/** A participant named by its role, with the country a nationality adjective after it gives. */
export interface AgentMention {
  readonly firstToken: number;
  readonly lastToken: number;
  /** Offsets into the text the tokens come from (UTF-16 code units, end exclusive); a leading و/ف/ب/ل/ك clitic is left out. */
  readonly start: number;
  readonly end: number;
  /** The tokens' text from `start` to `end`, the gaps between tokens written as spaces. */
  readonly text: string;
  /** Primary PETRARCH agent code (GOV, MIL, COP, REB…). */
  readonly agent: string;
  readonly fullAgent: string;
  readonly country?: string;
  readonly plural: boolean;
}

const SOUND_ENDINGS = ['ون', 'ين', 'و', 'ي', 'ان'];
const PRONOUNS = ['ه', 'ها', 'هم', 'هما', 'هن', 'نا', 'كم'];

/**
 * The key of a word after the first: without the article, a preposition or conjunction kept before it
 * (للجيش → لجيش, والرياضة → ورياضه), so that lexicon phrases with or without articles meet the text.
 */
function wordKey(word: string): string {
  if (word.length >= 5 && word[1] === 'ا' && word[2] === 'ل' && 'وفبك'.includes(word[0]!))
    return word[0]! + word.slice(3);
  if (word.length >= 4 && word[0] === 'ل' && word[1] === 'ل') return word.slice(1);
  if (word.length >= 4 && word[0] === 'ا' && word[1] === 'ل') return word.slice(2);
  return word;
}

const withoutArticle = (word: string): string =>
  word.length >= 4 && word.startsWith('ال') ? word.slice(2) : word;

function possessedForms(word: string): string[] {
  const stem = word.endsWith('ه') ? `${word.slice(0, -1)}ت` : word;
  return PRONOUNS.map((p) => stem + p);
}

/** Every spelling of a record: its forms, sound endings, possessed forms. */
function spellings(record: AgentRecord): { text: string; plural: boolean; possessed: boolean }[] {
  const out: { text: string; plural: boolean; possessed: boolean }[] = [];
  const add = (text: string, plural: boolean): void => {
    out.push({ text, plural, possessed: false });
    if (record.possessive && !text.includes(' ')) {
      for (const form of possessedForms(withoutArticle(text)))
        out.push({ text: form, plural, possessed: true });
    }
  };
  for (const s of record.singular) {
    add(s, false);
    if (record.sound && !s.includes(' ') && !s.endsWith('ه')) {
      for (const ending of SOUND_ENDINGS)
        out.push({ text: withoutArticle(s) + ending, plural: true, possessed: false });
    }
    // The accusative singular counts people after 11–99: قتل 30 مقاتلا.
    if (record.accusative && !s.includes(' '))
      out.push({ text: `${withoutArticle(s)}ا`, plural: false, possessed: false });
  }
  for (const p of record.plural) add(p, true);
  return out;
}

/** Compiles a lexicon file. `createAgentLexicon(file).byFirstWord.get('مسلحون')` → the gunmen phrases. */
export function createAgentLexicon(file: AgentLexiconFile): AgentLexicon {
  const byFirstWord = new Map<string, AgentPhrase[]>();
  const seen = new Set<string>();
  const add = (text: string, phrase: Omit<AgentPhrase, 'words'>): void => {
    const [first, ...rest] = text.split(' ');
    const words = [withoutArticle(first!), ...rest.map(wordKey)];
    const key = words.join(' ');
    // Not-agent phrases come first, then hand-written records: the first spelling of a phrase wins.
    if (seen.has(key)) return;
    seen.add(key);
    const list = byFirstWord.get(words[0]!) ?? [];
    list.push({ words, ...phrase });
    byFirstWord.set(words[0]!, list);
  };
  for (const text of file.notAgents) add(text, { record: undefined, plural: false, possessed: false });
  for (const record of file.agents) {
    for (const { text, plural, possessed } of spellings(record)) add(text, { record, plural, possessed });
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { byFirstWord, firstWords: new TailFilter(byFirstWord.keys()), readings: new FormMemo() };
}

let shipped: AgentLexicon | undefined;

/** The lexicon of data/events/agents.json, compiled on first use. */
export function defaultAgentLexicon(): AgentLexicon {
  shipped ??= createAgentLexicon(agentData as unknown as AgentLexiconFile);
  return shipped;
}

/**
 * How the first word of a phrase may be read (its key without clitics and article, and where the mention starts),
 * as the word form alone gives it, memoized per form: the start is an offset into the token, or, for
 * clitics glued to an unsplit word, a count of letters (harakat in the token's own text decide the offset).
 */
interface ReadingSpec {
  readonly key: string;
  readonly article: boolean;
  readonly offset: number;
  readonly letters: number;
}

// Clitics a word may carry when the tokenizer left it whole (ولجنود): tried longest first; the article part last.
const GLUED = [
  ['وال', 1],
  ['فال', 1],
  ['بال', 1],
  ['كال', 1],
  ['ولل', 2],
  ['فلل', 2],
  ['لل', 1],
  ['ول', 2],
  ['وب', 2],
  ['فل', 2],
  ['فب', 2],
  ['و', 1],
  ['ف', 1],
  ['ب', 1],
  ['ل', 1],
  ['ك', 1],
] as const;

// The most letters a reading takes off the front of a word: a glued clitic chain, then the article.
const MAX_GLUED = Math.max(
  ...GLUED.map(([prefix, clitics]) => prefix.length + (prefix.length === clitics ? 2 : 0)),
);

/** Offset in `text` after its first `letters` letters, harakat and tatweel counted with their letter. */
function afterLetters(text: string, letters: number): number {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const mark = (code >= 0x064b && code <= 0x065f) || code === 0x0670 || code === 0x0640;
    if (mark) continue;
    if (seen === letters) return i;
    seen++;
  }
  return text.length;
}

const NO_SPECS: readonly ReadingSpec[] = [];

function readingSpecs(token: Token, lexicon: AgentLexicon): readonly ReadingSpec[] {
  const parts = token.parts;
  // A word is read under its base, or itself less at most MAX_GLUED letters of clitics and article: most words
  // have no tail that starts a phrase.
  if (
    !lexicon.firstWords.mayHaveTail(token.norm, MAX_GLUED) &&
    (parts === undefined || !baseMayBeKey(lexicon.firstWords, token))
  )
    return NO_SPECS;
  let specs = lexicon.readings.get(token);
  if (specs === undefined) {
    specs = computeSpecs(token, lexicon);
    lexicon.readings.set(token, specs);
  }
  return specs;
}

function computeSpecs(token: Token, lexicon: AgentLexicon): readonly ReadingSpec[] {
  const out: ReadingSpec[] = [];
  const parts = token.parts;
  const base = parts?.find((p) => p.role === 'base');
  // Only keys that start a phrase become readings: most words start none, and cost no object.
  if (parts !== undefined && base !== undefined) {
    const key = baseWord(token);
    if (lexicon.byFirstWord.has(key)) {
      const first = parts.find((p) => p.role === 'article' || p.role === 'base')!;
      out.push({
        key,
        article: parts.some((p) => p.role === 'article'),
        offset: first.start - token.start,
        letters: -1,
      });
    }
  }
  const norm = token.norm;
  const bare = withoutArticle(norm);
  if (lexicon.byFirstWord.has(bare)) out.push({ key: bare, article: bare !== norm, offset: 0, letters: -1 });
  if (parts === undefined) {
    for (const [prefix, clitics] of GLUED) {
      if (!norm.startsWith(prefix) || norm.length - prefix.length < 3) continue;
      let key = norm.slice(prefix.length);
      const article = prefix.length > clitics || key.startsWith('ال');
      if (prefix.length === clitics) key = withoutArticle(key);
      if (lexicon.byFirstWord.has(key)) out.push({ key, article, offset: 0, letters: clitics });
    }
  }
  return out.length === 0 ? NO_SPECS : out;
}

const startOf = (token: Token, spec: ReadingSpec): number =>
  spec.letters < 0 ? token.start + spec.offset : token.start + afterLetters(token.text, spec.letters);

// A plural relative adjective: سوريين، الاسراءيليون.
const PLURAL_NISBA = /ي(ين|ون)$/;

const hasArticle = (token: Token): boolean =>
  token.parts?.some((p) => p.role === 'article') ??
  (token.norm.startsWith('ال') || token.norm.startsWith('لل'));

/** The nationality adjective right after a phrase: its length in tokens and its country. */
function demonymAt(
  tokens: readonly Token[],
  at: number,
  definite: boolean,
  plural: boolean,
  demonymOf: (words: string) => string | undefined,
  maxWords: number,
): { length: number; country: string } | undefined {
  for (let length = Math.min(maxWords, tokens.length - at); length >= 1; length--) {
    const words: string[] = [];
    for (let k = at; k < at + length && tokens[k]!.type === 'word'; k++) words.push(tokens[k]!.norm);
    if (words.length < length) continue;
    // An adjective agrees with its noun: الجيش السوري, مسلحين سوريين — not الجيش عراقيين ("the army … Iraqis").
    if (words[0]!.startsWith('ال') !== definite) continue;
    const country =
      demonymOf(words.join(' ')) ??
      // Plural adjectives (جنود إسرائيليين) are looked up as their singular (إسرائيلي).
      (plural && words.every((w) => PLURAL_NISBA.test(w))
        ? demonymOf(words.map((w) => w.slice(0, -2)).join(' '))
        : undefined);
    if (country !== undefined) return { length, country };
  }
  return undefined;
}

interface Match {
  readonly phrase: AgentPhrase;
  readonly reading: ReadingSpec;
  readonly last: number;
  readonly demonym?: { length: number; country: string };
}

// The keys of the words after the one a phrase is tried at (null: no word), made once for all its phrases.
const following: (string | null)[] = [null];

/** The longest phrase starting at token `i`, if any. */
function matchAt(
  tokens: readonly Token[],
  i: number,
  lexicon: AgentLexicon,
  demonymOf: (words: string) => string | undefined,
  maxDemonymWords: number,
): Match | undefined {
  let best: Match | undefined;
  const specs = readingSpecs(tokens[i]!, lexicon);
  if (specs.length === 0) return undefined;
  following.length = 1;
  for (const reading of specs) {
    for (const phrase of lexicon.byFirstWord.get(reading.key) ?? []) {
      if (best !== undefined && phrase.words.length <= best.phrase.words.length) break;
      if (phrase.possessed ? reading.article : phrase.record?.definite && !reading.article) continue;
      let definite = reading.article || phrase.possessed;
      let k = 1;
      for (; k < phrase.words.length; k++) {
        let key = following[k];
        if (key === undefined) {
          const token = tokens[i + k];
          key = token === undefined || token.type !== 'word' ? null : wordKey(token.norm);
          following[k] = key;
        }
        if (key !== phrase.words[k]) break;
        definite ||= hasArticle(tokens[i + k]!);
      }
      if (k < phrase.words.length) continue;
      const last = i + phrase.words.length - 1;
      const demonym =
        phrase.record === undefined
          ? undefined
          : demonymAt(tokens, last + 1, definite, phrase.plural, demonymOf, maxDemonymWords);
      if (phrase.record?.needsDemonym && demonym === undefined) continue;
      best = { phrase, reading, last, ...(demonym !== undefined ? { demonym } : {}) };
      break;
    }
  }
  return best;
}

/** The tokens' text from `start` to the end of token `last`, gaps written as spaces. */
function spanText(tokens: readonly Token[], first: number, last: number, start: number): string {
  let text = tokens[first]!.text.slice(start - tokens[first]!.start);
  for (let k = first + 1; k <= last; k++)
    text += ' '.repeat(tokens[k]!.start - tokens[k - 1]!.end) + tokens[k]!.text;
  return text;
}

/**
 * Participants named by role, longest phrase first, left to right, with the country of a nationality adjective
 * after them. `demonymOf` maps normalized words (article kept: 'الباكستانيه', 'الكوري الجنوبي') to a country code.
 * `findAgentMentions(tokenize('اعتقلت الشرطة الباكستانية ثلاثة مسلحين'), defaultAgentLexicon(), (w) => registry.demonyms.get(w), 2)`
 * → الشرطة الباكستانية (COP, PAK), مسلحين (UAF, plural). With `ranges`, only phrases starting in them; a range
 * that starts after a non-word token (or at the start) gives there what a scan of the whole text would.
 */
export function findAgentMentions(
  tokens: readonly Token[],
  lexicon: AgentLexicon,
  demonymOf: (words: string) => string | undefined,
  maxDemonymWords: number,
  ranges: readonly TokenRange[] = [[0, tokens.length]],
): AgentMention[] {
  const out: AgentMention[] = [];
  for (const [from, to] of ranges) scanAgents(tokens, from, to, lexicon, demonymOf, maxDemonymWords, out);
  return out;
}

/** Token ranges [from, to) to look in, in order, not overlapping. */
export type TokenRange = readonly [number, number];

function scanAgents(
  tokens: readonly Token[],
  from: number,
  to: number,
  lexicon: AgentLexicon,
  demonymOf: (words: string) => string | undefined,
  maxDemonymWords: number,
  out: AgentMention[],
): void {
  for (let i = from; i < to; i++) {
    if (tokens[i]!.type !== 'word') continue;
    const match = matchAt(tokens, i, lexicon, demonymOf, maxDemonymWords);
    if (match === undefined) continue;
    const last = match.last + (match.demonym?.length ?? 0);
    const record = match.phrase.record;
    if (record !== undefined) {
      const start = startOf(tokens[i]!, match.reading);
      out.push({
        firstToken: i,
        lastToken: last,
        start,
        end: tokens[last]!.end,
        text: spanText(tokens, i, last, start),
        agent: record.agent,
        fullAgent: record.fullAgent,
        ...(match.demonym !== undefined ? { country: match.demonym.country } : {}),
        plural: match.phrase.plural,
      });
    }
    i = last;
  }
}
