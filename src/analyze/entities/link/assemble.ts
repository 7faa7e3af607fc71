import type { Entity, Mention } from '../../../core/annotations.ts';
import { compareSpans } from '../../../core/span.ts';
import { arabicNameOf, type Registry } from '../registry/registry.ts';
import type { Draft, LinkResult } from './types.ts';

// When two readings claim the same span, the surer one stays.
const PRIORITY: Readonly<Record<Mention['via'], number>> = {
  registry: 0,
  description: 1,
  coreference: 2,
  model: 3,
};

/**
 * Turns drafts into the output records: one mention per span, entities in order of first mention, per-article
 * ids `doc:e1`, `doc:e2`… for names the registry does not know, and apposition titles on their entities.
 */
export function assemble(
  registry: Registry,
  drafts: readonly Draft[],
  titles: ReadonlyMap<string, readonly string[]>,
): LinkResult {
  const sorted = [...drafts].sort((a, b) => compareSpans(a, b) || PRIORITY[a.via] - PRIORITY[b.via]);
  const kept: Draft[] = [];
  for (const d of sorted) {
    const last = kept.at(-1);
    if (last !== undefined && last.start === d.start && last.end === d.end) continue;
    kept.push(d);
  }
  const ids = new Map<string, string>();
  const names = new Map<string, string>();
  for (const d of kept) {
    if (!ids.has(d.key)) ids.set(d.key, d.key.startsWith('actor:') ? d.key : `doc:e${ids.size + 1}`);
    // A doc entity is called by its longest name in the article.
    if (d.via !== 'description' && (names.get(d.key)?.length ?? 0) < d.text.length) names.set(d.key, d.text);
  }
  const mentions: Mention[] = kept.map((d) => ({
    kind: 'mention',
    start: d.start,
    end: d.end,
    text: d.text,
    type: d.type,
    entityId: ids.get(d.key)!,
    via: d.via,
  }));
  const entities: Entity[] = [...ids].map(([key, id]) => {
    const type = kept.find((d) => d.key === key)!.type;
    const actor = registry.actors.get(key);
    const entity: { -readonly [K in keyof Entity]: Entity[K] } = {
      kind: 'entity',
      id,
      name: actor?.name ?? names.get(key) ?? key,
      type,
    };
    const arabic = arabicNameOf(registry, key);
    if (arabic !== undefined) entity.arabicName = arabic;
    if (actor?.country !== undefined) entity.country = actor.country;
    if (actor?.role !== undefined) entity.role = actor.role;
    if (actor?.wikidata !== undefined) entity.wikidata = actor.wikidata;
    const given = titles.get(key);
    if (given !== undefined && given.length > 0) entity.titles = given;
    return entity;
  });
  return { entities, mentions };
}
