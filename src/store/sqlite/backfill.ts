import { gunzipSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import type { ArticleSource } from '../../core/article.ts';
import type { AnalyzedDocument } from '../../core/document.ts';
import { layerRows } from '../layers.ts';
import { sourceName } from '../source-name.ts';

/**
 * Fills the read-model columns and tables of migration 2 for rows stored before it, from each sighting's
 * source and each stored analysis: one pass, in one transaction, when a version-1 database is opened.
 */
export function backfillReadModels(db: Database.Database): void {
  const setSource = db.prepare('UPDATE sightings SET source_name = ? WHERE rowid = ?');
  const setEntity = db.prepare(
    'UPDATE entities SET actor_key = @actorKey, country = @country, role = @role, surface = @surface WHERE article_id = @articleId AND entity_id = @entityId',
  );
  const setQuote = db.prepare(
    'UPDATE quotes SET actor_key = @actorKey WHERE article_id = @articleId AND idx = @idx',
  );
  const setEvent = db.prepare(
    'UPDATE events SET actor_key = @actorKey, target_key = @targetKey, event_date = @eventDate WHERE article_id = @articleId AND idx = @idx',
  );
  const addLink = db.prepare(
    'INSERT OR IGNORE INTO actor_links (article_id, kind, idx, source_key, target_key) VALUES (@articleId, @kind, @idx, @sourceKey, @targetKey)',
  );
  const addRemoval = db.prepare(
    'INSERT OR IGNORE INTO removals (article_id, idx, reason, text) VALUES (@articleId, @idx, @reason, @text)',
  );
  const addHeadline = db.prepare(
    'INSERT OR IGNORE INTO headline_checks (article_id, verdict, score, suggested) VALUES (@articleId, @verdict, @score, @suggested)',
  );
  db.transaction(() => {
    for (const row of db.prepare('SELECT rowid, source_json FROM sightings').all() as {
      rowid: number;
      source_json: string;
    }[]) {
      setSource.run(sourceName(JSON.parse(row.source_json) as ArticleSource) ?? null, row.rowid);
    }
    for (const row of db.prepare('SELECT article_id, document FROM analyses').all() as {
      article_id: string;
      document: Buffer;
    }[]) {
      const articleId = row.article_id;
      const rows = layerRows(JSON.parse(gunzipSync(row.document).toString('utf8')) as AnalyzedDocument);
      for (const e of rows.entities)
        setEntity.run({
          articleId,
          entityId: e.entityId,
          actorKey: e.actorKey,
          country: e.country,
          role: e.role,
          surface: e.surface,
        });
      for (const q of rows.quotes) setQuote.run({ articleId, idx: q.idx, actorKey: q.actorKey });
      for (const e of rows.events)
        setEvent.run({
          articleId,
          idx: e.idx,
          actorKey: e.actorKey,
          targetKey: e.targetKey,
          eventDate: e.eventDate,
        });
      for (const link of rows.links) addLink.run({ articleId, ...link });
      for (const r of rows.removals) addRemoval.run({ articleId, ...r });
      if (rows.headline !== null) addHeadline.run({ articleId, ...rows.headline });
    }
  })();
}
