import { defaultRegistry, type Registry } from '../../analyze/entities/registry/registry.ts';
import type { AnalyzedDocument } from '../../core/document.ts';
import { parseQuery } from '../../store/query.ts';
import type { MatchReason, WatchMatch, WatchQuery } from '../types.ts';
import { type ActorRef, compileActorRef } from './actor-ref.ts';
import { type DocIndex, docIndex } from './doc-index.ts';
import { actorReason, eventReason, quoteReason } from './reasons.ts';
import { matchSource } from './source.ts';
import { matchTerms } from './text-terms.ts';

/** Where the article was seen, for the `source` condition. */
export interface MatchMeta {
  readonly outlet?: string;
  readonly url?: string;
}

/** A compiled watch query: the match with its reasons, or undefined. */
export type WatchMatcher = (doc: AnalyzedDocument, meta?: MatchMeta) => WatchMatch | undefined;

// The document's index is built only when a condition needs it: a source condition alone never does.
type Condition = (
  doc: AnalyzedDocument,
  index: () => DocIndex,
  meta: MatchMeta,
) => MatchReason | MatchReason[] | undefined;

/**
 * Compiles a watch query once (actor names resolved against the registry, the text parsed) into a matcher
 * for many documents. Every given condition must hold; a query with no condition matches nothing, so an
 * empty watchlist cannot flood its webhook. No Node module here: the UI can run it too.
 * `compileWatchQuery({speaker: 'بيسكوف'})(doc)?.reasons[0].kind` → `'quote'`.
 */
export function compileWatchQuery(query: WatchQuery, registry: Registry = defaultRegistry()): WatchMatcher {
  const ref = (r: string): ActorRef => compileActorRef(r, registry);
  const conditions: Condition[] = [];
  // Cheapest first: most articles fail on their source or words before the layers are looked at.
  if (query.source !== undefined) {
    const wanted = query.source;
    conditions.push((_doc, _index, meta) => matchSource(wanted, meta));
  }
  if (query.text !== undefined) {
    const terms = parseQuery(query.text);
    conditions.push((doc, index) =>
      terms.length === 0 ? undefined : matchTerms(terms, index().words, doc.article.cleanText),
    );
  }
  for (const actor of query.actors ?? []) {
    const wanted = ref(actor);
    conditions.push((doc, index) => actorReason(wanted, doc, index()));
  }
  if (query.speaker !== undefined) {
    const wanted = ref(query.speaker);
    conditions.push((doc, index) => quoteReason(wanted, doc, index()));
  }
  if (query.eventTypes !== undefined || query.eventSource !== undefined || query.eventTarget !== undefined) {
    const types =
      query.eventTypes === undefined || query.eventTypes.length === 0
        ? undefined
        : new Set(query.eventTypes.map((t) => t.toUpperCase()));
    const source = query.eventSource === undefined ? undefined : ref(query.eventSource);
    const target = query.eventTarget === undefined ? undefined : ref(query.eventTarget);
    conditions.push((doc, index) => eventReason(doc, index(), types, source, target));
  }
  return (doc, meta = {}) => {
    if (conditions.length === 0) return undefined;
    let built: DocIndex | undefined;
    const index = () => {
      built ??= docIndex(doc, registry);
      return built;
    };
    const reasons: MatchReason[] = [];
    for (const condition of conditions) {
      const found = condition(doc, index, meta);
      if (found === undefined) return undefined;
      if (Array.isArray(found)) reasons.push(...found);
      else reasons.push(found);
    }
    return { reasons };
  };
}

/**
 * Matches one query against one analyzed document. `matchWatchlist({actors: ['كيم جونغ أون', 'بوتين']}, doc)`
 * → `{reasons: [{kind: 'actor', text: 'كيم جونغ أون', detail: 'Kim Jong Un'…}, …]}`; undefined when a condition fails.
 */
export function matchWatchlist(
  query: WatchQuery,
  doc: AnalyzedDocument,
  meta?: MatchMeta,
  registry?: Registry,
): WatchMatch | undefined {
  return compileWatchQuery(query, registry)(doc, meta);
}
