import type { EntityType } from '../../../core/annotations.ts';

/**
 * The shape of data/actors/actors.json, written by scripts/build-actors.ts and read at run time.
 * Variants are stored as written; the registry normalizes them once when it is built.
 */

/** An office held between two dates (ISO, possibly partial: `2012`, `2012-05`); no `to` = still held. */
export interface ActorRoleRecord {
  /** Role key from data/actors/sources/titles.tsv and leaders-and-officials.tsv (`president`, `foreign-minister`). */
  readonly key: string;
  /** Where the office is: an ISO 3166 alpha-3 code (`RUS`) or an actor id (`actor:united-nations`). */
  readonly scope: string;
  readonly from?: string;
  readonly to?: string;
}

export interface ActorRecord {
  /** Stable id, `actor:kim-jong-un`. */
  readonly id: string;
  /** Canonical name (English for hand-written entries, Arabic for entries mined from PETRARCH). */
  readonly name: string;
  readonly type: EntityType;
  /** Finer kind: country, capital, city, region, geo, person, igo, agency, seat-of-power, military, weapon… */
  readonly kind: string;
  /** ISO 3166 alpha-3. */
  readonly country?: string;
  readonly role?: string;
  readonly wikidata?: string;
  /** For capitals: the actor a mention stands for (`موسكو` → `actor:russia`). */
  readonly metonymOf?: string;
  readonly roles?: readonly ActorRoleRecord[];
  /** Arabic names as written in news. */
  readonly ar: readonly string[];
  /** Which source table the entry comes from. */
  readonly source: string;
}

/** A nationality adjective form (`الروسي`, `الروسية`, `روسي`) and its country. */
export interface DemonymRecord {
  readonly form: string;
  readonly country: string;
}

/** A title that, with a nationality adjective, describes an office holder. */
export interface TitleRecord {
  readonly key: string;
  /** Role keys of the holders the title may describe (`الزعيم` → leader, president, king…). */
  readonly accepts: readonly string[];
  readonly ar: readonly string[];
}

export interface ActorsFile {
  readonly generatedBy: string;
  readonly sources: readonly string[];
  readonly actors: readonly ActorRecord[];
  readonly demonyms: readonly DemonymRecord[];
  readonly titles: readonly TitleRecord[];
  /** Words that open a title in apposition (without ال). */
  readonly titleWords: readonly string[];
  /** Phrases that contain an actor's name without naming it. */
  readonly blocked: readonly string[];
  /** Name words that never stand alone for a person (given names, بن, ordinals). */
  readonly nameParts: readonly string[];
}
