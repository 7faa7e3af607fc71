import type Database from 'better-sqlite3';
import { eventExportRow } from '../layers.ts';
import type { ExportKind, ExportRow } from '../types.ts';

const QUERIES: Record<ExportKind, string> = {
  articles: `SELECT a.id, a.title, a.published_at AS publishedAt, a.author, a.language, a.url, a.outlet,
      (SELECT count(*) FROM sightings s WHERE s.cluster_id = a.id) AS sightings,
      (SELECT group_concat(coalesce(s.url, s.source_key), ' ') FROM sightings s WHERE s.cluster_id = a.id) AS sources,
      a.clean_text AS text
    FROM articles a ORDER BY a.rowid`,
  entities: `SELECT e.article_id AS articleId, e.entity_id AS entityId, e.name, e.type, e.mentions, e.data
    FROM entities e JOIN articles a ON a.id = e.article_id ORDER BY a.rowid, e.entity_id`,
  quotes: `SELECT q.article_id AS articleId, q.idx, q.type AS form, q.start, q."end", q.text, q.actor AS speaker,
      q.actor_entity_id AS speakerEntityId, q.data
    FROM quotes q JOIN articles a ON a.id = q.article_id ORDER BY a.rowid, q.idx`,
  events: `SELECT v.article_id AS articleId, v.idx, v.data, a.published_at AS publishedAt
    FROM events v JOIN articles a ON a.id = v.article_id ORDER BY a.rowid, v.idx`,
};

/** Streams rows of one kind; `iterate()` reads them one at a time, so an export runs in constant memory. */
export async function* exportRows(db: Database.Database, kind: ExportKind): AsyncIterable<ExportRow> {
  for (const row of db.prepare(QUERIES[kind]).iterate()) {
    // Events leave as GDELT-like columns computed from their stored JSON (shared with every store).
    yield kind === 'events'
      ? eventExportRow(row as { articleId: unknown; idx: unknown; data: unknown })
      : (row as ExportRow);
  }
}
