import type Database from 'better-sqlite3';

/** Every statement the store runs, prepared once per connection (preparing is the costly part). */
export function prepareStatements(db: Database.Database) {
  return {
    hasSighting: db.prepare('SELECT 1 FROM sightings WHERE raw_id = ? AND source_key = ?').pluck(),
    findExact: db.prepare('SELECT id FROM articles WHERE content_hash = ? ORDER BY rowid LIMIT 1').pluck(),
    findBand: db.prepare(
      `SELECT a.id, a.signature FROM lsh_bands b JOIN articles a ON a.id = b.article_id WHERE b.band = ? ORDER BY a.rowid`,
    ),
    insertArticle: db.prepare(
      `INSERT INTO articles (id, title, published_at, author, language, url, outlet, host, source_json, raw_text, clean_text,
        offset_map, content_hash, signature, words, ingested_at)
       VALUES (@id, @title, @publishedAt, @author, @language, @url, @outlet, @host, @sourceJson, @rawText, @cleanText,
        @offsetMap, @contentHash, @signature, @words, @ingestedAt)`,
    ),
    insertFts: db.prepare('INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)'),
    insertBand: db.prepare('INSERT OR IGNORE INTO lsh_bands (band, article_id) VALUES (?, ?)'),
    insertAnalysis: db.prepare(
      'INSERT INTO analyses (article_id, schema_version, document) VALUES (?, ?, ?)',
    ),
    insertEntity: db.prepare(
      `INSERT OR REPLACE INTO entities (article_id, entity_id, name, norm_name, type, mentions, data, actor_key, country, role, surface)
       VALUES (@articleId, @entityId, @name, @normName, @type, @mentions, @data, @actorKey, @country, @role, @surface)`,
    ),
    insertQuote: db.prepare(
      `INSERT INTO quotes (article_id, idx, type, start, "end", text, actor, actor_entity_id, data, actor_key)
       VALUES (@articleId, @idx, @type, @start, @end, @text, @actor, @actorEntityId, @data, @actorKey)`,
    ),
    insertEvent: db.prepare(
      `INSERT INTO events (article_id, idx, type, start, "end", text, actor, actor_entity_id, data, actor_key, target_key, event_date)
       VALUES (@articleId, @idx, @type, @start, @end, @text, @actor, @actorEntityId, @data, @actorKey, @targetKey, @eventDate)`,
    ),
    insertLink: db.prepare(
      `INSERT OR IGNORE INTO actor_links (article_id, kind, idx, source_key, target_key)
       VALUES (@articleId, @kind, @idx, @sourceKey, @targetKey)`,
    ),
    insertRemoval: db.prepare(
      'INSERT INTO removals (article_id, idx, reason, text) VALUES (@articleId, @idx, @reason, @text)',
    ),
    insertHeadlineCheck: db.prepare(
      'INSERT INTO headline_checks (article_id, verdict, score, suggested) VALUES (@articleId, @verdict, @score, @suggested)',
    ),
    insertSighting: db.prepare(
      `INSERT OR IGNORE INTO sightings (raw_id, source_key, cluster_id, relation, similarity, source_json, url, title, published_at, source_name)
       VALUES (@rawId, @sourceKey, @clusterId, @relation, @similarity, @sourceJson, @url, @title, @publishedAt, @sourceName)`,
    ),
    getArticle: db.prepare(
      `SELECT a.*, EXISTS (SELECT 1 FROM analyses WHERE article_id = a.id) AS has_analysis FROM articles a WHERE a.id = ?`,
    ),
    getAnalysis: db.prepare('SELECT document FROM analyses WHERE article_id = ?').pluck(),
    clusterOf: db
      .prepare('SELECT cluster_id FROM sightings WHERE raw_id = ? OR cluster_id = ? LIMIT 1')
      .pluck(),
    clusterSightings: db.prepare('SELECT * FROM sightings WHERE cluster_id = ? ORDER BY rowid'),
    stats: db.prepare(
      `SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM sightings) AS sightings,
        (SELECT count(*) FROM analyses) AS analyses, (SELECT count(*) FROM entities) AS entities,
        (SELECT count(*) FROM quotes) AS quotes, (SELECT count(*) FROM events) AS events`,
    ),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;
