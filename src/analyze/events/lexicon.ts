import lexiconData from '../../../data/events/triggers.json' with { type: 'json' };
import { normalizeArabic } from '../../text/normalize.ts';
import { createMorphIndex, type LemmaSpec, type MorphIndex } from '../morph/index.ts';
import type { CollectiveActorRecord, EventLexiconFile, TriggerRecord } from './lexicon-file.ts';

/** The trigger lexicon compiled for lookups: built once, shared by every document. */
export interface EventLexicon {
  /** Recognizes every inflection of the lexicon's verb and noun lemmas (and of the nouns triggers require). */
  readonly morph: MorphIndex;
  /** Lemma id (`v:قتل`, `n:هجوم`) → the triggers of that lemma. */
  readonly byLemma: ReadonlyMap<string, readonly TriggerRecord[]>;
  /** Exact normalized spelling → the triggers spelled that way (w: forms). */
  readonly byWord: ReadonlyMap<string, readonly TriggerRecord[]>;
  /** Per trigger record: the lemma ids and exact words that satisfy its `requires`, and those of its `unless`. */
  readonly companions: ReadonlyMap<
    TriggerRecord,
    { readonly requires: ReadonlySet<string>; readonly unless: ReadonlySet<string> }
  >;
  /** Spelling → the lemma ids it is not a form of ('*' for all): reviewed homographs (هنا is not هنأ). */
  readonly homographs: ReadonlyMap<string, ReadonlySet<string>>;
  /** First normalized word → collective actors whose phrase starts with it. */
  readonly collectives: ReadonlyMap<
    string,
    readonly { words: readonly string[]; actor: CollectiveActorRecord }[]
  >;
}

export const verbLemmaId = (past: string): string => `v:${normalizeArabic(past)}`;
export const nounLemmaId = (form: string): string => `n:${normalizeArabic(form)}`;

/** A companion word (as written) as a noun lemma: without its article (النار → نار), so every inflection of it counts. */
function companionLemma(word: string): string | undefined {
  const bare = word.startsWith('ال') && word.length > 4 ? word.slice(2) : word;
  return bare.length >= 3 ? bare : undefined;
}

// Passive readings only where the passive is the usual news form (قُتل، أُصيب، اعتُقل، اغتيل): elsewhere a passive
// spelling of a hollow verb is mostly another word (وزير is not و + زِير).
const PASSIVE_TYPES = new Set(['ASSAULT', 'COERCE']);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

const lemmaIds = (record: TriggerRecord): string[] => [
  ...(record.verbs ?? []).map((v) => verbLemmaId(v.past)),
  ...(record.nouns ?? []).map((n) => nounLemmaId(n.form)),
];

/** Compiles a lexicon file. `createEventLexicon(file).byLemma.get('v:زار')` → the visit trigger. */
export function createEventLexicon(file: EventLexiconFile): EventLexicon {
  const byLemma = new Map<string, TriggerRecord[]>();
  const byWord = new Map<string, TriggerRecord[]>();
  const lemmas = new Map<string, LemmaSpec>();
  const companions = new Map<TriggerRecord, { requires: Set<string>; unless: Set<string> }>();
  const passive = new Set<string>();
  for (const raw of file.triggers)
    if (PASSIVE_TYPES.has(raw.type)) for (const verb of raw.verbs ?? []) passive.add(verbLemmaId(verb.past));
  const companionSet = (words: readonly string[] | undefined): Set<string> => {
    const set = new Set<string>();
    for (const word of words ?? []) {
      const normalized = normalizeArabic(word);
      set.add(normalized);
      const lemma = companionLemma(normalized);
      if (lemma === undefined) continue;
      const id = nounLemmaId(lemma);
      set.add(id);
      if (!lemmas.has(id)) lemmas.set(id, { kind: 'noun', id, form: lemma });
    }
    return set;
  };
  // Slot names are written as words (على، إلى); compare them normalized, like the text.
  const records: TriggerRecord[] = file.triggers.map((raw) => ({
    ...raw,
    target: raw.target.map((slot) => normalizeArabic(slot)),
  }));
  for (const record of records) {
    for (const verb of record.verbs ?? []) {
      const id = verbLemmaId(verb.past);
      push(byLemma, id, record);
      // Several imperfects of one perfect (a hollow verb read from PETRARCH) are several specs of one lemma.
      const key = `${id}/${normalizeArabic(verb.present)}`;
      if (!lemmas.has(key))
        lemmas.set(key, {
          kind: 'verb',
          id,
          past: verb.past,
          present: verb.present,
          ...(passive.has(id) ? {} : { intransitive: true }),
        });
    }
    for (const noun of record.nouns ?? []) {
      const id = nounLemmaId(noun.form);
      push(byLemma, id, record);
      if (!lemmas.has(id)) {
        lemmas.set(id, {
          kind: 'noun',
          id,
          form: noun.form,
          ...(noun.plurals !== undefined ? { plurals: noun.plurals } : {}),
        });
      }
    }
    for (const word of record.words ?? []) push(byWord, normalizeArabic(word), record);
  }
  // A word that shows another sense of a lemma (احتل + المركز) shows it whichever record reads the lemma: the
  // hand-written records' `unless` words hold for the PETRARCH records of the same verb too.
  const senseRefusals = new Map<string, string[]>();
  for (const record of records) {
    if (record.unless === undefined) continue;
    for (const id of lemmaIds(record))
      senseRefusals.set(id, [...(senseRefusals.get(id) ?? []), ...record.unless]);
  }
  // After the triggers' own lemmas, so a noun that is both keeps its plurals.
  for (const record of records) {
    const unless = [
      ...(record.unless ?? []),
      ...lemmaIds(record).flatMap((id) => senseRefusals.get(id) ?? []),
    ];
    companions.set(record, { requires: companionSet(record.requires), unless: companionSet(unless) });
  }
  const collectives = new Map<string, { words: string[]; actor: CollectiveActorRecord }[]>();
  for (const actor of file.collectives) {
    for (const form of actor.forms) {
      const words = form.split(' ');
      const list = collectives.get(words[0]!) ?? [];
      list.push({ words, actor });
      list.sort((a, b) => b.words.length - a.words.length);
      collectives.set(words[0]!, list);
    }
  }
  const homographs = new Map<string, Set<string>>();
  for (const { word, lemma } of file.homographs ?? []) {
    const set = homographs.get(word) ?? new Set<string>();
    set.add(lemma);
    homographs.set(word, set);
  }
  return {
    morph: createMorphIndex([...lemmas.values()]),
    byLemma,
    byWord,
    companions,
    homographs,
    collectives,
  };
}

let shipped: EventLexicon | undefined;

/** The lexicon of data/events/triggers.json, compiled on first use. */
export function defaultEventLexicon(): EventLexicon {
  shipped ??= createEventLexicon(lexiconData as unknown as EventLexiconFile);
  return shipped;
}
