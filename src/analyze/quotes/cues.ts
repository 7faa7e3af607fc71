import cueData from '../../../data/lexicon/reporting-cues.json' with { type: 'json' };
import type { Token } from '../../core/annotations.ts';
import { normalizeArabic } from '../../text/normalize.ts';

export type CueKind = 'verb' | 'participle' | 'noun' | 'according';

/** A reporting word found in the text. */
export interface CueEntry {
  readonly lemma: string;
  readonly kind: CueKind;
  /** Common in other senses: counts only when a clause, a colon or quotation marks follow. */
  readonly weak: boolean;
  /** May take a verbal-noun object instead of a clause (أكد عدم توقيع). */
  readonly nominal: boolean;
}

interface CueRecord {
  lemma: string;
  kind: string;
  forms: string[];
  weak?: boolean;
  nominal?: boolean;
}

const CUES = new Map<string, CueEntry>();
for (const record of cueData.cues as CueRecord[]) {
  const entry: CueEntry = {
    lemma: record.lemma,
    kind: record.kind as CueKind,
    weak: record.weak === true,
    nominal: record.nominal === true,
  };
  for (const form of record.forms) CUES.set(normalizeArabic(form), entry);
}

/** The normalized word without its proclitics: `وأعلن` → `اعلن`. */
export function baseForm(token: Token): string {
  const base = token.parts?.find((p) => p.role === 'base');
  return base === undefined ? token.norm : normalizeArabic(base.text);
}

/** The reporting cue a token is, if any. `cueOf(tokenize('وأعلن')[0])?.lemma` → `'أعلن'`. */
export function cueOf(token: Token): CueEntry | undefined {
  if (token.type !== 'word') return undefined;
  const direct = CUES.get(baseForm(token)) ?? CUES.get(token.norm);
  if (direct !== undefined || token.parts !== undefined) return direct;
  // The tokenizer may keep a frequent و/ف + verb whole (وتابع): cues are verbs, so strip it here.
  const first = token.norm[0];
  return first === 'و' || first === 'ف' ? CUES.get(token.norm.slice(1)) : undefined;
}

/**
 * A reporting verb carrying an object pronoun (أكده، قالته، ذكرها in وهو ما أكده غوني موسى): it reports, but
 * what it reports came before it, so it is no cue of its own; its subject may still speak later.
 */
export function verbWithObjectPronoun(token: Token): CueEntry | undefined {
  if (token.type !== 'word') return undefined;
  const base = baseForm(token);
  const suffix = OBJECT_PRONOUNS.find((p) => base.endsWith(p) && base.length - p.length >= 3);
  if (suffix === undefined) return undefined;
  const stem = base.slice(0, -suffix.length);
  const cue = CUES.get(stem) ?? (stem.endsWith('ت') ? CUES.get(stem.slice(0, -1)) : undefined);
  return cue?.kind === 'verb' && !cue.weak ? cue : undefined;
}

const OBJECT_PRONOUNS = ['هما', 'هم', 'ها', 'ه'];

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
]);

/** True when the token opens a content clause (إن، أن، بأن، أنه…), judged with the word before it. */
export function isComplementizer(token: Token, previous: Token | undefined): boolean {
  if (token.type !== 'word' || !COMPLEMENTIZERS.has(baseForm(token))) return false;
  // لأن is "because".
  if (token.parts?.some((p) => p.role === 'preposition' && normalizeArabic(p.text) === 'ل')) return false;
  return previous === undefined || !NON_REPORTING_BEFORE.has(baseForm(previous));
}
