import actorsFile from '../../../../data/actors/actors.json' with { type: 'json' };
import type { EntityType } from '../../../core/annotations.ts';
import { isArabicChar, normalizeArabic } from '../../../text/normalize.ts';
import { createTokenizer } from '../../../text/tokenize.ts';
import type { ActorRecord, ActorsFile, TitleRecord } from './actors-file.ts';

/** A name as a sequence of normalized words, and what it names (`null` = a blocked phrase that names nothing). */
export interface VariantEntry {
  readonly words: readonly string[];
  readonly actorIds: readonly string[] | null;
}

/** A title phrase as normalized words. */
export interface TitleEntry {
  readonly words: readonly string[];
  readonly title: TitleRecord;
}

/** The actor registry compiled for lookups: built once, shared by every document. */
export interface Registry {
  readonly actors: ReadonlyMap<string, ActorRecord>;
  /** First word → the variants starting with it, longest first. */
  readonly variants: ReadonlyMap<string, readonly VariantEntry[]>;
  /** Nationality adjective (normalized words joined by a space) → ISO3 country. */
  readonly demonyms: ReadonlyMap<string, string>;
  /** Longest demonym, in words. */
  readonly maxDemonymWords: number;
  /** First word → title phrases starting with it, longest first. */
  readonly titles: ReadonlyMap<string, readonly TitleEntry[]>;
  /** Words opening a title in apposition, normalized, without ال. */
  readonly titleWords: ReadonlySet<string>;
  /** Name words that never stand alone for a person, normalized. */
  readonly nameParts: ReadonlySet<string>;
  /** ISO3 → the country's actor id. */
  readonly countryActors: ReadonlyMap<string, string>;
}

// Variants are split into words the way the text is, so hyphenated names (كومسومولسك-نا-آمور, سو-35) stay whole.
const splitWords = createTokenizer({ splitClitics: false });

/** The normalized words of a phrase. `phraseWords('البيت الأبيض')` → `['البيت', 'الابيض']`. */
export function phraseWords(phrase: string): string[] {
  return splitWords(phrase).map((t) => t.norm);
}

function pushSorted<T extends { words: readonly string[] }>(map: Map<string, T[]>, entry: T): void {
  const first = entry.words[0];
  if (first === undefined) return;
  const list = map.get(first) ?? [];
  list.push(entry);
  list.sort((a, b) => b.words.length - a.words.length);
  map.set(first, list);
}

/**
 * Compiles an actors file into lookup tables. `createRegistry(file).variants.get('موسكو')` → the Moscow entry.
 * Two actors sharing a variant (عمان: Oman and Amman) share one entry listing both; linking chooses in context.
 */
export function createRegistry(file: ActorsFile): Registry {
  const actors = new Map<string, ActorRecord>();
  const byKey = new Map<string, { words: string[]; actorIds: string[] | null }>();
  const countryActors = new Map<string, string>();
  for (const actor of file.actors) {
    actors.set(actor.id, actor);
    if (actor.kind === 'country' && actor.country !== undefined) countryActors.set(actor.country, actor.id);
    for (const variant of actor.ar) {
      const words = phraseWords(variant);
      const key = words.join(' ');
      const entry = byKey.get(key);
      // Hand-written tables come first in the file; a mined entry never makes a hand-written name ambiguous.
      if (entry === undefined) byKey.set(key, { words, actorIds: [actor.id] });
      else if (
        entry.actorIds !== null &&
        !entry.actorIds.includes(actor.id) &&
        !actor.source.startsWith('petrarch')
      ) {
        entry.actorIds.push(actor.id);
      }
    }
  }
  for (const phrase of file.blocked) {
    const words = phraseWords(phrase);
    byKey.set(words.join(' '), { words, actorIds: null });
  }
  const variants = new Map<string, VariantEntry[]>();
  for (const entry of byKey.values()) pushSorted(variants, entry);

  const demonyms = new Map<string, string>();
  let maxDemonymWords = 0;
  for (const { form, country } of file.demonyms) {
    const words = phraseWords(form);
    demonyms.set(words.join(' '), country);
    maxDemonymWords = Math.max(maxDemonymWords, words.length);
  }
  const titles = new Map<string, TitleEntry[]>();
  for (const title of file.titles)
    for (const phrase of title.ar) pushSorted(titles, { words: phraseWords(phrase), title });
  const titleWords = new Set(file.titleWords.map((w) => normalizeArabic(w).replace(/^ال/, '')));
  const nameParts = new Set(file.nameParts.map((w) => normalizeArabic(w)));
  return { actors, variants, demonyms, maxDemonymWords, titles, titleWords, nameParts, countryActors };
}

let shipped: Registry | undefined;

/** The registry of data/actors/actors.json, compiled on first use. */
export function defaultRegistry(): Registry {
  shipped ??= createRegistry(actorsFile as unknown as ActorsFile);
  return shipped;
}

/**
 * What an Arabic reader calls a registry actor whose canonical name is not Arabic (hand-written entries are
 * named in English): its first Arabic variant. Undefined for unknown ids and for actors named in Arabic.
 * `arabicNameOf(defaultRegistry(), 'actor:kim-jong-un')` → `'كيم جونغ أون'`.
 */
export function arabicNameOf(registry: Registry, actorId: string): string | undefined {
  const actor = registry.actors.get(actorId);
  if (actor === undefined || [...actor.name].some(isArabicChar)) return undefined;
  return actor.ar[0];
}

/** The entity type a mention of the actor gets: a capital used for its country is the country's type. */
export function actorType(registry: Registry, actorId: string): EntityType {
  return registry.actors.get(actorId)?.type ?? 'MISC';
}
