import cueData from '../../../data/lexicon/reporting-cues.json' with { type: 'json' };
import type { Token } from '../../core/annotations.ts';
import { normalizeArabic } from '../../text/normalize.ts';
import { createMorphIndex, type LemmaSpec, type MorphAnalysis } from '../morph/index.ts';

export type CueKind = 'verb' | 'participle' | 'noun' | 'according';

/** What a cue introduces (data/quotes/cues.tsv): a clause, a quotation, a call, a description, a verbal noun (right
 * after the cue, after عن, after إلى). */
export type CueFrame = 'inna' | 'anna' | 'direct' | 'call' | 'describe' | 'about' | 'to' | 'object';

/** A reporting word found in the text. */
export interface CueEntry {
  readonly lemma: string;
  readonly kind: CueKind;
  /** Common in other senses: counts only when a clause, a colon or quotation marks follow. */
  readonly weak: boolean;
  /** May take a verbal-noun object instead of a clause (أكد عدم توقيع). */
  readonly nominal: boolean;
  readonly frames: ReadonlySet<CueFrame>;
}

interface CueRecord {
  lemma: string;
  kind: string;
  frames: string[];
  weak?: boolean;
  past?: string;
  present?: string;
  form?: string;
  forms?: string[];
}

const BY_ID = new Map<string, CueEntry>();
const LITERAL = new Map<string, CueEntry>();
const SPECS: LemmaSpec[] = [];
for (const record of cueData.cues as CueRecord[]) {
  const entry: CueEntry = {
    lemma: record.lemma,
    kind: record.kind as CueKind,
    weak: record.weak === true,
    nominal: record.frames.includes('object'),
    frames: new Set(record.frames as CueFrame[]),
  };
  const id = `${record.kind}:${record.lemma}`;
  BY_ID.set(id, entry);
  if (record.past !== undefined && record.present !== undefined)
    SPECS.push({ kind: 'verb', id, past: record.past, present: record.present });
  else if (record.form !== undefined) SPECS.push({ kind: 'noun', id, form: record.form, participle: true });
  for (const form of record.forms ?? []) LITERAL.set(normalizeArabic(form), entry);
}
// Spellings far more often another word (بين "between", طالب "student", ورد "came"): never a cue.
const REFUSED: ReadonlySet<string> = new Set((cueData.refused as string[]).map(normalizeArabic));
// Of those, the ones that are the verb again right before its clause (وبيّن النشطاء أنّ): spelling → the verb.
const BEFORE_CLAUSE: ReadonlyMap<string, CueEntry> = new Map(
  Object.entries(cueData.beforeClause as Record<string, string>).flatMap(([form, lemma]) => {
    const entry = BY_ID.get(`verb:${lemma}`);
    return entry === undefined ? [] : [[normalizeArabic(form), { ...entry, weak: true }] as const];
  }),
);

/** The verb a refused spelling is when its clause follows (بين → بيّن); the caller checks the clause. */
export function homographCue(token: Token): CueEntry | undefined {
  return token.type === 'word' ? BEFORE_CLAUSE.get(token.norm) : undefined;
}
// Every inflection of the cue verbs and participles (قالت، يقولون، قلن، مؤكدةً، مشيرين).
const MORPH = createMorphIndex(SPECS);

/** The normalized word without its proclitics: `وأعلن` → `اعلن`. */
export function baseForm(token: Token): string {
  const base = token.parts?.find((p) => p.role === 'base');
  return base === undefined ? token.norm : normalizeArabic(base.text);
}

/** A cue reading of a word, with the morphology's analysis when it is a verb or participle. */
interface CueReading {
  readonly entry: CueEntry;
  readonly analysis?: MorphAnalysis;
  /** The word without its proclitics, for the agreement affixes. */
  readonly stem: string;
}

const READINGS = new Map<string, CueReading | null>();

// A circumstantial participle is indefinite and accusative: مشيراً، مشيرةً، مشيرين (not المشير, not مشيره).
const PARTICIPLE_ENDING = /(ا|ه|ين)$/;

function readingOf(norm: string, base: string): CueReading | undefined {
  const cached = READINGS.get(norm);
  if (cached !== undefined) return cached ?? undefined;
  let found: CueReading | undefined;
  if (REFUSED.has(norm)) {
    READINGS.set(norm, null);
    return undefined;
  }
  const literal =
    LITERAL.get(norm) ?? LITERAL.get(base) ?? (/^[وف]/.test(norm) ? LITERAL.get(norm.slice(1)) : undefined);
  if (literal !== undefined) found = { entry: literal, stem: norm };
  else {
    let participle: CueReading | undefined;
    for (const analysis of MORPH.analyze(norm)) {
      const entry = BY_ID.get(analysis.lemma);
      if (entry === undefined || analysis.definite) continue;
      // ووصفته بأنه: a describing verb keeps its object pronoun; other cues with one report what came before.
      if (analysis.enclitic !== undefined && !(entry.frames.has('describe') && analysis.pos === 'verb'))
        continue;
      const stem = norm.slice(analysis.proclitics.length);
      // A passive reports only as قيل/يقال (كُتب، أُعلن name what was done, not who spoke).
      if (analysis.passive === true && entry.lemma !== 'قال') continue;
      if (analysis.pos === 'verb' && analysis.aspect !== 'imperative') {
        found = { entry, analysis, stem };
        break;
      }
      if (
        analysis.pos === 'noun' &&
        (analysis.proclitics === '' || analysis.proclitics === 'و') &&
        PARTICIPLE_ENDING.test(stem)
      )
        participle ??= { entry, analysis, stem };
    }
    found ??= participle;
  }
  READINGS.set(norm, found ?? null);
  return found;
}

/** The reporting cue a token is, if any. `cueOf(tokenize('وأعلن')[0])?.lemma` → `'أعلن'`. */
export function cueOf(token: Token): CueEntry | undefined {
  if (token.type !== 'word') return undefined;
  // A word read before needs no base form (normalizing it again costs more than the lookup).
  const cached = READINGS.get(token.norm);
  if (cached !== undefined) return cached?.entry;
  return readingOf(token.norm, baseForm(token))?.entry;
}

/** Person, gender and number of a verb cue's subject, as its affixes show them (قالت → 3rd, feminine, singular). */
export interface CueAgreement {
  readonly person: 1 | 2 | 3;
  readonly gender?: 'm' | 'f';
  readonly number: 'singular' | 'dual' | 'plural';
  readonly passive: boolean;
}

/**
 * The agreement of a finite verb cue, or undefined for other cues. `قالت` → 3 f singular; `قالوا` → 3 m plural;
 * `يقولان` → 3 m dual; `نقول` → 1 plural. A perfect in ت is read as 3rd feminine (أكدتُ is rare outside quotes).
 */
export function cueAgreement(token: Token): CueAgreement | undefined {
  if (token.type !== 'word') return undefined;
  const reading = readingOf(token.norm, baseForm(token));
  const a = reading?.analysis;
  if (a === undefined || a.pos !== 'verb' || a.number === undefined) return undefined;
  const passive = a.passive === true;
  let w = reading!.stem;
  if (a.aspect === 'perfect') {
    if (a.number === 'plural') {
      if (w.endsWith('نا')) return { person: 1, number: 'plural', passive };
      return { person: 3, gender: w.endsWith('ن') ? 'f' : 'm', number: 'plural', passive };
    }
    if (a.number === 'dual')
      return { person: 3, gender: w.endsWith('تا') ? 'f' : 'm', number: 'dual', passive };
    return {
      person: 3,
      gender: w.endsWith('ت') && !a.lemma.endsWith('ت') ? 'f' : 'm',
      number: 'singular',
      passive,
    };
  }
  if (w.startsWith('س')) w = w.slice(1);
  const prefix = w[0];
  if (prefix === 'ن') return { person: 1, number: 'plural', passive };
  if (prefix === 'ا') return { person: 1, number: 'singular', passive };
  if (a.number === 'plural')
    return { person: 3, gender: w.endsWith('ن') && !w.endsWith('ون') ? 'f' : 'm', number: 'plural', passive };
  const gender = prefix === 'ت' ? 'f' : 'm';
  return { person: 3, gender, number: a.number, passive };
}

/**
 * A reporting verb carrying an object pronoun (أكده، قالته، ذكرها in وهو ما أكده غوني موسى): it reports, but
 * what it reports came before it, so it is no cue of its own; its subject may still speak later.
 */
export function verbWithObjectPronoun(token: Token): CueEntry | undefined {
  if (token.type !== 'word') return undefined;
  for (const analysis of MORPH.analyze(token.norm)) {
    if (analysis.pos !== 'verb' || analysis.enclitic === undefined || !OBJECT_PRONOUNS.has(analysis.enclitic))
      continue;
    const cue = BY_ID.get(analysis.lemma);
    if (cue?.kind === 'verb' && !cue.weak) return cue;
  }
  return undefined;
}

const OBJECT_PRONOUNS: ReadonlySet<string> = new Set(['هما', 'هم', 'ها', 'ه']);

const COMPLEMENTIZERS = new Set(['ان', 'انه', 'انها', 'انهم', 'انهما', 'اننا', 'انني', 'انهن', 'انك']);
// Words before أن that make it a conjunction of time or concession, not the start of reported content.
const NON_REPORTING_BEFORE = new Set([
  'بعد',
  'قبل',
  'منذ',
  'دون',
  'رغم',
  'بدل',
  'حتي',
  'لمجرد',
  'عوضا',
  'الا',
  'بمجرد',
  'غير',
  'شانه',
  'شانها',
  'شان',
  'يجب',
  'ينبغي',
  'يمكن',
  'بامكان',
  'بوسع',
  'قرر',
  'تريد',
  'يريد',
  // Verbs of seeming, ability, wish and obligation before أن (mined: the commonest words before أنّ that report
  // nothing, data/quotes/cue-candidates.tsv): يبلغ طولها مترين يبدو أنها …، بحيث يستطيع المتابع أن …
  'يبدو',
  'بدا',
  'يستطيع',
  'تستطيع',
  'نستطيع',
  'استطاع',
  'يمكنه',
  'يمكنها',
  'يفترض',
  'المفترض',
  'المتوقع',
  'المقرر',
  'ينتظر',
  'نريد',
  'اريد',
  'اراد',
  'ارادت',
  'اتمني',
  'نتمني',
  'نامل',
  'يامل',
  'امل',
  'يحاول',
  'تحاول',
  'حاول',
  'حاولت',
  'يتعين',
  'يتوجب',
  'يجدر',
  'بد',
  'لابد',
  // لدى سؤاله إن كان / سئل إن: "whether" after a question.
  'سءاله',
  'سءالها',
  'سءالهم',
  'سءل',
  'سءلت',
]);

/** True when the token opens a content clause (إن، أن، بأن، أنه…), judged with the word before it. */
export function isComplementizer(token: Token, previous: Token | undefined): boolean {
  if (token.type !== 'word' || !COMPLEMENTIZERS.has(baseForm(token))) return false;
  // لأن is "because".
  if (token.parts?.some((p) => p.role === 'preposition' && normalizeArabic(p.text) === 'ل')) return false;
  return previous === undefined || !NON_REPORTING_BEFORE.has(baseForm(previous));
}
