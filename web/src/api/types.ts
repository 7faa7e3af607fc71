/**
 * The HTTP API contract as the UI sees it (mirrors src/server's routes). Annotation shapes come from the
 * analyzer's own types, so a change there shows up here at type-check time.
 */
import type { Annotations, EntityType, EventType } from '../../../src/core/annotations.ts';

export type {
  Annotations,
  Entity,
  Event,
  Mention,
  Quote,
  TimeExpression,
} from '../../../src/core/annotations.ts';
export type { Removal } from '../../../src/core/article.ts';
export type { HeadlineCheck } from '../../../src/core/headline-check.ts';
export type { QueueStatus as QueueStatusResponse } from '../../../src/queue/status-types.ts';
// Shapes the server returns as the store gives them.
export type {
  Highlighted,
  IntegrityReport as IntegrityResponse,
  NetworkEdge,
  SearchHit,
  RisingActor,
  SourceProfile,
  StoreStats,
  TimelineDay,
  TrendDay,
  TrendingStory,
  Trends as TrendsResponse,
} from '../../../src/store/types.ts';
// Live monitoring: sources, watchlists and alerts, as the store keeps them.
export type {
  Alert,
  AlertDelivery,
  DeliveryStatus,
  MatchReason,
  SourceRecord,
  WatchQuery,
} from '../../../src/monitor/types.ts';
import type { Alert, SourceRecord, Watchlist, WatchlistInput } from '../../../src/monitor/types.ts';
import type { NetworkEdge, SearchHit, TimelineDay } from '../../../src/store/types.ts';

export interface SearchResponse {
  readonly hits: readonly SearchHit[];
  readonly limit: number;
  readonly offset: number;
}

/** The article part of an analyzed document, as JSON carries it. */
export interface DocumentArticle {
  readonly id: string;
  readonly title?: string;
  readonly publishedAt?: string;
  readonly source?: {
    readonly kind: string;
    readonly url?: string;
    readonly outlet?: string;
    readonly location?: string;
  };
  readonly cleanText: string;
}

export interface AnalyzedDocumentJson {
  readonly schemaVersion: number;
  readonly article: DocumentArticle;
  readonly annotations: Annotations;
}

export interface StoredArticle {
  readonly id: string;
  readonly title?: string;
  readonly publishedAt?: string;
  readonly author?: string;
  readonly url?: string;
  readonly outlet?: string;
  readonly cleanText: string;
  readonly hasAnalysis: boolean;
}

export interface Sighting {
  readonly rawId: string;
  readonly sourceKey: string;
  readonly source: {
    readonly kind: string;
    readonly url?: string;
    readonly outlet?: string;
    readonly location?: string;
  };
  readonly title?: string;
  readonly publishedAt?: string;
  readonly relation: 'original' | 'exact' | 'near';
  readonly similarity: number;
}

export interface Cluster {
  readonly id: string;
  readonly articleId: string;
  readonly sightings: readonly Sighting[];
}

export interface ArticleResponse {
  readonly article: StoredArticle;
  readonly analysis: AnalyzedDocumentJson | null;
  readonly cluster: Cluster | null;
}

export interface ActorSummary {
  readonly id: string;
  readonly name: string;
  /** The registry actor's Arabic name when its canonical name is not Arabic (the server adds it). */
  readonly arabicName?: string;
  readonly type: EntityType;
  readonly country?: string;
  readonly role?: string;
  readonly articles: number;
  readonly mentions: number;
  readonly quotes: number;
  readonly events: number;
}

export interface ActorQuote {
  readonly articleId: string;
  readonly title?: string;
  readonly publishedAt?: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly form: string;
  readonly cue?: string | { readonly text: string };
}

export interface ActorEvent {
  readonly articleId: string;
  readonly title?: string;
  readonly publishedAt?: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: EventType | string;
  readonly mode?: string;
  readonly role: 'source' | 'target';
  readonly other?: { readonly name: string; readonly arabicName?: string; readonly entityId?: string; readonly country?: string };
  readonly time?: string | { readonly text: string; readonly value?: string };
}

export interface CoActor {
  readonly id: string;
  readonly name: string;
  readonly arabicName?: string;
  readonly type: EntityType | string;
  readonly weight: number;
}

export interface ActorResponse {
  readonly actor: ActorSummary & { readonly wikidata?: string; readonly titles?: readonly string[] };
  readonly quotes: readonly ActorQuote[];
  readonly events: readonly ActorEvent[];
  readonly coActors: readonly CoActor[];
}

export interface NetworkNode {
  readonly id: string;
  readonly name: string;
  readonly arabicName?: string;
  readonly type: EntityType | string;
  readonly country?: string;
  readonly weight: number;
}

export interface NetworkResponse {
  readonly nodes: readonly NetworkNode[];
  readonly edges: readonly NetworkEdge[];
}

export interface TimelineResponse {
  readonly days: readonly TimelineDay[];
}

export interface AnalyzeRequest {
  readonly text?: string;
  readonly title?: string;
  readonly publishedAt?: string;
}

/** A watchlist as the API lists it: its webhook's secret is never sent back, only whether it has one. */
export type WatchlistView = Omit<Watchlist, 'webhook'> & {
  readonly webhook?: { readonly url: string; readonly hasSecret: boolean };
  /** Path of its alerts' Atom feed. */
  readonly atom: string;
};

/** What `POST /api/watchlists` takes. */
export type WatchlistRequest = WatchlistInput;

export interface WatchlistsResponse {
  readonly watchlists: readonly WatchlistView[];
}

export interface AlertsResponse {
  readonly alerts: readonly Alert[];
}

export interface SourcesResponse {
  readonly sources: readonly SourceRecord[];
}
