import type { QuoteSpeaker, Token } from '../../core/annotations.ts';
import { normalizeArabic } from '../../text/normalize.ts';
import { type CueAgreement, cueAgreement, cueOf } from './cues.ts';

/** What a speaker is known to be: feminine or masculine, one, two or many. Unknown stays undefined. */
export interface SpeakerFeatures {
  readonly gender?: 'm' | 'f';
  readonly number?: 'singular' | 'dual' | 'plural';
}

/**
 * The agreement a cue token shows: a finite verb's affixes (قالت، قالوا، يقولان), or a circumstantial participle's
 * ending, which agrees with its subject in gender and number (مؤكداً، مؤكدةً، مؤكدين).
 */
export function agreementOf(token: Token): CueAgreement | undefined {
  const verb = cueAgreement(token);
  if (verb !== undefined) return verb;
  if (cueOf(token)?.kind !== 'participle') return undefined;
  const word = token.norm;
  if (word.endsWith('ين') || word.endsWith('ون'))
    return { person: 3, gender: 'm', number: 'plural', passive: false };
  if (word.endsWith('ات')) return { person: 3, gender: 'f', number: 'plural', passive: false };
  if (word.endsWith('ه')) return { person: 3, gender: 'f', number: 'singular', passive: false };
  return { person: 3, gender: 'm', number: 'singular', passive: false };
}

// Heads of descriptions that name many (مصادر، شهود، خبراء، سكان): broken plurals the endings do not show.
const PLURAL_HEADS: ReadonlySet<string> = new Set(
  [
    'مصادر',
    'شهود',
    'خبراء',
    'سكان',
    'أوساط',
    'جهات',
    'أعضاء',
    'أطباء',
    'نواب',
    'قادة',
    'أصدقاء',
    'جيران',
    'مسؤولو',
  ].map(normalizeArabic),
);

/**
 * What a speaker's own words show when it is a description (متحدثة، مسؤولون، شهود), and what the verb that
 * introduced it shows: its gender always (قالت الوزيرة، قال الجيش), its number only when the subject came
 * before it or was a pronoun (a verb before its subject stays singular: قال المسؤولون).
 */
export function speakerFeatures(
  speaker: QuoteSpeaker,
  agreement: CueAgreement | undefined,
  subjectFirst: boolean,
): SpeakerFeatures {
  let gender: SpeakerFeatures['gender'];
  let number: SpeakerFeatures['number'];
  if (speaker.entityId === undefined) {
    const head = normalizeArabic(speaker.text.split(/\s+/)[0] ?? '').replace(/^(و|ف)?(ال)?/, '');
    if (PLURAL_HEADS.has(head) || /(ون|ين)$/.test(head)) number = 'plural';
    else if (head.endsWith('ه') && head.length > 3) {
      gender = 'f';
      number = 'singular';
    }
  }
  if (agreement !== undefined && agreement.person === 3 && !agreement.passive) {
    gender ??= agreement.gender;
    if (subjectFirst) number ??= agreement.number;
  }
  return { ...(gender ? { gender } : {}), ...(number ? { number } : {}) };
}

/**
 * True when a verb with no subject of its own (its subject a pronoun: وقالت، وأضافوا) can have this speaker as its
 * subject: gender and number must not clash. A feminine singular verb may still have a plural subject that is
 * not a person (وأضافت المصادر), so a plural speaker only refuses a masculine singular verb.
 */
export function agrees(features: SpeakerFeatures, agreement: CueAgreement | undefined): boolean {
  if (agreement === undefined || agreement.person !== 3 || agreement.passive) return true;
  if (
    features.gender !== undefined &&
    agreement.gender !== undefined &&
    features.gender !== agreement.gender
  ) {
    // Plural descriptions (مصادر) take a feminine singular verb.
    if (!(features.number === 'plural' && agreement.gender === 'f' && agreement.number === 'singular'))
      return false;
  }
  if (features.number === undefined) return true;
  if (agreement.number === 'plural' || agreement.number === 'dual')
    return features.number === agreement.number;
  return !(features.number === 'plural' && agreement.gender === 'm') && features.number !== 'dual';
}
