import type { EventType } from '../../core/annotations.ts';

/** Where an event's other actor sits relative to its trigger. */
export type TargetSlot = 'object' | 'clause' | 'place' | string;

/** One trigger of data/events/triggers.json: normalized forms and what they code. */
export interface TriggerRecord {
  /** Normalized spellings without proclitics (زار، زارت، يزور، زياره، زيارته…). */
  readonly forms: readonly string[];
  /** Normalized words of which one must follow within a few words (وقع → اتفاق); empty when the form suffices. */
  readonly requires: readonly string[];
  readonly type: EventType;
  readonly mode?: string;
  /** Verb forms take a subject; verbal nouns a possessor (زيارة كيم). */
  readonly pos: 'verb' | 'noun';
  /** Target slots tried in order: object, a preposition (مع، على، إلى…), clause, place. */
  readonly target: readonly TargetSlot[];
  /** Both participants act on each other (تبادل): coded in both directions. */
  readonly reciprocal: boolean;
  /** Where the record comes from. */
  readonly origin: string;
}

/** A group named without a registry entity (بلدان غربية → Western countries, WST). */
export interface CollectiveActorRecord {
  /** Normalized phrases, words separated by one space. */
  readonly forms: readonly string[];
  readonly name: string;
  readonly code: string;
}

export interface EventLexiconFile {
  readonly generatedBy: string;
  readonly sources: readonly string[];
  readonly triggers: readonly TriggerRecord[];
  readonly collectives: readonly CollectiveActorRecord[];
}
