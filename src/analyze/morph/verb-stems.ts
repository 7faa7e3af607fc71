import { maskOf, V } from './affixes.ts';
import { MorphError } from './errors.ts';
import { fromEnd, HAMZAS, replaceAt, type Spelling, spell } from './letters.ts';
import type { Aspect } from './types.ts';

/** A verb stem and the endings it takes; imperfect stems come without their person prefix (ي ت ن ا). */
export interface VerbStem {
  readonly base: string;
  readonly aspect: Aspect;
  readonly passive: boolean;
  readonly mask: number;
}

const PERFECT_3RD = maskOf([V.none, V.t, V.ta, V.a, V.uu]);
// Endings starting with a consonant shorten hollow stems (قال → قلت) and split doubled ones (شن → شننا).
const PERFECT_CONSONANT = maskOf([V.t, V.naa, V.tum, V.tumaa, V.tunna, V.n]);
const IMPERFECT = maskOf([V.none, V.uun, V.aan, V.iin, V.uu, V.a, V.n, V.i]);
const IMPERFECT_VOWEL = IMPERFECT & ~V.n.bit;
const JUSSIVE_SHORT = maskOf([V.none, V.n]);
const IMPERATIVE_VOWEL = maskOf([V.uu, V.i, V.a]);
const IMPERATIVE = V.none.bit | V.n.bit | IMPERATIVE_VOWEL;

type VerbClass = 'sound' | 'hollow' | 'defective' | 'doubled' | 'assimilated';

interface Verb {
  readonly past: Spelling;
  /** Normalized perfect: قال, اصاب, دعا, رمي. */
  readonly p: string;
  /** Normalized imperfect without its prefix ي: قول, صيب, دعو, رمي. */
  readonly s: string;
  readonly passive: boolean;
}

/**
 * The class decides which stems exist. It is read from the spelling as written: a bare alef before the last
 * radical is hollow (قال, أصاب, اختار), a final ى or the ا of a three-letter verb is defective (رمى, دعا),
 * a two-letter imperfect stem or a shadda on the last letter is doubled (يشن, احتلّ).
 */
function classify({ past, p, s }: Verb, present: Spelling): VerbClass {
  const last = fromEnd(past.raw, 1);
  if (
    past.raw.length >= 3 &&
    fromEnd(past.raw, 2) === 'ا' &&
    s.length >= 3 &&
    'ويا'.includes(fromEnd(s, 2))
  ) {
    return 'hollow';
  }
  if ((last === 'ى' || (last === 'ا' && past.raw.length === 3)) && 'وي'.includes(fromEnd(s, 1)))
    return 'defective';
  if (past.raw[0] === 'و' && s === p.slice(1)) return 'assimilated';
  const derivedDoubled =
    past.raw[0] === 'ا' &&
    s === p.slice(1) &&
    // احتل، انضم (VIII, VII) but not اتخذ، اتصل (VIII of a first-weak root, sound).
    ((p.length === 4 && p[1] !== 'ت') || (p.length === 5 && p.startsWith('است')));
  if (s.length === 2 || derivedDoubled || past.finalShadda || present.finalShadda) return 'doubled';
  return 'sound';
}

function sound({ past, p, s }: Verb, present: Spelling): VerbStem[] {
  const stems: VerbStem[] = [
    { base: p, aspect: 'perfect', passive: false, mask: PERFECT_3RD | PERFECT_CONSONANT },
    { base: s, aspect: 'imperfect', passive: false, mask: IMPERFECT },
  ];
  // اعتقل/يعتقل → اعتقل (IV, VII, VIII, X); قتل/يقتل → اقتل (I); قاتل/يقاتل, دمّر/يدمّر → قاتل, دمر.
  let imperative: string | undefined;
  if (p === 'ا' + s) imperative = p;
  else if (p === s) imperative = p.length === 3 && !past.shadda && !present.shadda ? 'ا' + s : s;
  if (imperative) stems.push({ base: imperative, aspect: 'imperative', passive: false, mask: IMPERATIVE });
  // سأل → سئل: a Form I medial hamza changes its seat in the passive.
  if (past.raw.length === 3 && past.raw[1] === 'أ') {
    stems.push({ base: replaceAt(p, 1, 'ء'), aspect: 'perfect', passive: true, mask: PERFECT_3RD });
  }
  if (!HAMZAS.has(fromEnd(past.raw, 1))) return stems;
  // Final hamza sits on alef or on the line depending on the next vowel and the writer: قرأوا / قرءوا.
  const twins = stems.flatMap((stem) => {
    const last = fromEnd(stem.base, 1);
    if (last !== 'ا' && last !== 'ء') return [];
    return [{ ...stem, base: replaceAt(stem.base, -1, last === 'ا' ? 'ء' : 'ا') }];
  });
  return [...stems, ...twins];
}

function hollow({ p, s, passive }: Verb): VerbStem[] {
  const short = replaceAt(p, -2, '');
  const jussive = replaceAt(s, -2, '');
  const prefix = p.length === 3 ? '' : 'ا';
  const stems: VerbStem[] = [
    { base: p, aspect: 'perfect', passive: false, mask: PERFECT_3RD },
    { base: short, aspect: 'perfect', passive: false, mask: PERFECT_CONSONANT },
    { base: s, aspect: 'imperfect', passive: false, mask: IMPERFECT_VOWEL },
    { base: jussive, aspect: 'imperfect', passive: false, mask: JUSSIVE_SHORT },
    { base: prefix + jussive, aspect: 'imperative', passive: false, mask: JUSSIVE_SHORT },
    { base: prefix + s, aspect: 'imperative', passive: false, mask: IMPERATIVE_VOWEL },
  ];
  if (passive) {
    // قال → قيل، يقال; أصاب → أصيب، يصاب; اختار → اختير.
    stems.push(
      { base: replaceAt(p, -2, 'ي'), aspect: 'perfect', passive: true, mask: PERFECT_3RD },
      { base: replaceAt(s, -2, 'ا'), aspect: 'imperfect', passive: true, mask: IMPERFECT_VOWEL },
    );
  }
  return stems;
}

function defective({ past, p, s, passive }: Verb): VerbStem[] {
  const p0 = p.slice(0, -1);
  const s0 = s.slice(0, -1);
  const formI = p.length === 3;
  // دعا → دعوت، دعوا (dual); رمى → رميت، رميا.
  const glide = fromEnd(past.raw, 1) === 'ا' ? 'و' : 'ي';
  const imperative = formI || s !== p ? 'ا' + s0 : s0;
  const stems: VerbStem[] = [
    { base: p, aspect: 'perfect', passive: false, mask: V.none.bit },
    { base: p0, aspect: 'perfect', passive: false, mask: maskOf([V.t, V.ta, V.uu]) },
    { base: p0 + glide, aspect: 'perfect', passive: false, mask: V.a.bit | PERFECT_CONSONANT },
    { base: s, aspect: 'imperfect', passive: false, mask: maskOf([V.none, V.aan, V.n, V.a]) },
    { base: s0, aspect: 'imperfect', passive: false, mask: maskOf([V.none, V.uun, V.iin, V.uu, V.i]) },
    { base: imperative, aspect: 'imperative', passive: false, mask: maskOf([V.none, V.uu, V.i, V.n]) },
  ];
  if (passive && formI) {
    // دعا → دعي، يدعى (normalized يدعي); for رمى the passive is spelled as the active and adds nothing.
    stems.push(
      { base: p0 + 'ي', aspect: 'perfect', passive: true, mask: maskOf([V.none, V.t, V.ta, V.a]) },
      { base: s0 + 'ي', aspect: 'imperfect', passive: true, mask: maskOf([V.none, V.aan, V.n, V.a]) },
    );
  }
  return stems;
}

function doubled({ p, s }: Verb): VerbStem[] {
  const last = fromEnd(p, 1);
  const stems: VerbStem[] = [
    { base: p, aspect: 'perfect', passive: false, mask: PERFECT_3RD },
    { base: p + last, aspect: 'perfect', passive: false, mask: PERFECT_CONSONANT },
    { base: s, aspect: 'imperfect', passive: false, mask: IMPERFECT_VOWEL },
    { base: s + last, aspect: 'imperfect', passive: false, mask: JUSSIVE_SHORT },
  ];
  const vowelEndings = V.none.bit | IMPERATIVE_VOWEL;
  if (p.length === 2) {
    stems.push(
      { base: s, aspect: 'imperative', passive: false, mask: vowelEndings },
      { base: 'ا' + s + last, aspect: 'imperative', passive: false, mask: JUSSIVE_SHORT },
    );
  } else if (p === 'ا' + s) {
    stems.push({ base: p, aspect: 'imperative', passive: false, mask: vowelEndings });
  }
  return stems;
}

function assimilated({ p, s, passive }: Verb): VerbStem[] {
  const stems: VerbStem[] = [
    { base: p, aspect: 'perfect', passive: false, mask: PERFECT_3RD | PERFECT_CONSONANT },
    { base: s, aspect: 'imperfect', passive: false, mask: IMPERFECT },
  ];
  // وجد/يجد → يوجد. The imperative (جد، صل) is left out: two letters match too much (صلوا is "pray").
  if (passive) stems.push({ base: 'و' + s, aspect: 'imperfect', passive: true, mask: IMPERFECT });
  return stems;
}

/**
 * Every stem of a verb with the endings each takes.
 * `verbStems('قال', 'يقول', false)` → قال (perfect: ـ ت تا ا وا), قل (perfect: ت نا تم …), قول, قل (imperfect),
 * قل, قول (imperative), قيل, قال (passive).
 */
export function verbStems(
  id: string,
  pastWritten: string,
  presentWritten: string,
  intransitive: boolean,
): VerbStem[] {
  const past = spell(pastWritten);
  const present = spell(presentWritten);
  if (present.norm[0] !== 'ي' || present.norm.length < 3 || past.norm.length < 2) {
    throw new MorphError(
      'MORPH_BAD_LEMMA',
      id,
      `expected a perfect and a ي-imperfect, got ${pastWritten}/${presentWritten}`,
    );
  }
  const verb: Verb = { past, p: past.norm, s: present.norm.slice(1), passive: !intransitive };
  const kind = classify(verb, present);
  const stems =
    kind === 'hollow'
      ? hollow(verb)
      : kind === 'defective'
        ? defective(verb)
        : kind === 'doubled'
          ? doubled(verb)
          : kind === 'assimilated'
            ? assimilated(verb)
            : sound(verb, present);
  return stems.filter((stem) => stem.base.length >= 2);
}
