import type { Registry } from '../../analyze/entities/registry/registry.ts';
import type { StoredItem } from '../../ingest/pipeline.ts';
import { sourceName } from '../../store/source-name.ts';
import type { Store } from '../../store/store.ts';
import type { Alert, NewAlert, Watchlist, WatchMatch, WatchQuery } from '../types.ts';
import { compileWatchQuery, type MatchMeta, type WatchMatcher } from '../watchlists/match.ts';

export interface RaiseOptions {
  /** ISO time the alerts are stamped with. */
  readonly now: string;
  /** The watchlists to check; read from the store when absent (pass them when raising for a whole batch). */
  readonly watchlists?: readonly Watchlist[];
  readonly registry?: Registry;
}

// Compiled queries, shared across calls: a batch checks the same few watchlists against every article.
const compiled = new Map<string, WatchMatcher>();
const MAX_COMPILED = 500;

function matcherOf(query: WatchQuery, registry: Registry | undefined): WatchMatcher {
  const key = JSON.stringify(query);
  let matcher = registry === undefined ? compiled.get(key) : undefined;
  if (matcher === undefined) {
    matcher = compileWatchQuery(query, registry);
    if (registry === undefined) {
      if (compiled.size >= MAX_COMPILED) compiled.clear();
      compiled.set(key, matcher);
    }
  }
  return matcher;
}

/**
 * Raises the alerts an article committed to the store calls for, and returns those newly recorded. A new
 * story is matched on its own analysis; a copy (`exact`/`near`) on its cluster's article, so a copy seen after
 * a watchlist was made can still raise the story's first alert — while the store's one alert per
 * (watchlist, cluster) keeps copies from raising a second one. Call it from `ingestItems`' `onCommitted`:
 * `onCommitted: (stored) => raiseAlerts(store, stored, {now: new Date().toISOString()})`.
 */
export async function raiseAlerts(store: Store, stored: StoredItem, options: RaiseOptions): Promise<Alert[]> {
  const watchlists = options.watchlists ?? (await store.monitor.listWatchlists());
  if (watchlists.length === 0) return [];
  const analysis =
    stored.relation === 'new'
      ? (stored.analysis ?? (await store.getAnalysis(stored.articleId)))
      : await store.getAnalysis(stored.articleId);
  // Articles stored without analysis (another language, `--no-analyze`) have nothing to match.
  if (analysis === undefined) return [];
  const places = await placesSeen(store, stored);
  const story = places[places.length - 1]!;
  const raised: Alert[] = [];
  for (const watchlist of watchlists) {
    const matcher = matcherOf(watchlist.query, options.registry);
    // The copy's own place first: a source condition asks where the story was seen.
    let match: WatchMatch | undefined;
    let place = story;
    for (const candidate of places) {
      match = matcher(analysis, candidate.meta);
      place = candidate;
      if (match !== undefined) break;
    }
    if (match === undefined) continue;
    // The alert shows the story as first stored, unless it was raised for being seen at a given source.
    const shown = watchlist.query.source === undefined ? story : place;
    const alert = await store.monitor.recordAlert({
      watchlistId: watchlist.id,
      clusterId: stored.clusterId,
      articleId: stored.articleId,
      ...shown.details,
      createdAt: options.now,
      match,
      deliver: watchlist.webhook !== undefined,
    });
    if (alert !== undefined) raised.push(alert);
  }
  return raised;
}

/** A place the story was seen: what a source condition is checked against, and what an alert then shows. */
interface Place {
  readonly meta: MatchMeta;
  readonly details: Pick<NewAlert, 'title' | 'url' | 'outlet' | 'publishedAt'>;
}

/** Where this copy was seen (its sighting), then where the story was first stored — always last. */
async function placesSeen(store: Store, stored: StoredItem): Promise<Place[]> {
  const places: Place[] = [];
  if (stored.relation !== 'new') {
    const cluster = await store.getCluster(stored.clusterId);
    const sighting = cluster?.sightings.find(
      (s) => s.rawId === stored.rawId && s.sourceKey === stored.sourceKey,
    );
    places.push(
      place(
        sighting === undefined ? undefined : sourceName(sighting.source),
        sighting?.source.url ?? stored.url,
        stored.title,
        stored.publishedAt,
      ),
    );
  }
  const article = await store.getArticle(stored.articleId);
  places.push(
    article === undefined
      ? place(undefined, stored.url, stored.title, stored.publishedAt)
      : place(
          article.outlet ?? sourceName(article.source),
          article.url,
          article.title ?? stored.title,
          article.publishedAt ?? stored.publishedAt,
        ),
  );
  return places;
}

function place(
  outlet: string | undefined,
  url: string | undefined,
  title: string | undefined,
  publishedAt: string | undefined,
): Place {
  const where = { ...(outlet === undefined ? {} : { outlet }), ...(url === undefined ? {} : { url }) };
  return {
    meta: where,
    details: {
      ...where,
      ...(title === undefined ? {} : { title }),
      ...(publishedAt === undefined ? {} : { publishedAt }),
    },
  };
}
