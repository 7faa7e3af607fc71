import type { Article, ArticleSource } from '../core/article.ts';
import type { AnalyzedDocument } from '../core/document.ts';
import type { Span } from '../core/span.ts';
import type { Fingerprint, Signature } from '../dedup/index.ts';

/** How a sighting relates to its cluster's article. */
export type Relation = 'original' | 'exact' | 'near';

/**
 * One place an article was seen: the stored article itself (`original`) or a copy of it elsewhere. A cluster
 * keeps every sighting, so every source URL of a story survives deduplication.
 */
export interface Sighting {
  /** `RawArticle.id` of what was read there (title and raw text hash). */
  readonly rawId: string;
  /** Where it was read, stable across runs: the URL, else `location#record`. With `rawId`, the idempotency key. */
  readonly sourceKey: string;
  readonly source: ArticleSource;
  readonly title?: string;
  readonly publishedAt?: string;
  readonly relation: Relation;
  /** Estimated Jaccard similarity to the cluster's article (1 for original and exact). */
  readonly similarity: number;
}

/** What the ingest pipeline hands the store for a story not seen before. */
export interface NewArticle {
  readonly article: Article;
  readonly analysis?: AnalyzedDocument;
  readonly fingerprint: Fingerprint;
  readonly sighting: Sighting;
}

/** An article as stored; its id is also its cluster's id. */
export interface StoredArticle {
  readonly id: string;
  readonly title?: string;
  readonly publishedAt?: string;
  readonly author?: string;
  readonly language?: string;
  readonly url?: string;
  readonly outlet?: string;
  readonly source: ArticleSource;
  readonly cleanText: string;
  readonly hasAnalysis: boolean;
}

export interface Cluster {
  readonly id: string;
  readonly articleId: string;
  /** In ingestion order; the first is the original. */
  readonly sightings: readonly Sighting[];
}

/** A stored text sharing an LSH band with a new one. */
export interface StoredCandidate {
  readonly clusterId: string;
  readonly articleId: string;
  readonly signature: Signature;
}

/**
 * A search: words, `"quoted phrases"` and `prefix*` terms (all must match), spelling-insensitive, with
 * optional filters. Dates compare as ISO strings (`from` inclusive, `to` inclusive of the whole day).
 */
export interface SearchQuery {
  readonly text: string;
  readonly from?: string;
  readonly to?: string;
  /** Outlet name or URL host. */
  readonly source?: string;
  /** Entity id or name (any spelling). */
  readonly entity?: string;
  readonly limit?: number;
  readonly offset?: number;
}

/** A piece of display text with the spans (relative to `text`) that matched the query. */
export interface Highlighted {
  readonly text: string;
  readonly highlights: readonly Span[];
}

export interface SearchHit {
  readonly articleId: string;
  readonly title?: string;
  readonly publishedAt?: string;
  readonly url?: string;
  readonly outlet?: string;
  /** Higher is better. */
  readonly score: number;
  readonly titleHighlights?: Highlighted;
  readonly snippet: Highlighted;
  /** Where the snippet starts in the article's clean text. */
  readonly snippetStart: number;
}

export interface StoreStats {
  readonly articles: number;
  readonly sightings: number;
  readonly analyses: number;
  readonly entities: number;
  readonly quotes: number;
  readonly events: number;
}

export type ExportKind = 'articles' | 'entities' | 'quotes' | 'events';

/** A flat export row: scalar values only, so JSONL and CSV print the same thing. */
export type ExportRow = Readonly<Record<string, string | number | null>>;

/**
 * Actors are the entities of all articles, merged: a registry-linked entity keeps its registry id (`actor:…`),
 * an unlinked one is keyed by its normalized name (`name:بوتين`), since per-article ids (`doc:e1`) mean
 * nothing across articles. See `actorKey` in layers.ts.
 */
export interface ActorQuery {
  /** Part of the name, any spelling (normalized before matching). */
  readonly text?: string;
  /** Entity type: PER, ORG, LOC, MISC. */
  readonly type?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export interface ActorSummary {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly country?: string;
  readonly role?: string;
  /** Stored articles naming the actor. */
  readonly articles: number;
  readonly mentions: number;
  /** Quotes the actor is the speaker of. */
  readonly quotes: number;
  /** Events the actor is the source or target of. */
  readonly events: number;
}

export interface ActorDetail extends ActorSummary {
  readonly wikidata?: string;
  /** Titles and roles given to the actor in apposition, across articles. */
  readonly titles?: readonly string[];
}

export interface ActorQuote {
  readonly articleId: string;
  readonly title?: string;
  readonly publishedAt?: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly form: string;
  readonly cue?: string;
}

export interface ActorEvent {
  readonly articleId: string;
  readonly title?: string;
  readonly publishedAt?: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: string;
  readonly mode?: string;
  /** Whether the actor did it (`source`) or had it done to them (`target`). */
  readonly role: 'source' | 'target';
  /** The other side of the event, when there is one. */
  readonly other?: { readonly name: string; readonly entityId?: string; readonly country?: string };
  /** The event's resolved date (ISO), else its date words. */
  readonly time?: string;
}

export interface CoActor {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  /** Articles naming both. */
  readonly weight: number;
}

export interface ActorProfile {
  readonly actor: ActorDetail;
  /** Newest first. */
  readonly quotes: readonly ActorQuote[];
  readonly events: readonly ActorEvent[];
  /** Most shared articles first. */
  readonly coActors: readonly CoActor[];
}

/** Date bounds compare on publication days (`YYYY-MM-DD`), both inclusive. */
export interface NetworkQuery {
  readonly from?: string;
  readonly to?: string;
  /** Only articles naming this actor (id), and the actors around it. */
  readonly actor?: string;
  /** Most named actors kept as nodes. */
  readonly limit?: number;
}

export interface NetworkNode {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly country?: string;
  /** Articles naming the actor (within the query's bounds). */
  readonly weight: number;
}

/**
 * One edge per pair of actors. `cooccur` counts articles naming both; `quotes` counts quotes where one speaks
 * and the other is named inside the quote; `events` counts events between them. `source`→`target` follows the
 * majority of quote and event links (else id order); `weight` is the sum of the three counts.
 */
export interface NetworkEdge {
  readonly source: string;
  readonly target: string;
  readonly weight: number;
  readonly cooccur: number;
  readonly quotes: number;
  readonly events: number;
}

export interface Network {
  readonly nodes: readonly NetworkNode[];
  readonly edges: readonly NetworkEdge[];
}

export interface TimelineQuery {
  readonly from?: string;
  readonly to?: string;
  /** Only articles naming this actor and events it is a side of. */
  readonly actor?: string;
  /** Only events of this type (articles are still counted). */
  readonly type?: string;
}

export interface TimelineDay {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** Articles published that day. */
  readonly articles: number;
  /** Events per type dated that day (the event's resolved date, else its article's day). */
  readonly events: Readonly<Record<string, number>>;
}

export interface Timeline {
  /** In date order. */
  readonly days: readonly TimelineDay[];
}

export interface IntegrityQuery {
  /** Rows per list (clusters, headlines, sources). */
  readonly limit?: number;
}

export interface DuplicateCluster {
  readonly clusterId: string;
  readonly articleId: string;
  readonly title?: string;
  /** Sightings of the story, the original included. */
  readonly copies: number;
  /** Distinct sources it was seen at. */
  readonly outlets: readonly string[];
}

export interface MismatchedHeadline {
  readonly articleId: string;
  readonly title: string;
  /** The body's own headline, else the suggested one. */
  readonly suggested?: string;
  /** The headline check's probability that the title belongs to the body (low = mismatched). */
  readonly score: number;
}

/**
 * A source is an outlet name, else the URL's host. Shares are 0–1:
 * `mismatchedShare` — its stored articles whose title does not fit the body (of those checked);
 * `nearDuplicateShare` — its sightings that copy (exactly or nearly) a story first stored from another source;
 * `republishedShare` — its original stories that other sources copied.
 */
export interface SourceProfile {
  readonly source: string;
  /** Sightings from this source (originals and copies). */
  readonly articles: number;
  readonly mismatchedShare: number;
  readonly nearDuplicateShare: number;
  readonly republishedShare: number;
  /** Boilerplate removals per stored article of the source. */
  readonly boilerplatePerArticle: number;
  /** Its most frequent removed lines. */
  readonly topBoilerplate: readonly { readonly text: string; readonly count: number }[];
}

export interface IntegrityReport {
  /** Most copied first. */
  readonly duplicateClusters: readonly DuplicateCluster[];
  /** Lowest score first. */
  readonly mismatchedHeadlines: readonly MismatchedHeadline[];
  /** Removals per reason, most frequent first. */
  readonly boilerplate: readonly { readonly reason: string; readonly count: number }[];
  /** Most sightings first. */
  readonly sources: readonly SourceProfile[];
}

/**
 * Story and actor trends per day. A story is a duplicate cluster; its day is each sighting's publication day
 * (else the day it was stored). Bounds are days (`YYYY-MM-DD`), both inclusive; without them, the last
 * `days` days that have articles.
 */
export interface TrendsQuery {
  readonly from?: string;
  readonly to?: string;
  /** Days returned when no bounds are given (default 7). */
  readonly days?: number;
  /** Days before each day that make an actor's baseline (default 14). */
  readonly baselineDays?: number;
  /** Stories and actors per day (default 10). */
  readonly limit?: number;
}

export interface TrendingStory {
  readonly clusterId: string;
  readonly articleId: string;
  readonly title?: string;
  /** Distinct sources (outlet, else host) that carried the story that day. */
  readonly sources: number;
  readonly outlets: readonly string[];
  /** Sightings that day, copies included. */
  readonly sightings: number;
}

/**
 * An actor named in more articles than usual: `count` that day against `baseline`, its mean per day over the
 * baseline window. `score` = (count − baseline) / √(baseline + 1), a Poisson-style surprise; only actors
 * with a positive score and at least 2 articles are listed, highest first.
 */
export interface RisingActor {
  readonly id: string;
  readonly name: string;
  /** Added by the HTTP API from the actor registry (src/server/actor-names.ts), not kept in the store. */
  readonly arabicName?: string;
  readonly type: string;
  readonly count: number;
  readonly baseline: number;
  readonly score: number;
}

export interface TrendDay {
  readonly date: string;
  /** Most distinct sources first. */
  readonly stories: readonly TrendingStory[];
  readonly risingActors: readonly RisingActor[];
}

export interface Trends {
  /** Newest first. */
  readonly days: readonly TrendDay[];
}
