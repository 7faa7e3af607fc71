import type { Token, TokenPart } from '../../core/annotations.ts';
import { normalizeArabic } from '../../text/normalize.ts';
import type { MorphAnalysis } from '../morph/index.ts';
import type { TriggerRecord } from './lexicon-file.ts';
import type { EventLexicon } from './lexicon.ts';
import { baseMayBeKey, baseWord, FormMemo, lookupKeys, MAX_LOOKUP_PREFIX, TailFilter } from './words.ts';

/** A trigger found in the text: its tokens (through the required word, if any) and what it codes. */
export interface TriggerHit {
  readonly first: number;
  readonly last: number;
  readonly record: TriggerRecord;
  /** Written with the future prefix س (سيزور). */
  readonly future: boolean;
  /** A verbal noun with a possessive suffix (زيارته): its actor is someone named earlier. */
  readonly possessed: boolean;
  /** The spelling shows a passive (أُصيب، قيل، يُصاب): its subject undergoes the act. */
  readonly passive: boolean;
  /** An imperfect verb (يلتقي، تستهدف): what is going on, habitual or to come, more often than what happened. */
  readonly imperfect?: boolean;
  /** The pronoun suffix, normalized (زيارته → ه، هجومها → ها). */
  readonly enclitic?: string;
}

/** How far after the trigger its required word may sit: أجرى وزير الخارجية محادثات. */
const REQUIRES_WINDOW = 4;
/** How far around the trigger a word of another sense is looked for (أصيب … بفيروس كورونا). */
const UNLESS_WINDOW = 4;

interface Reading {
  readonly record: TriggerRecord;
  readonly analysis?: MorphAnalysis;
}

// Second person object pronouns (هنّأك، هناك) are rare in news narrative and mostly misreadings of other words.
const SECOND_PERSON = new Set(['ك', 'كم', 'كما', 'كن', 'ني']);
const ALEF = 0x627;

/** The conjunction and preposition letters the tokenizer split off the word (و، ف، ب، ل، ك), in order. */
function splitClitics(token: Token): string {
  if (token.parts === undefined) return '';
  let out = '';
  for (const part of token.parts)
    if (part.role === 'conjunction' || part.role === 'preposition') out += part.text;
  return out.length === 0 ? out : normalizeArabic(out);
}

/**
 * Whether a reading's proclitics agree with the tokenizer's split, which weighs each split against the corpus:
 * وزارة is a word, not و + زاره; لندن is a city, not ل + ندن. The article and the future س are not split off.
 */
function agreesWithSplit(analysis: MorphAnalysis, split: string, unsplit: boolean): boolean {
  // Before the article (للتعاون، وبالهجوم) the letters are clitics beyond doubt, split or not.
  if (unsplit && analysis.definite) return true;
  const clitics = analysis.proclitics
    .replace(/ال$/, '')
    .replace(/^([وف]?)لل$/, '$1ل')
    .replace(/س$/, '');
  return clitics === split;
}

const NO_READINGS: readonly Reading[] = [];
const NO_KEYS: readonly string[] = [];
// The most letters a companion key takes off the front of a word: lookupKeys' clitics, or ك.
const MAX_CLITICS = Math.max(MAX_LOOKUP_PREFIX, 1);

/** Per lexicon, what its rules made of each distinct word form: words repeat across and within documents. */
interface WordReadings {
  readonly readings: FormMemo<readonly Reading[]>;
  readonly companions: FormMemo<readonly string[]>;
  /** The spellings (not lemma ids) of every trigger's companions, to rule out on character codes. */
  readonly companionWords: TailFilter;
  /** Whether a companion is a lone letter or empty, as a split preposition's key is. */
  readonly shortCompanion: boolean;
  /**
   * `morph.mayName` for the triggers' own lemmas: the index holds the companions' nouns too (على، اتفاق), which
   * are most of the words it reads, and no trigger reading comes of them.
   */
  readonly mayTrigger: (word: string, length?: number) => boolean;
  /** `morph.mayName` for the nouns the triggers' companions name (requires, unless): no other lemma is a key. */
  readonly mayCompanion: (word: string, length?: number) => boolean;
}
const memos = new WeakMap<EventLexicon, WordReadings>();

// The lexicon asked about last and its memo: mostly there is one lexicon, and a WeakMap lookup per word costs.
let lastLexicon: EventLexicon | undefined;
let lastMemo: WordReadings | undefined;

function memoOf(lexicon: EventLexicon): WordReadings {
  if (lexicon === lastLexicon) return lastMemo!;
  let memo = memos.get(lexicon);
  if (memo === undefined) {
    const words = new Set<string>();
    const lemmas = new Set<string>();
    for (const { requires, unless } of lexicon.companions.values())
      for (const key of [...requires, ...unless]) (key.startsWith('n:') ? lemmas : words).add(key);
    memo = {
      readings: new FormMemo(),
      companions: new FormMemo(),
      companionWords: new TailFilter(words),
      shortCompanion: [...words].some((w) => w.length <= 1),
      mayTrigger: lexicon.morph.nameFilter(new Set(lexicon.byLemma.keys())),
      mayCompanion: lexicon.morph.nameFilter(lemmas),
    };
    memos.set(lexicon, memo);
  }
  lastLexicon = lexicon;
  lastMemo = memo;
  return memo;
}

/** Every trigger reading of a token: through the morphology (any inflection of a lemma), then exact words. */
function readingsOf(lexicon: EventLexicon, token: Token): readonly Reading[] {
  const norm = token.norm;
  const memo = memoOf(lexicon);
  // Most words could read as no trigger's lemma, nor as one with the accusative alef off: told on character codes.
  if (
    lexicon.byWord.size === 0 &&
    !memo.mayTrigger(norm) &&
    !(norm.length > 3 && norm.charCodeAt(norm.length - 1) === ALEF && memo.mayTrigger(norm, norm.length - 1))
  )
    return NO_READINGS;
  let readings = memo.readings.get(token);
  if (readings === undefined) {
    readings = fitting(token, computeReadings(lexicon, token));
    memo.readings.set(token, readings);
  }
  return readings;
}

/** The readings a token's spelling lets stand (told once per form, so kept with its readings). */
function fitting(token: Token, readings: readonly Reading[]): readonly Reading[] {
  if (!readings.some((r) => r.record.pos === 'noun') || !readings.some((r) => r.record.pos === 'verb'))
    return readings;
  // With the article or a preposition on it (التعاون، للقاء), a form shared by a verb and its noun is the noun.
  // تهنئة written with ة is the noun where the lexicon has it: a verb never ends in ة (تهنئه could be «she
  // congratulates him»).
  if (!hasNounPrefix(token) && !endsWithTaMarbuta(token.text)) return readings;
  const nouns = readings.filter((r) => r.record.pos !== 'verb');
  return nouns.length === 0 ? NO_READINGS : nouns;
}

function computeReadings(lexicon: EventLexicon, token: Token): readonly Reading[] {
  const norm = token.norm;
  let analyses = lexicon.morph.analyze(norm);
  // The indefinite accusative alef (هجوما، احتجاجا) is not an inflection the morphology lists.
  const accusative = analyses.length === 0 && norm.length > 3 && norm.charCodeAt(norm.length - 1) === ALEF;
  if (accusative) analyses = lexicon.morph.analyze(norm.slice(0, -1));
  // Most words read as no lemma: they leave here without allocating anything.
  if (analyses.length === 0 && lexicon.byWord.size === 0) return NO_READINGS;
  // A homograph is listed without the clitics the tokenizer splits (هنا), or whole when a clitic makes it (بعقوبة).
  const refused = lexicon.homographs.get(baseWord(token)) ?? lexicon.homographs.get(norm);
  if (refused?.has('*')) return NO_READINGS;
  const split = splitClitics(token);
  const unsplit = token.parts === undefined;
  const out: Reading[] = [];
  for (const analysis of analyses) {
    if (!agreesWithSplit(analysis, split, unsplit) || refused?.has(analysis.lemma)) continue;
    if (analysis.enclitic !== undefined && (accusative || SECOND_PERSON.has(analysis.enclitic))) continue;
    if (accusative && (analysis.pos !== 'noun' || analysis.definite)) continue;
    for (const record of lexicon.byLemma.get(analysis.lemma) ?? []) {
      if (record.pos !== analysis.pos) continue;
      const at = out.findIndex((r) => r.record === record);
      if (at < 0) out.push({ record, analysis });
      // أصيب reads as the passive "was hit" or as the active "I hit": news rarely speaks in the first person, so a
      // passive perfect spelled apart from the active perfect is the reading.
      else if (analysis.passive && analysis.aspect === 'perfect' && out[at]!.analysis?.aspect !== 'perfect')
        out[at] = { record, analysis };
    }
  }
  if (lexicon.byWord.size > 0) {
    for (const key of lookupKeys(token)) {
      for (const record of lexicon.byWord.get(key) ?? [])
        if (!out.some((r) => r.record === record)) out.push({ record });
    }
  }
  return out;
}

/** The lemma ids and spellings a token may stand for, to compare with a trigger's companions (not to be changed). */
function companionKeys(lexicon: EventLexicon, token: Token): readonly string[] {
  const { companions: memo, companionWords, shortCompanion, mayCompanion } = memoOf(lexicon);
  // Keys are only compared with companions: a word none of whose keys can be one needs none. Its spellings are
  // its base and tails of it (clitics off the front), and a split preposition's letter; its lemma ids need a
  // reading by the morphology as a companion's noun.
  const norm = token.norm;
  const parts = token.parts;
  if (
    !companionWords.mayHaveTail(norm, MAX_CLITICS) &&
    (parts === undefined ||
      (!(shortCompanion && hasPreposition(parts)) && !baseMayBeKey(companionWords, token))) &&
    !mayCompanion(norm) &&
    !(norm.length > 0 && norm.charCodeAt(norm.length - 1) === ALEF && mayCompanion(norm, norm.length - 1))
  )
    return NO_KEYS;
  let keys = memo.get(token);
  if (keys === undefined) {
    keys = computeCompanionKeys(lexicon, token);
    memo.set(token, keys);
  }
  return keys;
}

function hasPreposition(parts: readonly TokenPart[]): boolean {
  for (const part of parts) if (part.role === 'preposition') return true;
  return false;
}

function computeCompanionKeys(lexicon: EventLexicon, token: Token): string[] {
  const keys = lookupKeys(token);
  if (token.norm.startsWith('ك')) keys.push(token.norm.slice(1));
  for (const part of token.parts ?? [])
    if (part.role === 'preposition') keys.push(part.text.length === 1 ? part.text : '');
  for (const analysis of lexicon.morph.analyze(token.norm))
    if (analysis.pos === 'noun') keys.push(analysis.lemma);
  if (token.norm.endsWith('ا'))
    for (const analysis of lexicon.morph.analyze(token.norm.slice(0, -1)))
      if (analysis.pos === 'noun') keys.push(analysis.lemma);
  return keys;
}

/**
 * The triggers in tokens [from, to): each token is read through the morphology; a trigger with a required word
 * (وقّع → اتفاق) counts only when one follows closely, and none counts with a word of another sense near it
 * (أصيب بفيروس كورونا). One hit per token: the first record that fits.
 */
export function findTriggers(
  lexicon: EventLexicon,
  tokens: readonly Token[],
  from: number,
  to: number,
): TriggerHit[] {
  const hits: TriggerHit[] = [];
  // Each token's keys once per call: the windows of nearby triggers overlap. Asked from two tokens before `from`.
  let keyCache: (readonly string[] | undefined)[] | undefined;
  const keysAt = (j: number): readonly string[] => {
    keyCache ??= [];
    let keys = keyCache[j - from + 2];
    if (keys === undefined) {
      keys = companionKeys(lexicon, tokens[j]!);
      keyCache[j - from + 2] = keys;
    }
    return keys;
  };
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    if (token.type !== 'word') continue;
    const readings = readingsOf(lexicon, token);
    if (readings.length === 0) continue;
    for (const { record, analysis } of readings) {
      const companions = lexicon.companions.get(record)!;
      const last =
        record.requires.length === 0
          ? i
          : requiredWordAfter(tokens, i, Math.min(to, i + 1 + REQUIRES_WINDOW), companions.requires, keysAt);
      if (last === undefined) continue;
      if (
        companions.unless.size > 0 &&
        otherSenseNear(tokens, i, Math.min(to, last + 1 + UNLESS_WINDOW), companions.unless, keysAt)
      )
        continue;
      hits.push({
        first: i,
        last,
        record,
        future: analysis?.future ?? false,
        possessed: record.pos === 'noun' && analysis?.enclitic !== undefined,
        passive: analysis?.passive ?? false,
        ...(analysis?.aspect === 'imperfect' ? { imperfect: true } : {}),
        ...(analysis?.enclitic !== undefined ? { enclitic: analysis.enclitic } : {}),
      });
      break;
    }
  }
  return hits;
}

function hasNounPrefix(token: Token): boolean {
  if (token.parts?.some((p) => p.role === 'article' || p.role === 'preposition')) return true;
  return /^(?:[وف]?(?:ال|لل|بال))/.test(token.norm);
}

function requiredWordAfter(
  tokens: readonly Token[],
  from: number,
  to: number,
  requires: ReadonlySet<string>,
  keysAt: (j: number) => readonly string[],
): number | undefined {
  for (let j = from + 1; j < to; j++) {
    if (keysAt(j).some((k) => requires.has(k))) return j;
    if (tokens[j]!.type === 'punct' && tokens[j]!.text !== '«' && tokens[j]!.text !== '»') return undefined;
  }
  return undefined;
}

function otherSenseNear(
  tokens: readonly Token[],
  from: number,
  to: number,
  unless: ReadonlySet<string>,
  keysAt: (j: number) => readonly string[],
): boolean {
  for (let j = Math.max(0, from - 2); j < to && j < tokens.length; j++) {
    if (j === from) continue;
    if (tokens[j]!.type !== 'word') continue;
    if (keysAt(j).some((k) => unless.has(k))) return true;
  }
  return false;
}

const TA_MARBUTA = 0x0629;

/** Whether the word's last letter, past any diacritics, is ة. */
function endsWithTaMarbuta(text: string): boolean {
  for (let i = text.length - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    if ((code >= 0x064b && code <= 0x065f) || code === 0x0640) continue;
    return code === TA_MARBUTA;
  }
  return false;
}
