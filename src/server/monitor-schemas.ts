import { Type } from 'typebox';
import { Count, Limit, Offset } from './schemas.ts';

/**
 * The JSON shapes of the monitoring routes (sources, watchlists, alerts), mirroring src/monitor/types.ts.
 * Webhook secrets are write-only: answers say whether one is set, never what it is.
 */

const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });
const Ref = Type.String({ minLength: 1, maxLength: 200 });
const HttpUrl = Type.String({ maxLength: 2000, pattern: '^https?://' });

export const IdParams = Type.Object({ id: Id });

const SourceKind = Type.Union([Type.Literal('feed'), Type.Literal('sitemap')]);

export const SourceBody = Type.Object(
  {
    url: HttpUrl,
    every: Type.Optional(Type.String({ pattern: '^\\d+(\\.\\d+)?\\s*(s|m|h|d)$', description: 'polling interval: 30s, 15m, 1h, 1d (default 15m)' })),
    kind: Type.Optional(SourceKind),
    name: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const SourceRecord = Type.Object({
  id: Type.String(),
  url: Type.String(),
  kind: Type.Optional(SourceKind),
  name: Type.Optional(Type.String()),
  everyMs: Count,
  addedAt: Type.String(),
  etag: Type.Optional(Type.String()),
  lastModified: Type.Optional(Type.String()),
  nextPollAt: Type.String(),
  health: Type.Object({
    lastPollAt: Type.Optional(Type.String()),
    lastSuccessAt: Type.Optional(Type.String()),
    lastErrorAt: Type.Optional(Type.String()),
    lastError: Type.Optional(Type.String()),
    lastStatus: Type.Optional(Type.Integer()),
    polls: Count,
    notModified: Count,
    errors: Count,
    failures: Count,
    itemsFound: Count,
    itemsIngested: Count,
    meanDelayMs: Type.Optional(Type.Number()),
  }),
});

export const SourcesResult = Type.Object({ sources: Type.Array(SourceRecord) });

const PloverType = Type.String({ pattern: '^[A-Z_]{2,20}$' });

export const WatchQuery = Type.Object(
  {
    text: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'words, "phrases", prefix*: all must occur' })),
    actors: Type.Optional(Type.Array(Ref, { minItems: 1, maxItems: 10, description: 'actors all named (id or any spelling)' })),
    speaker: Type.Optional(Ref),
    eventTypes: Type.Optional(Type.Array(PloverType, { minItems: 1, maxItems: 20, description: 'PLOVER event types, any of' })),
    eventSource: Type.Optional(Ref),
    eventTarget: Type.Optional(Ref),
    source: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'outlet name or URL host' })),
  },
  { additionalProperties: false, description: 'every given condition must hold' },
);

export const WatchlistBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    query: WatchQuery,
    webhook: Type.Optional(Type.Object({ url: HttpUrl, secret: Type.Optional(Type.String({ minLength: 8, maxLength: 200 })) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);

export const WatchlistView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  createdAt: Type.String(),
  query: WatchQuery,
  webhook: Type.Optional(Type.Object({ url: Type.String(), hasSecret: Type.Boolean() })),
  atom: Type.String({ description: 'path of the Atom feed of its alerts' }),
});

export const WatchlistsResult = Type.Object({ watchlists: Type.Array(WatchlistView) });

const MatchReason = Type.Object({
  kind: Type.Union([Type.Literal('text'), Type.Literal('actor'), Type.Literal('quote'), Type.Literal('event'), Type.Literal('source')]),
  start: Type.Integer(),
  end: Type.Integer(),
  text: Type.String(),
  detail: Type.Optional(Type.String()),
});

export const AlertRecord = Type.Object({
  id: Type.String(),
  watchlistId: Type.String(),
  clusterId: Type.String(),
  articleId: Type.String(),
  title: Type.Optional(Type.String()),
  url: Type.Optional(Type.String()),
  outlet: Type.Optional(Type.String()),
  publishedAt: Type.Optional(Type.String()),
  createdAt: Type.String(),
  match: Type.Object({ reasons: Type.Array(MatchReason) }),
  delivery: Type.Object({
    status: Type.Union([Type.Literal('none'), Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')]),
    attempts: Count,
    nextAttemptAt: Type.Optional(Type.String()),
    lastError: Type.Optional(Type.String()),
    deliveredAt: Type.Optional(Type.String()),
  }),
});

export const AlertsQuerystring = Type.Object({
  watchlist: Type.Optional(Id),
  limit: Limit(500, 50),
  offset: Offset,
});

export const AlertsResult = Type.Object({ alerts: Type.Array(AlertRecord) });

export const AtomQuerystring = Type.Object({ limit: Limit(500, 100) });
