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
