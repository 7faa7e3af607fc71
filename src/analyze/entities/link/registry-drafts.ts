import type { RegistryMatch } from '../registry/match.ts';
import type { Registry } from '../registry/registry.ts';
import type { Draft } from './types.ts';

/** The country an actor belongs to or stands for. */
function countryOf(registry: Registry, actorId: string): string | undefined {
  return registry.actors.get(actorId)?.country;
}

/**
 * Chooses among actors sharing a name (عمان: Oman or Amman) by the article: the one whose country the
 * article names elsewhere without doubt; else the first, hand-written entries coming first. People sharing a
 * full name are not guessed: `undefined` leaves the name to the article's own entities.
 */
function choose(
  registry: Registry,
  ids: readonly string[],
  articleCountries: ReadonlyMap<string, number>,
): string | undefined {
  if (ids.length === 1) return ids[0];
  const scored = ids.map((id) => ({ id, score: articleCountries.get(countryOf(registry, id) ?? '') ?? 0 }));
  scored.sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (best !== undefined && best.score > (second?.score ?? 0)) return best.id;
  if (ids.every((id) => registry.actors.get(id)?.type === 'PER')) return undefined;
  return ids[0];
}

/**
 * Registry matches as mentions of canonical actors; a capital stands for its country (موسكو → Russia), except
 * inside a longer registry name.
 * Ambiguous names are settled by the countries the article names without ambiguity.
 */
export function registryDrafts(registry: Registry, matches: readonly RegistryMatch[]): Draft[] {
  const articleCountries = new Map<string, number>();
  for (const m of matches) {
    if (m.actorIds.length !== 1) continue;
    const country = countryOf(registry, m.actorIds[0]!);
    if (country !== undefined) articleCountries.set(country, (articleCountries.get(country) ?? 0) + 1);
  }
  const drafts: Draft[] = [];
  for (const m of matches) {
    const chosen = choose(registry, m.actorIds, articleCountries);
    if (chosen === undefined) continue;
    const actor = registry.actors.get(chosen)!;
    // Inside a longer name (جامعة موسكو الحكومية) a capital is the city, not its government.
    const metonym = actor.metonymOf !== undefined && !m.nested;
    const target = metonym ? registry.actors.get(actor.metonymOf!) : actor;
    if (target === undefined) continue;
    drafts.push({
      start: m.start,
      end: m.end,
      text: m.text,
      tokenStart: m.tokenStart,
      tokenEnd: m.tokenEnd,
      type: target.type,
      via: 'registry',
      key: target.id,
      ...(metonym ? { place: actor.id } : {}),
    });
  }
  return drafts;
}

/**
 * A capital read as its country that lies inside a longer name the model found (ريال مدريد, a club) is the
 * city there: the country does not act in it.
 */
export function citiesInNames(registry: Registry, named: readonly Draft[], model: readonly Draft[]): Draft[] {
  return named.map((d) => {
    if (d.place === undefined) return d;
    const holder = model.some(
      (n) => n.start <= d.start && n.end >= d.end && n.end - n.start > d.end - d.start,
    );
    const city = registry.actors.get(d.place);
    if (!holder || city === undefined) return d;
    return {
      start: d.start,
      end: d.end,
      text: d.text,
      tokenStart: d.tokenStart,
      tokenEnd: d.tokenEnd,
      type: city.type,
      via: d.via,
      key: city.id,
    };
  });
}
