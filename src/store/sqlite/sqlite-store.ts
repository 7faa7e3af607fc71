import { gunzipSync, gzipSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import type { ArticleSource } from '../../core/article.ts';
import { type AnalyzedDocument, documentFromJson, documentToJson } from '../../core/document.ts';
import { signatureFromBytes, signatureToBytes } from '../../dedup/index.ts';
import type { MonitorStore } from '../../monitor/types.ts';
import { layerRows } from '../layers.ts';
import { sqliteExecutor, sqlMonitorStore } from '../monitor/index.ts';
import { indexText } from '../query.ts';
import { sourceName } from '../source-name.ts';
import type { Store } from '../store.ts';
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
} from '../types.ts';
import {
  actorNetwork,
  getActor,
  integrityReport,
  listActors,
  type SqlReader,
  timeline,
  trends,
} from '../read-models/index.ts';
import { exportRows } from './export.ts';
import { openDatabase } from './open.ts';
import { searchArticles } from './search.ts';
import { prepareStatements, type Statements } from './statements.ts';

/**
 * Opens the embedded SQLite store at `file` (`:memory:` for tests). `await openSqliteStore('rasd.db')` → a Store.
 * better-sqlite3 is synchronous; the async methods only give the contract's shape.
 */
export async function openSqliteStore(file: string): Promise<Store> {
  return new SqliteStore(openDatabase(file), file);
}

type Row = Record<string, unknown>;

class SqliteStore implements Store {
  private readonly sql: Statements;
  /** Sources, watchlists and alerts: the monitor store's shared SQL on this database. */
  readonly monitor: MonitorStore;

  constructor(
    private readonly db: Database.Database,
    readonly file: string,
  ) {
    this.sql = prepareStatements(db);
    this.monitor = sqlMonitorStore(sqliteExecutor(db));
  }

  async hasSighting(rawId: string, sourceKey: string): Promise<boolean> {
    return this.sql.hasSighting.get(rawId, sourceKey) !== undefined;
  }

  async findExact(contentHash: string): Promise<{ clusterId: string; articleId: string } | undefined> {
    const id = this.sql.findExact.get(contentHash) as string | undefined;
    return id === undefined ? undefined : { clusterId: id, articleId: id };
  }

  async findCandidates(bands: readonly string[]): Promise<StoredCandidate[]> {
    const seen = new Map<string, StoredCandidate>();
    for (const band of bands) {
      for (const row of this.sql.findBand.all(band) as { id: string; signature: Buffer }[]) {
        if (!seen.has(row.id))
          seen.set(row.id, {
            clusterId: row.id,
            articleId: row.id,
            signature: signatureFromBytes(row.signature),
          });
      }
    }
    return [...seen.values()];
  }

  async begin(): Promise<void> {
    if (!this.db.inTransaction) this.db.exec('BEGIN IMMEDIATE');
  }

  async commit(): Promise<void> {
    if (this.db.inTransaction) this.db.exec('COMMIT');
  }

  async rollback(): Promise<void> {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
  }

  async addArticle(input: NewArticle): Promise<void> {
    // A savepoint inside the batch: one failing article leaves the rest of the batch intact.
    this.db.transaction(() => this.insertArticle(input))();
  }

  private insertArticle({ article, analysis, fingerprint, sighting }: NewArticle): void {
    const url = article.source.url;
    const { lastInsertRowid } = this.sql.insertArticle.run({
      id: article.id,
      title: article.title ?? null,
      publishedAt: article.publishedAt ?? null,
      author: article.author ?? null,
      language: article.language ?? null,
      url: url ?? null,
      outlet: article.source.outlet ?? null,
      host: hostOf(url),
      sourceJson: JSON.stringify(article.source),
      rawText: article.rawText,
      cleanText: article.cleanText,
      offsetMap: JSON.stringify(article.offsetMap),
      contentHash: fingerprint.contentHash,
      signature: Buffer.from(signatureToBytes(fingerprint.signature)),
      words: fingerprint.words,
      ingestedAt: new Date().toISOString(),
    });
    this.sql.insertFts.run(lastInsertRowid, indexText(article.title ?? ''), indexText(article.cleanText));
    for (const band of fingerprint.bands) this.sql.insertBand.run(band, article.id);
    if (analysis !== undefined) this.insertAnalysis(article.id, analysis);
    this.insertSighting(article.id, sighting);
  }

  private insertAnalysis(articleId: string, doc: AnalyzedDocument): void {
    this.sql.insertAnalysis.run(articleId, doc.schemaVersion, gzipSync(documentToJson(doc), { level: 4 }));
    const rows = layerRows(doc);
    for (const e of rows.entities) this.sql.insertEntity.run({ articleId, ...e });
    for (const q of rows.quotes) this.sql.insertQuote.run({ articleId, ...q });
    for (const e of rows.events) this.sql.insertEvent.run({ articleId, ...e });
    for (const link of rows.links) this.sql.insertLink.run({ articleId, ...link });
    for (const r of rows.removals) this.sql.insertRemoval.run({ articleId, ...r });
    if (rows.headline !== null) this.sql.insertHeadlineCheck.run({ articleId, ...rows.headline });
  }

  async addSighting(clusterId: string, sighting: Sighting): Promise<void> {
    this.insertSighting(clusterId, sighting);
  }

  private insertSighting(clusterId: string, s: Sighting): void {
    this.sql.insertSighting.run({
      rawId: s.rawId,
      sourceKey: s.sourceKey,
      clusterId,
      relation: s.relation,
      similarity: s.similarity,
      sourceJson: JSON.stringify(s.source),
      url: s.source.url ?? null,
      title: s.title ?? null,
      publishedAt: s.publishedAt ?? null,
      sourceName: sourceName(s.source) ?? null,
    });
  }

  async getArticle(id: string): Promise<StoredArticle | undefined> {
    const row = this.sql.getArticle.get(id) as Row | undefined;
    if (row === undefined) return undefined;
    return compact({
      id: row.id as string,
      title: row.title,
      publishedAt: row.published_at,
      author: row.author,
      language: row.language,
      url: row.url,
      outlet: row.outlet,
      source: JSON.parse(row.source_json as string) as ArticleSource,
      cleanText: row.clean_text as string,
      hasAnalysis: row.has_analysis === 1,
    }) as unknown as StoredArticle;
  }

  async getAnalysis(id: string): Promise<AnalyzedDocument | undefined> {
    const blob = this.sql.getAnalysis.get(id) as Buffer | undefined;
    return blob === undefined
      ? undefined
      : documentFromJson(gunzipSync(blob).toString('utf8'), `${this.file}: analysis ${id}`);
  }

  async getCluster(id: string): Promise<Cluster | undefined> {
    const clusterId = this.sql.clusterOf.get(id, id) as string | undefined;
    if (clusterId === undefined) return undefined;
    const sightings = (this.sql.clusterSightings.all(clusterId) as Row[]).map(
      (row) =>
        compact({
          rawId: row.raw_id,
          sourceKey: row.source_key,
          source: JSON.parse(row.source_json as string),
          title: row.title,
          publishedAt: row.published_at,
          relation: row.relation,
          similarity: row.similarity,
        }) as unknown as Sighting,
    );
    return { id: clusterId, articleId: clusterId, sightings };
  }

  async search(query: SearchQuery): Promise<SearchHit[]> {
    return searchArticles(this.db, query);
  }

  exportRows(kind: ExportKind): AsyncIterable<ExportRow> {
    return exportRows(this.db, kind);
  }

  async stats(): Promise<StoreStats> {
    return this.sql.stats.get() as StoreStats;
  }

  /** The read models' view of the database (queries are prepared per call: they are not on a hot path). */
  private readonly reader: SqlReader = {
    all: async <T>(sql: string, params: readonly unknown[] = []) =>
      this.db.prepare(sql).all(...params) as T[],
    ingestOrder: 'a.rowid',
  };

  async listActors(query: ActorQuery): Promise<ActorSummary[]> {
    return listActors(this.reader, query);
  }

  async getActor(id: string, limit?: number): Promise<ActorProfile | undefined> {
    return getActor(this.reader, id, limit);
  }

  async network(query: NetworkQuery): Promise<Network> {
    return actorNetwork(this.reader, query);
  }

  async timeline(query: TimelineQuery): Promise<Timeline> {
    return timeline(this.reader, query);
  }

  async integrityReport(query: IntegrityQuery): Promise<IntegrityReport> {
    return integrityReport(this.reader, query);
  }

  async trends(query: TrendsQuery): Promise<Trends> {
    return trends(this.reader, query);
  }

  async close(): Promise<void> {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    this.db.close();
  }
}

/** The URL's host without `www.`, for source filters. `hostOf('https://www.bbc.com/x')` → `'bbc.com'`. */
export function hostOf(url: string | undefined): string | null {
  if (url === undefined) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '').toLowerCase();
  } catch {
    return null;
  }
}

/** Drops null fields so stored records read like the optional-field objects they were written from. */
function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== null && value !== undefined),
  );
}
