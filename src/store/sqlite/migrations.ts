/**
 * Schema migrations, applied in order; `PRAGMA user_version` records how many ran. Never edit a shipped
 * migration: add the next one. The PostgreSQL store mirrors these tables (same names and columns).
 */
export const MIGRATIONS: readonly string[] = [
  // 1. Articles (one per story), sightings (every place a story was seen), dedup index, analyses and layers.
  `
  CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT, published_at TEXT, author TEXT, language TEXT, url TEXT, outlet TEXT, host TEXT,
    source_json TEXT NOT NULL,
    raw_text TEXT NOT NULL,
    clean_text TEXT NOT NULL,
    offset_map TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    signature BLOB NOT NULL,
    words INTEGER NOT NULL,
    ingested_at TEXT NOT NULL
  );
  CREATE INDEX articles_content_hash ON articles (content_hash);
  CREATE INDEX articles_published_at ON articles (published_at);
  CREATE INDEX articles_outlet ON articles (outlet);
  CREATE INDEX articles_host ON articles (host);

  CREATE TABLE sightings (
    rowid INTEGER PRIMARY KEY,
    raw_id TEXT NOT NULL,
    source_key TEXT NOT NULL,
    cluster_id TEXT NOT NULL REFERENCES articles (id),
    relation TEXT NOT NULL CHECK (relation IN ('original', 'exact', 'near')),
    similarity REAL NOT NULL,
    source_json TEXT NOT NULL,
    url TEXT, title TEXT, published_at TEXT,
    UNIQUE (raw_id, source_key)
  );
  CREATE INDEX sightings_cluster ON sightings (cluster_id);

  CREATE TABLE lsh_bands (
    band TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id),
    PRIMARY KEY (band, article_id)
  ) WITHOUT ROWID;

  CREATE TABLE analyses (
    article_id TEXT PRIMARY KEY REFERENCES articles (id),
    schema_version INTEGER NOT NULL,
    document BLOB NOT NULL
  );

  CREATE TABLE entities (
    article_id TEXT NOT NULL REFERENCES articles (id),
    entity_id TEXT NOT NULL,
    name TEXT NOT NULL, norm_name TEXT NOT NULL, type TEXT NOT NULL, mentions INTEGER NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (article_id, entity_id)
  );
  CREATE INDEX entities_entity ON entities (entity_id);
  CREATE INDEX entities_norm_name ON entities (norm_name);

  CREATE TABLE quotes (
    article_id TEXT NOT NULL REFERENCES articles (id),
    idx INTEGER NOT NULL, type TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    actor TEXT, actor_entity_id TEXT, data TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
  );

  CREATE TABLE events (
    article_id TEXT NOT NULL REFERENCES articles (id),
    idx INTEGER NOT NULL, type TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    actor TEXT, actor_entity_id TEXT, data TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
  );

  -- Normalized text only (the display text lives in articles); contentless keeps the file small.
  CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, body,
    content = '', contentless_delete = 1,
    tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co Mn'"
  );
  `,
  // 2. Read models for the API: actor keys across articles, actor-to-actor links, event days, headline verdicts,
  // removed boilerplate and each sighting's source name. Existing rows are filled in by backfill.ts.
  `
  ALTER TABLE entities ADD COLUMN actor_key TEXT;
  ALTER TABLE entities ADD COLUMN country TEXT;
  ALTER TABLE entities ADD COLUMN role TEXT;
  ALTER TABLE entities ADD COLUMN surface TEXT;
  CREATE INDEX entities_actor_key ON entities (actor_key);

  ALTER TABLE quotes ADD COLUMN actor_key TEXT;
  CREATE INDEX quotes_actor_key ON quotes (actor_key);

  ALTER TABLE events ADD COLUMN actor_key TEXT;
  ALTER TABLE events ADD COLUMN target_key TEXT;
  ALTER TABLE events ADD COLUMN event_date TEXT;
  CREATE INDEX events_actor_key ON events (actor_key);
  CREATE INDEX events_target_key ON events (target_key);

  ALTER TABLE sightings ADD COLUMN source_name TEXT;
  CREATE INDEX sightings_source_name ON sightings (source_name);

  CREATE TABLE actor_links (
    article_id TEXT NOT NULL REFERENCES articles (id),
    kind TEXT NOT NULL CHECK (kind IN ('quote', 'event')),
    idx INTEGER NOT NULL,
    source_key TEXT NOT NULL,
    target_key TEXT NOT NULL,
    PRIMARY KEY (article_id, kind, idx, target_key)
  );
  CREATE INDEX actor_links_source ON actor_links (source_key);
  CREATE INDEX actor_links_target ON actor_links (target_key);

  CREATE TABLE removals (
    article_id TEXT NOT NULL REFERENCES articles (id),
    idx INTEGER NOT NULL, reason TEXT NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
  );

  CREATE TABLE headline_checks (
    article_id TEXT PRIMARY KEY REFERENCES articles (id),
    verdict TEXT NOT NULL, score REAL NOT NULL, suggested TEXT
  );
  CREATE INDEX headline_checks_verdict ON headline_checks (verdict, score);
  `,
  // 3. Live monitoring: polled sources with their health and the items they listed, watchlists and their
  // alerts (one per watchlist and story, which the UNIQUE constraint enforces across processes).
  `
  CREATE TABLE sources (
    id TEXT PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    kind TEXT, name TEXT,
    every_ms INTEGER NOT NULL,
    added_at TEXT NOT NULL,
    etag TEXT, last_modified TEXT,
    next_poll_at TEXT NOT NULL,
    last_poll_at TEXT, last_success_at TEXT, last_error_at TEXT, last_error TEXT, last_status INTEGER,
    polls INTEGER NOT NULL DEFAULT 0,
    not_modified INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0,
    failures INTEGER NOT NULL DEFAULT 0,
    items_found INTEGER NOT NULL DEFAULT 0,
    items_ingested INTEGER NOT NULL DEFAULT 0,
    delay_sum_ms INTEGER NOT NULL DEFAULT 0,
    delay_count INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX sources_next_poll_at ON sources (next_poll_at);

  CREATE TABLE source_items (
    source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    item_key TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (source_id, item_key)
  ) WITHOUT ROWID;

  CREATE TABLE watchlists (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    query_json TEXT NOT NULL,
    webhook_url TEXT, webhook_secret TEXT,
    created_at TEXT NOT NULL
  );

  -- AUTOINCREMENT: the id of a removed alert is never handed out again (Atom readers key entries on it).
  CREATE TABLE alerts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    watchlist_id TEXT NOT NULL REFERENCES watchlists (id) ON DELETE CASCADE,
    cluster_id TEXT NOT NULL,
    article_id TEXT NOT NULL,
    title TEXT, url TEXT, outlet TEXT, published_at TEXT,
    created_at TEXT NOT NULL,
    match_json TEXT NOT NULL,
    delivery_status TEXT NOT NULL CHECK (delivery_status IN ('none', 'pending', 'delivered', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT, last_error TEXT, delivered_at TEXT,
    UNIQUE (watchlist_id, cluster_id)
  );
  CREATE INDEX alerts_created_at ON alerts (created_at, id);
  CREATE INDEX alerts_due ON alerts (delivery_status, next_attempt_at);
  `,
];
