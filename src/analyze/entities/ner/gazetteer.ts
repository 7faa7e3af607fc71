import { stripProclitics } from './stem.ts';
import { wordKey } from './words.ts';

/**
 * A list of multi-word names with a label each, matched on clitic-stripped normalized words so that
 * `ولبنان` and `الأمم المتحدة` match the entries `لبنان` and `امم متحده` whatever their proclitics.
 */
export interface Gazetteer {
  /** First word of an entry → the entries starting with it (as word arrays with their label), longest first. */
  readonly byFirst: ReadonlyMap<
    string,
    readonly { readonly words: readonly string[]; readonly label: string }[]
  >;
  /**
   * Each word of any entry → where it occurs (`B-label` first word, `I-label` other), sorted: a known first
   * name or family name is evidence even inside a name the list does not hold.
   */
  readonly words: ReadonlyMap<string, readonly string[]>;
}

/** The matching form of one word. `gazetteerWord('والكرملين')` → `'كرملين'`. */
export function gazetteerWord(word: string): string {
  return stripProclitics(wordKey(word)).stem;
}

/**
 * Builds a gazetteer from `[name, label]` pairs (names are space-separated words).
 * `buildGazetteer([['الأمم المتحدة', 'ORG']])` matches `للأمم المتحدة`.
 */
export function buildGazetteer(entries: Iterable<readonly [string, string]>): Gazetteer {
  const byFirst = new Map<string, { words: string[]; label: string }[]>();
  const seen = new Set<string>();
  const wordRoles = new Map<string, Set<string>>();
  for (const [name, label] of entries) {
    const words = name.split(/\s+/).filter(Boolean).map(gazetteerWord);
    const id = words.join(' ');
    if (words.length === 0 || seen.has(id)) continue;
    seen.add(id);
    const list = byFirst.get(words[0]!) ?? [];
    list.push({ words, label });
    byFirst.set(words[0]!, list);
    words.forEach((word, k) => {
      const roles = wordRoles.get(word) ?? new Set<string>();
      roles.add(`${k === 0 ? 'B' : 'I'}-${label}`);
      wordRoles.set(word, roles);
    });
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  const words = new Map([...wordRoles].map(([word, roles]) => [word, [...roles].sort()]));
  return { byFirst, words };
}

/**
 * Marks each word covered by the longest entry matching at it: `B-label` on the first word, `I-label` on
 * the others, undefined elsewhere. Takes already-computed matching forms (see gazetteerWord).
 */
export function matchGazetteer(gazetteer: Gazetteer, forms: readonly string[]): (string | undefined)[] {
  const marks = new Array<string | undefined>(forms.length).fill(undefined);
  let i = 0;
  while (i < forms.length) {
    const candidates = gazetteer.byFirst.get(forms[i]!);
    const hit = candidates?.find((entry) => entry.words.every((w, k) => forms[i + k] === w));
    if (!hit) {
      i++;
      continue;
    }
    marks[i] = `B-${hit.label}`;
    for (let k = 1; k < hit.words.length; k++) marks[i + k] = `I-${hit.label}`;
    i += hit.words.length;
  }
  return marks;
}
