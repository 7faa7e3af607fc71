import type { AnalyzedDocument } from '../core/document.ts';
import type { MonitorStore } from '../monitor/types.ts';
import type {
  ActorProfile,
  ActorQuery,
  ActorSummary,
  Cluster,
  ExportKind,
  ExportRow,
  IntegrityQuery,
  IntegrityReport,
  Network,
  NetworkQuery,
  NewArticle,
  SearchHit,
  SearchQuery,
  Sighting,
  StoreStats,
  StoredArticle,
  StoredCandidate,
  Timeline,
  TimelineQuery,
  Trends,
  TrendsQuery,
} from './types.ts';

/**
 * The storage contract every backend implements (SQLite now, PostgreSQL next); `conformance.ts` checks it.
 * Methods are async so a networked database fits the same shape. Writes between `begin()` and `commit()`
 * are one transaction: an interrupted batch leaves nothing behind, a committed one is never lost, and
 * reads inside the batch see its own writes (dedup relies on that).
 *
 * `const store = await openSqliteStore('rasd.db'); await store.begin(); await store.addArticle(a); await store.commit();`
 */
export interface Store {
  /** True when this raw article was already ingested from this place: the idempotency check. */
  hasSighting(rawId: string, sourceKey: string): Promise<boolean>;
  /** The article whose dedup text hashes to `contentHash`, if any. */
  findExact(contentHash: string): Promise<{ clusterId: string; articleId: string } | undefined>;
  /** Articles sharing at least one LSH band key, in stable (ingestion) order. */
  findCandidates(bands: readonly string[]): Promise<StoredCandidate[]>;

  begin(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  /** Stores a new article with its analysis layers, fingerprint, search index entry and original sighting. */
  addArticle(input: NewArticle): Promise<void>;
  /** Records a copy of a stored article seen elsewhere. */
  addSighting(clusterId: string, sighting: Sighting): Promise<void>;

  getArticle(id: string): Promise<StoredArticle | undefined>;
  getAnalysis(id: string): Promise<AnalyzedDocument | undefined>;
  /** The cluster holding an article id or any raw id seen in it. */
  getCluster(id: string): Promise<Cluster | undefined>;
  search(query: SearchQuery): Promise<SearchHit[]>;
  /** Streams rows of one kind in a stable order. */
  exportRows(kind: ExportKind): AsyncIterable<ExportRow>;
  stats(): Promise<StoreStats>;

  // Read models for the API (see types.ts for the meaning of each field).
  /** Actors sorted by articles naming them (desc), then id. `listActors({type: 'PER', limit: 10})`. */
  listActors(query: ActorQuery): Promise<ActorSummary[]>;
  /** One actor with its quotes, events and co-actors (each list at most `limit`, default 100); undefined when unknown. */
  getActor(id: string, limit?: number): Promise<ActorProfile | undefined>;
  /** Actors named together in articles, quoting or acting on one another. */
  network(query: NetworkQuery): Promise<Network>;
  /** Articles and events per day. */
  timeline(query: TimelineQuery): Promise<Timeline>;
  /** Duplicate clusters, mismatched headlines, boilerplate removed and per-source profiles. */
  integrityReport(query: IntegrityQuery): Promise<IntegrityReport>;
  /** Per day: stories carried by the most distinct sources, and actors rising against their own baseline. */
  trends(query: TrendsQuery): Promise<Trends>;
  /** Sources, watchlists and alerts of live monitoring, kept in the same database. */
  readonly monitor: MonitorStore;
  close(): Promise<void>;
}

/** Opens a fresh, empty store; conformance tests call it once per test. */
export type StoreFactory = () => Promise<Store>;
