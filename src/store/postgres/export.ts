import type pg from 'pg';
import { eventExportRow } from '../layers.ts';
import type { ExportKind, ExportRow } from '../types.ts';

// The SQLite store's export queries, column for column (quoted aliases keep their case; counts as integers).
const QUERIES: Record<ExportKind, string> = {
  articles: `SELECT a.id, a.title, a.published_at AS "publishedAt", a.author, a.language, a.url, a.outlet,
      (SELECT count(*)::int FROM sightings s WHERE s.cluster_id = a.id) AS sightings,
      (SELECT string_agg(coalesce(s.url, s.source_key), ' ' ORDER BY s.seq) FROM sightings s WHERE s.cluster_id = a.id) AS sources,
      a.clean_text AS text
    FROM articles a ORDER BY a.seq`,
  entities: `SELECT e.article_id AS "articleId", e.entity_id AS "entityId", e.name, e.type, e.mentions, e.data
    FROM entities e JOIN articles a ON a.id = e.article_id ORDER BY a.seq, e.entity_id`,
  quotes: `SELECT q.article_id AS "articleId", q.idx, q.type AS form, q.start, q."end", q.text, q.actor AS speaker,
      q.actor_entity_id AS "speakerEntityId", q.data
    FROM quotes q JOIN articles a ON a.id = q.article_id ORDER BY a.seq, q.idx`,
  events: `SELECT v.article_id AS "articleId", v.idx, v.data, a.published_at AS "publishedAt"
    FROM events v JOIN articles a ON a.id = v.article_id ORDER BY a.seq, v.idx`,
};

const PAGE = 500;

/**
 * Streams rows of one kind through a server-side cursor, `PAGE` rows at a time, so an export runs in
 * constant memory and reads one consistent snapshot. Inside a batch it reads on the batch's client (and sees
 * the batch's writes); otherwise it holds a pooled client in a read-only transaction until the last row.
 */
export async function* exportRows(
  pool: pg.Pool,
  batch: pg.PoolClient | undefined,
  kind: ExportKind,
): AsyncIterable<ExportRow> {
  const client = batch ?? (await pool.connect());
  const cursor = `rasd_export_${kind}`;
  let finished = false;
  try {
    if (batch === undefined) await client.query('BEGIN READ ONLY');
    await client.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${QUERIES[kind]}`);
    for (;;) {
      const { rows } = await client.query<ExportRow>(`FETCH ${PAGE} FROM ${cursor}`);
      // Events leave as GDELT-like columns computed from their stored JSON (shared with every store).
      for (const row of rows)
        yield kind === 'events'
          ? eventExportRow(row as { articleId: unknown; idx: unknown; data: unknown })
          : row;
      if (rows.length < PAGE) break;
    }
    await client.query(`CLOSE ${cursor}`);
    if (batch === undefined) await client.query('COMMIT');
    finished = true;
  } finally {
    // An abandoned iteration leaves the cursor (and outside a batch, the transaction) open: end them.
    if (!finished && batch !== undefined) await client.query(`CLOSE ${cursor}`).catch(() => {});
    if (!finished && batch === undefined) await client.query('ROLLBACK').catch(() => {});
    if (batch === undefined) (client as pg.PoolClient).release();
  }
}
