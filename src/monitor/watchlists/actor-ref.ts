import { phraseWords, type Registry } from '../../analyze/entities/registry/registry.ts';
import { normalizeArabic } from '../../text/normalize.ts';
import { containsWords, nameWords } from './words.ts';

/** An actor as an article shows it: its cross-article key, the names it goes by, its country. */
export interface ActorCandidate {
  /** Registry id (`actor:…`), else `name:<normalized name>` (see `actorKey` in store/layers.ts). */
  readonly key?: string;
  /** Canonical name, for reasons. */
  readonly name: string;
  /** Every name it goes by, as normalized words: canonical name, mentions, registry variants. */
  readonly names: readonly (readonly string[])[];
  /** ISO 3166 alpha-3. */
  readonly country?: string;
}

/** A watch query's reference to an actor, resolved once when the query is compiled. */
export type ActorRef =
  | { readonly kind: 'key'; readonly raw: string; readonly key: string }
  | { readonly kind: 'country'; readonly raw: string; readonly code: string; readonly actorId?: string }
  | {
      readonly kind: 'name';
      readonly raw: string;
      readonly words: readonly string[];
      readonly ids: ReadonlySet<string>;
    };

const COUNTRY = /^[A-Z]{3}$/;

/**
 * Resolves an actor reference: an actor key (`actor:vladimir-putin`, `name:…`), an ISO3 country code (`KOR`),
 * or a name in any spelling — the registry actors known by exactly that name are remembered too, so
 * `بوتين` finds Putin even where the article calls him «الرئيس الروسي».
 * `compileActorRef('بيسكوف', defaultRegistry())` → `{kind: 'name', words: ['بيسكوف'], ids: {'actor:dmitry-peskov'}}`.
 */
export function compileActorRef(ref: string, registry: Registry): ActorRef {
  const raw = ref.trim();
  if (raw.startsWith('actor:')) return { kind: 'key', raw, key: raw };
  // Unlinked actors are keyed by their normalized name, so the key given is normalized the same way.
  if (raw.startsWith('name:'))
    return { kind: 'key', raw, key: `name:${normalizeArabic(raw.slice(5).trim())}` };
  if (COUNTRY.test(raw)) {
    const actorId = registry.countryActors.get(raw);
    return actorId === undefined
      ? { kind: 'country', raw, code: raw }
      : { kind: 'country', raw, code: raw, actorId };
  }
  return { kind: 'name', raw, words: nameWords(raw), ids: registryIds(raw, registry) };
}

/** Registry actors having this exact name among their Arabic variants. */
function registryIds(name: string, registry: Registry): Set<string> {
  const words = phraseWords(name);
  const key = words.join(' ');
  const ids = new Set<string>();
  for (const entry of registry.variants.get(words[0] ?? '') ?? []) {
    if (entry.actorIds !== null && entry.words.join(' ') === key)
      for (const id of entry.actorIds) ids.add(id);
  }
  return ids;
}

/**
 * Whether a reference designates a candidate. A country code stands for any actor of that country on a side
 * of an event (`eventSide`), elsewhere for the country itself. With `strict`, a name must be one the actor
 * goes by in full (or a registry name of it), not only a word of it: matching tries strict first so that
 * `كيم` points at Kim Jong Un, called «كيم» throughout, before Kim Jong Il.
 * `refMatches(compileActorRef('KOR', registry), {name: 'Park Jin', names: [], country: 'KOR'}, {eventSide: true})` → true.
 */
export function refMatches(
  ref: ActorRef,
  candidate: ActorCandidate,
  options: { eventSide?: boolean; strict?: boolean } = {},
): boolean {
  switch (ref.kind) {
    case 'key':
      return candidate.key === ref.key;
    case 'country':
      if (options.eventSide === true) return candidate.country === ref.code;
      return ref.actorId !== undefined && candidate.key === ref.actorId;
    case 'name': {
      if (candidate.key !== undefined && ref.ids.has(candidate.key)) return true;
      const whole = ref.words.join(' ');
      if (options.strict === true) return candidate.names.some((name) => name.join(' ') === whole);
      return candidate.names.some((name) => containsWords(name, ref.words));
    }
  }
}
