/**
 * PostgreSQL schema migrations, applied in order; `rasd_migrations` records which ran. Never edit a shipped
 * migration: add the next one. Tables, names and columns mirror the SQLite store's (`../sqlite/migrations.ts`);
 * `seq` plays SQLite's `rowid` (ingestion order). Text uses the
 * "C" collation (every text column) so comparisons, sorting and max() are bytewise as in SQLite, whatever the
 * database's locale.
 */
export const MIGRATIONS: readonly string[] = [
  // 1. Articles, sightings, dedup index, analyses and layers, and the search entry of each article.
  `
  CREATE TABLE articles (
    seq BIGSERIAL PRIMARY KEY,
    id TEXT COLLATE "C" NOT NULL UNIQUE,
    title TEXT COLLATE "C", published_at TEXT COLLATE "C", author TEXT COLLATE "C", language TEXT COLLATE "C", url TEXT COLLATE "C", outlet TEXT COLLATE "C", host TEXT COLLATE "C",
    source_json TEXT COLLATE "C" NOT NULL,
    raw_text TEXT COLLATE "C" NOT NULL,
    clean_text TEXT COLLATE "C" NOT NULL,
    offset_map TEXT COLLATE "C" NOT NULL,
    content_hash TEXT COLLATE "C" NOT NULL,
    signature BYTEA NOT NULL,
    words INTEGER NOT NULL,
    ingested_at TEXT COLLATE "C" NOT NULL,
    -- The search entry: rasd's own normalized words (weight A = title), and the column sizes BM25 needs.
    search TSVECTOR NOT NULL,
    title_words INTEGER NOT NULL,
    body_words INTEGER NOT NULL
  );
  CREATE INDEX articles_content_hash ON articles (content_hash);
  CREATE INDEX articles_published_at ON articles (published_at);
  CREATE INDEX articles_outlet ON articles (outlet);
  CREATE INDEX articles_host ON articles (host);
  CREATE INDEX articles_search ON articles USING GIN (search);

  CREATE TABLE sightings (
    seq BIGSERIAL PRIMARY KEY,
    raw_id TEXT COLLATE "C" NOT NULL,
    source_key TEXT COLLATE "C" NOT NULL,
    cluster_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id),
    relation TEXT COLLATE "C" NOT NULL CHECK (relation IN ('original', 'exact', 'near')),
    similarity DOUBLE PRECISION NOT NULL,
    source_json TEXT COLLATE "C" NOT NULL,
    url TEXT COLLATE "C", title TEXT COLLATE "C", published_at TEXT COLLATE "C",
    UNIQUE (raw_id, source_key)
  );
  CREATE INDEX sightings_cluster ON sightings (cluster_id);

  CREATE TABLE lsh_bands (
    band TEXT COLLATE "C" NOT NULL,
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id),
    PRIMARY KEY (band, article_id)
  );

  CREATE TABLE analyses (
    article_id TEXT COLLATE "C" PRIMARY KEY REFERENCES articles (id),
    schema_version INTEGER NOT NULL,
    document BYTEA NOT NULL
  );

  CREATE TABLE entities (
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id),
    entity_id TEXT COLLATE "C" NOT NULL,
    name TEXT COLLATE "C" NOT NULL, norm_name TEXT COLLATE "C" NOT NULL, type TEXT COLLATE "C" NOT NULL, mentions INTEGER NOT NULL,
    data TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (article_id, entity_id)
  );
  CREATE INDEX entities_entity ON entities (entity_id);
  CREATE INDEX entities_norm_name ON entities (norm_name);

  CREATE TABLE quotes (
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id),
    idx INTEGER NOT NULL, type TEXT COLLATE "C" NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT COLLATE "C" NOT NULL,
    actor TEXT COLLATE "C", actor_entity_id TEXT COLLATE "C", data TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (article_id, idx)
  );

  CREATE TABLE events (
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id),
    idx INTEGER NOT NULL, type TEXT COLLATE "C" NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT COLLATE "C" NOT NULL,
    actor TEXT COLLATE "C", actor_entity_id TEXT COLLATE "C", data TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (article_id, idx)
  );

  -- How often a phrase occurs in an article's search entry, each title occurrence counting title_weight and each
  -- body one 1: the per-phrase frequency SQLite's FTS5 bm25() sums. The last word may be a prefix.
  CREATE FUNCTION rasd_phrase_frequency(entry TSVECTOR, words TEXT[], is_prefix BOOLEAN, title_words INTEGER, title_weight DOUBLE PRECISION)
  RETURNS DOUBLE PRECISION LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $fn$
  DECLARE
    n INTEGER := cardinality(words);
    starts INTEGER[];
    found INTEGER[];
    k INTEGER;
  BEGIN
    FOR k IN 1..n LOOP
      SELECT coalesce(array_agg(p::INTEGER), '{}') INTO found
        FROM unnest(entry) AS u, unnest(u.positions) AS p
        WHERE u.lexeme = words[k] OR (is_prefix AND k = n AND starts_with(u.lexeme, words[k]));
      IF k = 1 THEN
        starts := found;
      ELSE
        SELECT coalesce(array_agg(s), '{}') INTO starts FROM unnest(starts) AS s WHERE s + k - 1 = ANY (found);
      END IF;
      EXIT WHEN cardinality(starts) = 0;
    END LOOP;
    RETURN (SELECT coalesce(sum(CASE WHEN s <= title_words THEN title_weight ELSE 1.0::DOUBLE PRECISION END), 0)
      FROM unnest(starts) AS s);
  END
  $fn$;
  `,
  // 2. Read models for the API (as SQLite's migration 2): actor keys across articles, actor-to-actor links, event
  // days, headline verdicts, removed boilerplate and each sighting's source name. No PostgreSQL store was ever
  // released at version 1, so unlike SQLite there is nothing to backfill.
  `
  ALTER TABLE entities ADD COLUMN actor_key TEXT COLLATE "C";
  ALTER TABLE entities ADD COLUMN country TEXT COLLATE "C";
  ALTER TABLE entities ADD COLUMN role TEXT COLLATE "C";
  ALTER TABLE entities ADD COLUMN surface TEXT COLLATE "C";
  CREATE INDEX entities_actor_key ON entities (actor_key);

  ALTER TABLE quotes ADD COLUMN actor_key TEXT COLLATE "C";
  CREATE INDEX quotes_actor_key ON quotes (actor_key);

  ALTER TABLE events ADD COLUMN actor_key TEXT COLLATE "C";
  ALTER TABLE events ADD COLUMN target_key TEXT COLLATE "C";
  ALTER TABLE events ADD COLUMN event_date TEXT COLLATE "C";
  CREATE INDEX events_actor_key ON events (actor_key);
  CREATE INDEX events_target_key ON events (target_key);

  ALTER TABLE sightings ADD COLUMN source_name TEXT COLLATE "C";
  CREATE INDEX sightings_source_name ON sightings (source_name);

  CREATE TABLE actor_links (
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id),
    kind TEXT COLLATE "C" NOT NULL CHECK (kind IN ('quote', 'event')),
    idx INTEGER NOT NULL,
    source_key TEXT COLLATE "C" NOT NULL,
    target_key TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (article_id, kind, idx, target_key)
  );
  CREATE INDEX actor_links_source ON actor_links (source_key);
  CREATE INDEX actor_links_target ON actor_links (target_key);

  CREATE TABLE removals (
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id),
    idx INTEGER NOT NULL, reason TEXT COLLATE "C" NOT NULL, text TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (article_id, idx)
  );

  CREATE TABLE headline_checks (
    article_id TEXT COLLATE "C" PRIMARY KEY REFERENCES articles (id),
    verdict TEXT COLLATE "C" NOT NULL, score DOUBLE PRECISION NOT NULL, suggested TEXT COLLATE "C"
  );
  CREATE INDEX headline_checks_verdict ON headline_checks (verdict, score);
  `,
  // 3. Live monitoring (as SQLite's migration 3): polled sources with their health and the items they listed,
  // watchlists and their alerts (one per watchlist and story, which the UNIQUE constraint enforces).
  // Times stay ISO text, as in SQLite, so comparisons and order are the same on both stores.
  `
  CREATE TABLE sources (
    id TEXT COLLATE "C" PRIMARY KEY,
    url TEXT COLLATE "C" NOT NULL UNIQUE,
    kind TEXT COLLATE "C", name TEXT COLLATE "C",
    every_ms BIGINT NOT NULL,
    added_at TEXT COLLATE "C" NOT NULL,
    etag TEXT COLLATE "C", last_modified TEXT COLLATE "C",
    next_poll_at TEXT COLLATE "C" NOT NULL,
    last_poll_at TEXT COLLATE "C", last_success_at TEXT COLLATE "C", last_error_at TEXT COLLATE "C",
    last_error TEXT COLLATE "C", last_status INTEGER,
    polls BIGINT NOT NULL DEFAULT 0,
    not_modified BIGINT NOT NULL DEFAULT 0,
    errors BIGINT NOT NULL DEFAULT 0,
    failures INTEGER NOT NULL DEFAULT 0,
    items_found BIGINT NOT NULL DEFAULT 0,
    items_ingested BIGINT NOT NULL DEFAULT 0,
    delay_sum_ms BIGINT NOT NULL DEFAULT 0,
    delay_count BIGINT NOT NULL DEFAULT 0
  );
  CREATE INDEX sources_next_poll_at ON sources (next_poll_at);

  CREATE TABLE source_items (
    source_id TEXT COLLATE "C" NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    item_key TEXT COLLATE "C" NOT NULL,
    seen_at TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (source_id, item_key)
  );

  CREATE TABLE watchlists (
    id TEXT COLLATE "C" PRIMARY KEY,
    name TEXT COLLATE "C" NOT NULL,
    query_json TEXT COLLATE "C" NOT NULL,
    webhook_url TEXT COLLATE "C", webhook_secret TEXT COLLATE "C",
    created_at TEXT COLLATE "C" NOT NULL
  );

  CREATE TABLE alerts (
    id BIGSERIAL PRIMARY KEY,
    watchlist_id TEXT COLLATE "C" NOT NULL REFERENCES watchlists (id) ON DELETE CASCADE,
    cluster_id TEXT COLLATE "C" NOT NULL,
    article_id TEXT COLLATE "C" NOT NULL,
    title TEXT COLLATE "C", url TEXT COLLATE "C", outlet TEXT COLLATE "C", published_at TEXT COLLATE "C",
    created_at TEXT COLLATE "C" NOT NULL,
    match_json TEXT COLLATE "C" NOT NULL,
    delivery_status TEXT COLLATE "C" NOT NULL CHECK (delivery_status IN ('none', 'pending', 'delivered', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT COLLATE "C", last_error TEXT COLLATE "C", delivered_at TEXT COLLATE "C",
    UNIQUE (watchlist_id, cluster_id)
  );
  CREATE INDEX alerts_created_at ON alerts (created_at, id);
  CREATE INDEX alerts_due ON alerts (delivery_status, next_attempt_at);
  `,
];
