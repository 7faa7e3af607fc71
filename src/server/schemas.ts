import { Type } from 'typebox';

/**
 * The API's JSON shapes, as TypeBox schemas: fastify validates requests and serializes responses with them,
 * and @fastify/swagger turns them into the OpenAPI description. Open-ended records (an analyzed document, an
 * article source) are `additionalProperties: true` so serialization keeps every field.
 */

export const ErrorBody = Type.Object(
  { error: Type.Object({ code: Type.String({ description: 'stable code, E_…' }), message: Type.String() }) },
  { $id: 'Error', description: 'Every 4xx/5xx answer' },
);

/** Dates compare as ISO strings: a year, month, day or full date-time. */
export const IsoDate = Type.String({ pattern: '^\\d{4}(-\\d{2}(-\\d{2}([T ][0-9:.]+(Z|[+-]\\d{2}:?\\d{2})?)?)?)?$', maxLength: 40 });
const ActorId = Type.String({ minLength: 1, maxLength: 300 });
/** A page size from 1 to `max`, `fallback` when absent. */
export const Limit = (max: number, fallback: number) => Type.Integer({ minimum: 1, maximum: max, default: fallback });
export const Offset = Type.Integer({ minimum: 0, maximum: 100_000, default: 0 });
const Open = (description: string) => Type.Object({}, { additionalProperties: true, description });
export const Count = Type.Integer({ minimum: 0 });
const Share = Type.Number({ minimum: 0, maximum: 1 });

export const Health = Type.Object({ ok: Type.Boolean(), version: Type.String() });

export const StoreStats = Type.Object({
  articles: Count,
  sightings: Count,
  analyses: Count,
  entities: Count,
  quotes: Count,
  events: Count,
});

const SpanSchema = Type.Object({ start: Type.Integer(), end: Type.Integer() });
const Highlighted = Type.Object({ text: Type.String(), highlights: Type.Array(SpanSchema) });

export const SearchQuerystring = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 500, description: 'words, "phrases", prefix*; spelling-insensitive' })),
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  source: Type.Optional(Type.String({ maxLength: 200, description: 'outlet name or URL host' })),
  entity: Type.Optional(Type.String({ maxLength: 300, description: 'entity id or name' })),
  limit: Limit(100, 20),
  offset: Offset,
});

export const SearchResult = Type.Object({
  hits: Type.Array(
    Type.Object({
      articleId: Type.String(),
      title: Type.Optional(Type.String()),
      publishedAt: Type.Optional(Type.String()),
      url: Type.Optional(Type.String()),
      outlet: Type.Optional(Type.String()),
      score: Type.Number(),
      titleHighlights: Type.Optional(Highlighted),
      snippet: Highlighted,
      snippetStart: Type.Integer(),
    }),
  ),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

export const ArticleParams = Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{32}$', description: 'article id (32 hex)' }) });

const Sighting = Type.Object({
  rawId: Type.String(),
  sourceKey: Type.String(),
  source: Open('where it was read (ArticleSource)'),
  title: Type.Optional(Type.String()),
  publishedAt: Type.Optional(Type.String()),
  relation: Type.Union([Type.Literal('original'), Type.Literal('exact'), Type.Literal('near')]),
  similarity: Type.Number(),
});

export const ArticleResult = Type.Object({
  article: Type.Object({
    id: Type.String(),
    title: Type.Optional(Type.String()),
    publishedAt: Type.Optional(Type.String()),
    author: Type.Optional(Type.String()),
    language: Type.Optional(Type.String()),
    url: Type.Optional(Type.String()),
    outlet: Type.Optional(Type.String()),
    source: Open('where it was first read (ArticleSource)'),
    cleanText: Type.String(),
    hasAnalysis: Type.Boolean(),
  }),
  analysis: Type.Union([Open('the AnalyzedDocument JSON (schemaVersion, article, annotations)'), Type.Null()]),
  cluster: Type.Union([Type.Object({ id: Type.String(), articleId: Type.String(), sightings: Type.Array(Sighting) }), Type.Null()]),
});

const MAX_TEXT = 1_000_000;
const ArticleInput = {
  text: Type.Optional(Type.String({ minLength: 1, maxLength: MAX_TEXT, description: 'the article as plain text' })),
  html: Type.Optional(Type.String({ minLength: 1, maxLength: MAX_TEXT, description: 'the article as an HTML page' })),
  title: Type.Optional(Type.String({ maxLength: 1000 })),
  publishedAt: Type.Optional(IsoDate),
};

export const AnalyzeBody = Type.Object(ArticleInput, { additionalProperties: false, description: 'give text or html' });
export const AnalyzedDocument = Open('the AnalyzedDocument JSON: schemaVersion, article (with cleanText), annotations');

export const IngestBody = Type.Object(
  {
    ...ArticleInput,
    url: Type.Optional(Type.String({ maxLength: 2000, pattern: '^https?://' })),
    outlet: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false, description: 'give text or html' },
);

export const IngestResult = Type.Object({
  articleId: Type.String(),
  relation: Type.Union([Type.Literal('original'), Type.Literal('exact'), Type.Literal('near')]),
  clusterId: Type.String(),
});

const ArabicName = Type.Optional(
  Type.String({ description: "the registry actor's Arabic name, when its canonical name is not Arabic" }),
);

const ActorSummaryFields = {
  id: Type.String(),
  name: Type.String(),
  arabicName: ArabicName,
  type: Type.String(),
  country: Type.Optional(Type.String()),
  role: Type.Optional(Type.String()),
  articles: Count,
  mentions: Count,
  quotes: Count,
  events: Count,
};

export const ActorsQuerystring = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200, description: 'part of the name, any spelling' })),
  type: Type.Optional(Type.Union([Type.Literal('PER'), Type.Literal('ORG'), Type.Literal('LOC'), Type.Literal('MISC')])),
  limit: Limit(500, 50),
  offset: Offset,
});

export const ActorsResult = Type.Object({ actors: Type.Array(Type.Object(ActorSummaryFields)) });

export const ActorParams = Type.Object({ id: ActorId });
export const ActorQuerystring = Type.Object({ limit: Limit(1000, 100) });

const ArticleRef = {
  articleId: Type.String(),
  title: Type.Optional(Type.String()),
  publishedAt: Type.Optional(Type.String()),
  start: Type.Integer(),
  end: Type.Integer(),
  text: Type.String(),
};

export const ActorResult = Type.Object({
  actor: Type.Object({ ...ActorSummaryFields, wikidata: Type.Optional(Type.String()), titles: Type.Optional(Type.Array(Type.String())) }),
  quotes: Type.Array(Type.Object({ ...ArticleRef, form: Type.String(), cue: Type.Optional(Type.String()) })),
  events: Type.Array(
    Type.Object({
      ...ArticleRef,
      type: Type.String(),
      mode: Type.Optional(Type.String()),
      role: Type.Union([Type.Literal('source'), Type.Literal('target')]),
      other: Type.Optional(Type.Object({ name: Type.String(), arabicName: ArabicName, entityId: Type.Optional(Type.String()), country: Type.Optional(Type.String()) })),
      time: Type.Optional(Type.String()),
    }),
  ),
  coActors: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), arabicName: ArabicName, type: Type.String(), weight: Count })),
});

export const NetworkQuerystring = Type.Object({
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  actor: Type.Optional(ActorId),
  limit: Limit(500, 100),
});

export const NetworkResult = Type.Object({
  nodes: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), arabicName: ArabicName, type: Type.String(), country: Type.Optional(Type.String()), weight: Count })),
  edges: Type.Array(Type.Object({ source: Type.String(), target: Type.String(), weight: Count, cooccur: Count, quotes: Count, events: Count })),
});

export const TimelineQuerystring = Type.Object({
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  actor: Type.Optional(ActorId),
  type: Type.Optional(Type.String({ pattern: '^[A-Z_]{1,20}$', description: 'event type (PLOVER), e.g. CONSULT' })),
});

export const TimelineResult = Type.Object({
  days: Type.Array(
    Type.Object({ date: Type.String(), articles: Count, events: Type.Record(Type.String(), Type.Integer(), { description: 'events per type' }) }),
  ),
});

export const IntegrityQuerystring = Type.Object({ limit: Limit(500, 20) });

export const IntegrityResult = Type.Object({
  duplicateClusters: Type.Array(
    Type.Object({ clusterId: Type.String(), articleId: Type.String(), title: Type.Optional(Type.String()), copies: Count, outlets: Type.Array(Type.String()) }),
  ),
  mismatchedHeadlines: Type.Array(
    Type.Object({ articleId: Type.String(), title: Type.String(), suggested: Type.Optional(Type.String()), score: Type.Number() }),
  ),
  boilerplate: Type.Array(Type.Object({ reason: Type.String(), count: Count })),
  sources: Type.Array(
    Type.Object({
      source: Type.String(),
      articles: Count,
      mismatchedShare: Share,
      nearDuplicateShare: Share,
      republishedShare: Share,
      boilerplatePerArticle: Type.Number({ minimum: 0 }),
      topBoilerplate: Type.Array(Type.Object({ text: Type.String(), count: Count })),
    }),
  ),
});

export const QueueStatus = Open('the queue status, as src/queue reports it');

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'a day, YYYY-MM-DD' });

export const TrendsQuerystring = Type.Object({
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  days: Type.Integer({ minimum: 1, maximum: 90, default: 7, description: 'the last days that have articles, when from/to are not given' }),
  baselineDays: Type.Integer({ minimum: 1, maximum: 90, default: 14, description: "days before each day that make an actor's baseline" }),
  limit: Limit(50, 10),
});

export const TrendsResult = Type.Object({
  days: Type.Array(
    Type.Object({
      date: Type.String(),
      stories: Type.Array(
        Type.Object({
          clusterId: Type.String(),
          articleId: Type.String(),
          title: Type.Optional(Type.String()),
          sources: Count,
          outlets: Type.Array(Type.String()),
          sightings: Count,
        }),
        { description: 'most distinct sources first' },
      ),
      risingActors: Type.Array(
        Type.Object({
          id: Type.String(),
          name: Type.String(),
          arabicName: ArabicName,
          type: Type.String(),
          count: Count,
          baseline: Type.Number({ minimum: 0 }),
          score: Type.Number({ description: '(count − baseline) / √(baseline + 1)' }),
        }),
        { description: 'highest score first' },
      ),
    }),
    { description: 'newest first' },
  ),
});
