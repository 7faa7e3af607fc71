import type { Annotations, Entity } from '../api/types.ts';
import { href, withParams } from '../router.ts';
import type { LayerKey, Mark } from './segments.ts';

/** The marks of every enabled layer. Dates come from the `times` layer, else from quote and event dates. */
export function collectMarks(annotations: Annotations, enabled: ReadonlySet<LayerKey>): Mark[] {
  const marks: Mark[] = [];
  const add = (layer: LayerKey, index: number, span: { start: number; end: number } | undefined) => {
    if (span && enabled.has(layer)) marks.push({ layer, index, start: span.start, end: span.end });
  };
  const { mentions = [], quotes = [], events = [], times = [] } = annotations;
  mentions.forEach((mention, i) => {
    add('entity', i, mention);
  });
  quotes.forEach((quote, i) => {
    add('quote', i, quote);
    add('speaker', i, quote.speaker);
  });
  events.forEach((event, i) => {
    add('event', i, event.trigger);
  });
  if (times.length > 0) {
    times.forEach((time, i) => {
      add('time', i, time);
    });
  } else {
    // No time layer yet: still show the dates quotes and events carry (index -1: no record of its own).
    for (const quote of quotes) add('time', -1, quote.date);
    for (const event of events) add('time', -1, event.time);
  }
  return marks;
}

/** Entities by id, for names and links. */
export function entityIndex(annotations: Annotations): Map<string, Entity> {
  return new Map((annotations.entities ?? []).map((entity) => [entity.id, entity]));
}

/**
 * Where an entity's page is: registry actors (`actor:…`) have their own; a per-article entity (`doc:e1`) is
 * looked up by name among the stored actors.
 */
export function actorHref(entity: { id: string; name: string }): string {
  return isActorId(entity.id) ? href('actor', entity.id) : withParams(href('actors'), { q: entity.name });
}

/** Registry actors have pages; per-article entities (`doc:e1`) do not. */
export function isActorId(id: string | undefined): id is string {
  return id?.startsWith('actor:') === true;
}
