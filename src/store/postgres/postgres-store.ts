import { gunzipSync } from 'node:zlib';
import type pg from 'pg';
import type { ArticleSource } from '../../core/article.ts';
import { type AnalyzedDocument, documentFromJson } from '../../core/document.ts';
import { RasdError } from '../../core/errors.ts';
import { signatureFromBytes } from '../../dedup/index.ts';
import type { MonitorStore } from '../../monitor/types.ts';
import { postgresExecutor, sqlMonitorStore } from '../monitor/index.ts';
import type { Store } from '../store.ts';
import type {
  ActorProfile,
  ActorQuery,
  ActorSummary,
  IntegrityQuery,
  IntegrityReport,
  Network,
  NetworkQuery,
  Timeline,
  TimelineQuery,
  Trends,
  TrendsQuery,
  Cluster,
  ExportKind,
  ExportRow,
  NewArticle,
  SearchHit,
  SearchQuery,
  Sighting,
  StoreStats,
  StoredArticle,
  StoredCandidate,
} from '../types.ts';
import { createPool, migrate, type PostgresTarget, parsePostgresUrl } from './connect.ts';
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
import { searchArticles } from './search.ts';
import { all } from './sql.ts';
import { insertArticle, insertSighting } from './writes.ts';

/**
 * Opens the PostgreSQL store at a `postgres://` URL (`?schema=NAME` to keep it in its own schema), creating
 * and migrating its tables. `await openPostgresStore('postgres://127.0.0.1/rasd')` → a Store.
 */
export async function openPostgresStore(url: string): Promise<Store> {
  const target = parsePostgresUrl(url);
  const pool = createPool(target);
  try {
    await migrate(pool, target);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return new PostgresStore(pool, target);
}

type Row = Record<string, unknown>;

class PostgresStore implements Store {
  /** The client holding the open batch's transaction; every query goes through it while a batch is open. */
  private batch: pg.PoolClient | undefined;

  constructor(
    private readonly pool: pg.Pool,
    private readonly target: PostgresTarget,
  ) {}

  private get db(): pg.Pool | pg.PoolClient {
    return this.batch ?? this.pool;
  }

  /** Sources, watchlists and alerts: the monitor store's shared SQL, on the open batch's client when there is one. */
  readonly monitor: MonitorStore = sqlMonitorStore(postgresExecutor(() => this.db));

  /** The read models' view of the database: inside a batch they read on its client and see its writes. */
  private readonly reader: SqlReader = {
    all: <T>(sql: string, params: readonly unknown[] = []) => all<T>(this.db, sql, params),
    ingestOrder: 'a.seq',
  };

  async hasSighting(rawId: string, sourceKey: string): Promise<boolean> {
    const { rowCount } = await this.db.query(
      'SELECT 1 FROM sightings WHERE raw_id = $1 AND source_key = $2',
      [rawId, sourceKey],
    );
    return (rowCount ?? 0) > 0;
  }

  async findExact(contentHash: string): Promise<{ clusterId: string; articleId: string } | undefined> {
    const { rows } = await this.db.query<{ id: string }>(
      'SELECT id FROM articles WHERE content_hash = $1 ORDER BY seq LIMIT 1',
      [contentHash],
    );
    const id = rows[0]?.id;
    return id === undefined ? undefined : { clusterId: id, articleId: id };
  }

  async findCandidates(bands: readonly string[]): Promise<StoredCandidate[]> {
    if (bands.length === 0) return [];
    const { rows } = await this.db.query<{ band: string; id: string; signature: Buffer }>(
      'SELECT b.band, a.id, a.signature FROM lsh_bands b JOIN articles a ON a.id = b.article_id WHERE b.band = ANY ($1::text[]) ORDER BY a.seq',
      [[...bands]],
    );
    // Band by band, each in ingestion order: the order the SQLite store gives.
    const byBand = new Map<string, typeof rows>();
    for (const row of rows) byBand.set(row.band, [...(byBand.get(row.band) ?? []), row]);
    const seen = new Map<string, StoredCandidate>();
    for (const band of bands) {
      for (const row of byBand.get(band) ?? []) {
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
    if (this.batch !== undefined) return;
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
    } catch (error) {
      client.release();
      throw error;
    }
    this.batch = client;
  }

  async commit(): Promise<void> {
    await this.endBatch('COMMIT');
  }

  async rollback(): Promise<void> {
    await this.endBatch('ROLLBACK');
  }

  private async endBatch(command: 'COMMIT' | 'ROLLBACK'): Promise<void> {
    const client = this.batch;
    if (client === undefined) return;
    this.batch = undefined;
    let failed: unknown;
    try {
      await client.query(command);
    } catch (error) {
      failed = error;
    } finally {
      // A client whose COMMIT failed may be in any state: destroy it rather than pool it.
      client.release(failed instanceof Error ? failed : undefined);
    }
    if (failed !== undefined) throw failed;
  }

  async addArticle(input: NewArticle): Promise<void> {
    if (this.batch !== undefined) {
      // A savepoint inside the batch: one failing article leaves the rest of the batch intact.
      const client = this.batch;
      await client.query('SAVEPOINT rasd_article');
      try {
        await insertArticle(client, input);
        await client.query('RELEASE SAVEPOINT rasd_article');
      } catch (error) {
        await client.query('ROLLBACK TO SAVEPOINT rasd_article');
        await client.query('RELEASE SAVEPOINT rasd_article');
        throw error;
      }
      return;
    }
    // Outside a batch the one statement is its own transaction.
    await insertArticle(this.pool, input);
  }

  async addSighting(clusterId: string, sighting: Sighting): Promise<void> {
    await insertSighting(this.db, clusterId, sighting);
  }

  async getArticle(id: string): Promise<StoredArticle | undefined> {
    const { rows } = await this.db.query<Row>(
      `SELECT a.id, a.title, a.published_at, a.author, a.language, a.url, a.outlet, a.source_json, a.clean_text,
         EXISTS (SELECT 1 FROM analyses WHERE article_id = a.id) AS has_analysis FROM articles a WHERE a.id = $1`,
      [id],
    );
    const row = rows[0];
    if (row === undefined) return undefined;
    return compact({
      id: row.id as string,
      title: row.title,
      publishedAt: row.published_at,
      author: row.author,
      language: row.language,
      url: row.url,
      outlet: row.outlet,
      source: parseJson(row.source_json as string, `article ${id}`) as ArticleSource,
      cleanText: row.clean_text as string,
      hasAnalysis: row.has_analysis === true,
    }) as unknown as StoredArticle;
  }

  async getAnalysis(id: string): Promise<AnalyzedDocument | undefined> {
    const { rows } = await this.db.query<{ document: Buffer }>(
      'SELECT document FROM analyses WHERE article_id = $1',
      [id],
    );
    const blob = rows[0]?.document;
    return blob === undefined
      ? undefined
      : documentFromJson(gunzipSync(blob).toString('utf8'), `${this.target.display}: analysis ${id}`);
  }

  async getCluster(id: string): Promise<Cluster | undefined> {
    const found = await this.db.query<{ cluster_id: string }>(
      'SELECT cluster_id FROM sightings WHERE raw_id = $1 OR cluster_id = $1 LIMIT 1',
      [id],
    );
    const clusterId = found.rows[0]?.cluster_id;
    if (clusterId === undefined) return undefined;
    const { rows } = await this.db.query<Row>('SELECT * FROM sightings WHERE cluster_id = $1 ORDER BY seq', [
      clusterId,
    ]);
    const sightings = rows.map(
      (row) =>
        compact({
          rawId: row.raw_id,
          sourceKey: row.source_key,
          source: parseJson(row.source_json as string, `sighting ${row.raw_id}`),
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
    return exportRows(this.pool, this.batch, kind);
  }

  async stats(): Promise<StoreStats> {
    const { rows } = await this.db.query<StoreStats>(
      `SELECT (SELECT count(*) FROM articles)::int AS articles, (SELECT count(*) FROM sightings)::int AS sightings,
        (SELECT count(*) FROM analyses)::int AS analyses, (SELECT count(*) FROM entities)::int AS entities,
        (SELECT count(*) FROM quotes)::int AS quotes, (SELECT count(*) FROM events)::int AS events`,
    );
    return rows[0]!;
  }

  // Read models for the API: the SQLite store's queries, in PostgreSQL.
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
    await this.rollback();
    await this.pool.end();
  }
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RasdError('E_BAD_RECORD', `stored ${what} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Drops null fields so stored records read like the optional-field objects they were written from. */
function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== null && value !== undefined),
  );
}
