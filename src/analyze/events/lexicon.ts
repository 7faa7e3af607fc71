import lexiconData from '../../../data/events/triggers.json' with { type: 'json' };
import { normalizeArabic } from '../../text/normalize.ts';
import type { CollectiveActorRecord, EventLexiconFile, TriggerRecord } from './lexicon-file.ts';

/** The trigger lexicon compiled for lookups: built once, shared by every document. */
export interface EventLexicon {
  /** Normalized form → the triggers spelled that way. */
  readonly triggers: ReadonlyMap<string, readonly TriggerRecord[]>;
  /** First normalized word → collective actors whose phrase starts with it. */
  readonly collectives: ReadonlyMap<string, readonly { words: readonly string[]; actor: CollectiveActorRecord }[]>;
}

/** Compiles a lexicon file. `createEventLexicon(file).triggers.get('زار')` → the visit trigger. */
export function createEventLexicon(file: EventLexiconFile): EventLexicon {
  const triggers = new Map<string, TriggerRecord[]>();
  for (const record of file.triggers) {
    // Slot names are written as words (على، إلى); compare them normalized, like the text.
    const compiled: TriggerRecord = { ...record, target: record.target.map((slot) => normalizeArabic(slot)) };
    for (const form of record.forms) {
      const list = triggers.get(form) ?? [];
      list.push(compiled);
      triggers.set(form, list);
    }
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
  return { triggers, collectives };
}

let shipped: EventLexicon | undefined;

/** The lexicon of data/events/triggers.json, compiled on first use. */
export function defaultEventLexicon(): EventLexicon {
  shipped ??= createEventLexicon(lexiconData as unknown as EventLexiconFile);
  return shipped;
}
