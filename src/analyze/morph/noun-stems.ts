import { maskOf, N } from './affixes.ts';
import { MorphError } from './errors.ts';
import { fromEnd, spell } from './letters.ts';
import type { GrammaticalNumber } from './types.ts';

/** A noun stem, the endings it takes, and the number it forces (a listed plural stays plural). */
export interface NounStem {
  readonly base: string;
  readonly mask: number;
  readonly number?: GrammaticalNumber;
}

// زيارة: the ة is an ending of its own (زياره، زيارته، زيارات، زيارتان).
const TA_MARBUTA = maskOf([
  N.feminine,
  N.feminineConstruct,
  N.femininePlural,
  N.feminineDual,
  N.feminineDualOblique,
  N.feminineDualConstruct,
]);
// هجوم، اغتيال: tanween, dual, and ات (اغتيالات، احتجاجات).
const PLAIN = maskOf([N.singular, N.accusative, N.dualConstruct, N.dual, N.dualOblique, N.femininePlural]);
// متظاهر، مسلح، مدني: also feminine ة and the sound masculine plural with its construct forms.
const PARTICIPLE =
  PLAIN |
  maskOf([
    N.feminine,
    N.feminineConstruct,
    N.plural,
    N.pluralOblique,
    N.pluralConstruct,
    N.pluralConstructOblique,
    N.feminineDual,
    N.feminineDualOblique,
    N.feminineDualConstruct,
  ]);

function looksLikeParticiple(norm: string): boolean {
  return norm.length >= 4 && (norm[0] === 'م' || norm[1] === 'ا' || fromEnd(norm, 1) === 'ي');
}

/**
 * The stems of a noun. `nounStems('زيارة')` → زيار (ه ت ات تان تين تا);
 * `nounStems('متظاهر')` → متظاهر (ـ ا ان ين ون و ي ه ت ات …).
 */
export function nounStems(
  id: string,
  form: string,
  plurals: readonly string[] = [],
  participle?: boolean,
): NounStem[] {
  const stems: NounStem[] = [];
  const singular = spell(form);
  if (singular.norm.length < 2) throw new MorphError('MORPH_BAD_LEMMA', id, `noun form too short: ${form}`);
  if (fromEnd(singular.raw, 1) === 'ة') stems.push({ base: singular.norm.slice(0, -1), mask: TA_MARBUTA });
  else
    stems.push({
      base: singular.norm,
      mask: (participle ?? looksLikeParticiple(singular.norm)) ? PARTICIPLE : PLAIN,
    });
  for (const written of plurals) {
    const plural = spell(written);
    if (fromEnd(plural.raw, 1) === 'ة') {
      stems.push({
        base: plural.norm.slice(0, -1),
        mask: maskOf([N.feminine, N.feminineConstruct]),
        number: 'plural',
      });
    } else {
      stems.push({ base: plural.norm, mask: N.singular.bit, number: 'plural' });
    }
    // قتلى, جرحى: the ى is written ا before an enclitic (قتلاهم).
    if (fromEnd(plural.raw, 1) === 'ى') {
      stems.push({ base: plural.norm.slice(0, -1) + 'ا', mask: N.beforeEnclitic.bit, number: 'plural' });
    }
  }
  return stems.filter((stem) => stem.base.length >= 2);
}
