import type { EventType } from '../../core/annotations.ts';

/** Where an event's other actor sits relative to its trigger. */
export type TargetSlot = 'object' | 'clause' | 'place' | string;

/** A verb lemma as its 3rd person masculine perfect and imperfect (قتل / يقتل); the morphology finds every form. */
export interface VerbLemmaRecord {
  readonly past: string;
  readonly present: string;
}

/** A noun lemma (verbal noun, participle): singular indefinite, with broken plurals listed (هجوم, هجمات). */
export interface NounLemmaRecord {
  readonly form: string;
  readonly plurals?: readonly string[];
}

/** One trigger of data/events/triggers.json: lemmas (all their inflections match) and what they code. */
export interface TriggerRecord {
  /** Verb lemmas (pos verb). */
  readonly verbs?: readonly VerbLemmaRecord[];
  /** Noun lemmas (pos noun). */
  readonly nouns?: readonly NounLemmaRecord[];
  /** Exact normalized spellings without proclitics, for words the morphology does not derive. */
  readonly words?: readonly string[];
  /** Normalized noun lemmas or words of which one must follow within a few words (وقع → اتفاق); empty when the form suffices. */
  readonly requires: readonly string[];
  /** Normalized words that, near the trigger, show another sense (أصيب + كورونا, احتل + المركز): no event. */
  readonly unless?: readonly string[];
  readonly type: EventType;
  readonly mode?: string;
  /** Verb forms take a subject; verbal nouns a possessor (زيارة كيم). */
  readonly pos: 'verb' | 'noun';
  /** Target slots tried in order: object, a preposition (مع، على، إلى…), clause, place. */
  readonly target: readonly TargetSlot[];
  /** Both participants act on each other (تبادل، اشتباك): coded in both directions. */
  readonly reciprocal: boolean;
  /**
   * The one named right after the word is the one it happens to (قُتل 5 مدنيين، مقتل جندي، اعتقال الناشط): a noun's
   * genitive and a bare verb's following actor are the target, not the source.
   */
  readonly patient?: boolean;
  /** Its subject undergoes it (استشهد الجندي، لقي ثلاثة حتفهم): whoever is named as the subject is the target. */
  readonly undergoer?: boolean;
  /**
   * A word of many senses (أصاب: hurt, afflict, hit the mark): an act of force only in a sentence that tells of
   * violence (a weapon, an attack, a clash), not of an illness, a worry or an accident at home.
   */
  readonly violence?: boolean;
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

/** A spelling the morphology reads as a trigger lemma that is another word in news (هنا is not هنأ). */
export interface HomographRecord {
  /** Normalized, without the clitics the tokenizer splits off. */
  readonly word: string;
  /** The lemma id it is not (v:…, n:…), or * for every lemma. */
  readonly lemma: string;
}

export interface EventLexiconFile {
  readonly generatedBy: string;
  readonly sources: readonly string[];
  readonly triggers: readonly TriggerRecord[];
  readonly homographs: readonly HomographRecord[];
  readonly collectives: readonly CollectiveActorRecord[];
}
