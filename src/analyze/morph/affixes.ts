import type { GrammaticalNumber } from './types.ts';

/**
 * The affix tables: inflectional endings (one bit each, so a stem lists the endings it takes as a mask),
 * pronoun enclitics, and proclitic chains. Built once at module load; the analyzer only looks them up.
 */

/** An inflectional ending: how it is spelled alone and before an enclitic (قتلوا → قتلو+ه). */
export interface Inflection {
  readonly bit: number;
  readonly pos: 'verb' | 'noun';
  readonly spelling: string;
  readonly beforeEnclitic: string;
  readonly number: GrammaticalNumber;
  readonly construct: boolean;
  readonly enclitic: 'none' | 'optional' | 'required';
  /** Whether ال may precede: not with tanween (هجوما), construct state, or a required enclitic. */
  readonly article: boolean;
}

let nextBit = 1;
function inflection(
  pos: 'verb' | 'noun',
  spelling: string,
  number: GrammaticalNumber,
  options: Partial<Pick<Inflection, 'beforeEnclitic' | 'construct' | 'enclitic' | 'article'>> = {},
): Inflection {
  const bit = nextBit;
  nextBit *= 2;
  return {
    bit,
    pos,
    spelling,
    beforeEnclitic: options.beforeEnclitic ?? spelling,
    number,
    construct: options.construct ?? false,
    enclitic: options.enclitic ?? 'optional',
    article: options.article ?? pos === 'noun',
  };
}

/** Verb endings, perfect and imperfect alike; which stem takes which is decided in verb-stems.ts. */
export const V = {
  none: inflection('verb', '', 'singular'),
  t: inflection('verb', 'ت', 'singular'),
  ta: inflection('verb', 'تا', 'dual'),
  a: inflection('verb', 'ا', 'dual'),
  uu: inflection('verb', 'وا', 'plural', { beforeEnclitic: 'و' }),
  naa: inflection('verb', 'نا', 'plural'),
  tum: inflection('verb', 'تم', 'plural', { beforeEnclitic: 'تمو' }),
  tumaa: inflection('verb', 'تما', 'dual'),
  tunna: inflection('verb', 'تن', 'plural'),
  n: inflection('verb', 'ن', 'plural'),
  uun: inflection('verb', 'ون', 'plural'),
  aan: inflection('verb', 'ان', 'dual'),
  iin: inflection('verb', 'ين', 'singular'),
  i: inflection('verb', 'ي', 'singular'),
} as const;

/** Noun endings; two readings of one spelling (ا: tanween or construct dual) are two entries. */
export const N = {
  singular: inflection('noun', '', 'singular'),
  accusative: inflection('noun', 'ا', 'singular', { enclitic: 'none', article: false }),
  dualConstruct: inflection('noun', 'ا', 'dual', { construct: true, article: false }),
  feminine: inflection('noun', 'ه', 'singular', { enclitic: 'none' }),
  feminineConstruct: inflection('noun', 'ت', 'singular', { enclitic: 'required', article: false }),
  femininePlural: inflection('noun', 'ات', 'plural'),
  dual: inflection('noun', 'ان', 'dual', { enclitic: 'none' }),
  dualOblique: inflection('noun', 'ين', 'dual', { enclitic: 'none' }),
  plural: inflection('noun', 'ون', 'plural', { enclitic: 'none' }),
  pluralOblique: inflection('noun', 'ين', 'plural', { enclitic: 'none' }),
  pluralConstruct: inflection('noun', 'و', 'plural', { construct: true, article: false }),
  pluralConstructOblique: inflection('noun', 'ي', 'plural', { construct: true, article: false }),
  feminineDual: inflection('noun', 'تان', 'dual', { enclitic: 'none' }),
  feminineDualOblique: inflection('noun', 'تين', 'dual', { enclitic: 'none' }),
  feminineDualConstruct: inflection('noun', 'تا', 'dual', { construct: true, article: false }),
  // A stem only seen before an enclitic: قتلى → قتلاهم.
  beforeEnclitic: inflection('noun', '', 'singular', { enclitic: 'required', article: false }),
} as const;

/** The bit mask of a list of endings. */
export function maskOf(list: readonly Inflection[]): number {
  let mask = 0;
  for (const item of list) mask |= item.bit;
  return mask;
}

const VERB_ENCLITICS = ['ه', 'ها', 'هما', 'هم', 'هن', 'ك', 'كما', 'كم', 'كن', 'نا', 'ني'];
const NOUN_ENCLITICS = ['ه', 'ها', 'هما', 'هم', 'هن', 'ك', 'كما', 'كم', 'كن', 'نا', 'ي'];

/** One way to read a word's ending: an inflection, then maybe an enclitic. */
export interface SuffixReading {
  readonly inflection: Inflection;
  readonly enclitic: string;
}

function buildSuffixes(): Map<string, SuffixReading[]> {
  const map = new Map<string, SuffixReading[]>();
  const add = (spelling: string, reading: SuffixReading) => {
    const list = map.get(spelling);
    if (list) list.push(reading);
    else map.set(spelling, [reading]);
  };
  for (const item of [...Object.values(V), ...Object.values(N)]) {
    if (item.enclitic !== 'required') add(item.spelling, { inflection: item, enclitic: '' });
    if (item.enclitic === 'none') continue;
    for (const enclitic of item.pos === 'verb' ? VERB_ENCLITICS : NOUN_ENCLITICS) {
      add(item.beforeEnclitic + enclitic, { inflection: item, enclitic });
    }
  }
  return map;
}

/** Word ending → its readings. */
export const SUFFIXES: ReadonlyMap<string, readonly SuffixReading[]> = buildSuffixes();
export const MAX_SUFFIX = Math.max(...[...SUFFIXES.keys()].map((s) => s.length));

/** A proclitic chain and what it may precede. */
export interface Proclitic {
  readonly spelling: string;
  readonly noun: boolean;
  readonly definite: boolean;
  /** Perfect and imperative verbs: only a conjunction. */
  readonly perfect: boolean;
  /** Imperfect verbs: a conjunction, then the future س or the ل of purpose or command. */
  readonly imperfect: boolean;
  readonly future: boolean;
}

function buildProclitics(): Map<string, Proclitic[]> {
  const map = new Map<string, Proclitic[]>();
  const add = (proclitic: Proclitic) => {
    const list = map.get(proclitic.spelling);
    if (list) list.push(proclitic);
    else map.set(proclitic.spelling, [proclitic]);
  };
  const none = { noun: false, definite: false, perfect: false, imperfect: false, future: false };
  for (const conjunction of ['', 'و', 'ف']) {
    add({ ...none, spelling: conjunction, perfect: true, imperfect: true });
    add({ ...none, spelling: conjunction + 'س', imperfect: true, future: true });
    add({ ...none, spelling: conjunction + 'ل', imperfect: true });
    for (const preposition of ['', 'ب', 'ك', 'ل']) {
      add({ ...none, spelling: conjunction + preposition, noun: true });
      // ل before the article drops the article's alef: ل + الهجوم → للهجوم.
      const article = preposition === 'ل' ? 'لل' : preposition + 'ال';
      add({ ...none, spelling: conjunction + article, noun: true, definite: true });
    }
  }
  return map;
}

/** Word beginning → the proclitic chains it can be. */
export const PROCLITICS: ReadonlyMap<string, readonly Proclitic[]> = buildProclitics();
export const MAX_PROCLITIC = Math.max(...[...PROCLITICS.keys()].map((s) => s.length));
