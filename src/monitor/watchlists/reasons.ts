import type { AnalyzedDocument } from '../../core/document.ts';
import type { MatchReason } from '../types.ts';
import { type ActorRef, refMatches } from './actor-ref.ts';
import type { DocIndex } from './doc-index.ts';

// The structured conditions of a watch query, each finding the first place of the document satisfying it.

// Strict readings of the names first, then a name as part of a longer one (see `refMatches`).
const PASSES = [true, false] as const;

/**
 * An actor is named when an entity (or, failing that, a speaker or an event side) is the one referred to;
 * the reason points at its first mention. `actorReason(ref, doc, index)?.detail` → `'Vladimir Putin'`.
 */
export function actorReason(ref: ActorRef, doc: AnalyzedDocument, index: DocIndex): MatchReason | undefined {
  const written = [
    ...(doc.annotations.quotes ?? []).flatMap((q) => (q.speaker === undefined ? [] : [q.speaker])),
    ...(doc.annotations.events ?? []).flatMap((e) => [e.source, e.target].filter((a) => a !== undefined)),
  ];
  for (const strict of PASSES) {
    for (const { candidate, mentions } of index.entities.values()) {
      if (!refMatches(ref, candidate, { strict })) continue;
      // The first time the actor is named, rather than described (الزعيم الكوري الشمالي), explains best.
      const earliest = (list: typeof mentions) =>
        list.reduce<(typeof mentions)[number] | undefined>((a, m) => (a === undefined || m.start < a.start ? m : a), undefined);
      const first = earliest(mentions.filter((m) => m.via !== 'description')) ?? earliest(mentions);
      if (first !== undefined)
        return {
          kind: 'actor',
          start: first.start,
          end: first.end,
          text: first.text,
          detail: candidate.name,
        };
    }
    for (const actor of written) {
      const candidate = index.candidateOf(actor);
      if (refMatches(ref, candidate, { strict }))
        return {
          kind: 'actor',
          start: actor.start,
          end: actor.end,
          text: actor.text,
          detail: candidate.name,
        };
    }
  }
  return undefined;
}

/** A quote whose speaker is the actor. `quoteReason(ref, doc, index)?.text` → the quote's words. */
export function quoteReason(ref: ActorRef, doc: AnalyzedDocument, index: DocIndex): MatchReason | undefined {
  for (const strict of PASSES) {
    for (const quote of doc.annotations.quotes ?? []) {
      if (quote.speaker === undefined) continue;
      const candidate = index.candidateOf(quote.speaker);
      if (refMatches(ref, candidate, { strict }))
        return {
          kind: 'quote',
          start: quote.start,
          end: quote.end,
          text: quote.text,
          detail: candidate.name,
        };
    }
  }
  return undefined;
}

/**
 * An event with one of the types, source and target — all on the same event. An event the text says did not
 * happen is no news of that kind of event. `eventReason(doc, index, new Set(['THREATEN']), kor, undefined)?.detail`
 * → `'THREATEN: South Korea → Russia'`.
 */
export function eventReason(
  doc: AnalyzedDocument,
  index: DocIndex,
  types: ReadonlySet<string> | undefined,
  source: ActorRef | undefined,
  target: ActorRef | undefined,
): MatchReason | undefined {
  for (const strict of PASSES) {
    const side = { eventSide: true, strict };
    for (const event of doc.annotations.events ?? []) {
      if (event.negated) continue;
      if (types !== undefined && !types.has(event.type)) continue;
      const from = event.source === undefined ? undefined : index.candidateOf(event.source);
      const to = event.target === undefined ? undefined : index.candidateOf(event.target);
      if (source !== undefined && (from === undefined || !refMatches(source, from, side))) continue;
      if (target !== undefined && (to === undefined || !refMatches(target, to, side))) continue;
      const sides = [from?.name, to?.name].filter((n) => n !== undefined).join(' → ');
      return {
        kind: 'event',
        start: event.start,
        end: event.end,
        text: event.text,
        detail: sides === '' ? event.type : `${event.type}: ${sides}`,
      };
    }
  }
  return undefined;
}
