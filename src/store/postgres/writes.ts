import { gzipSync } from 'node:zlib';
import type pg from 'pg';
import { documentToJson } from '../../core/document.ts';
import { signatureToBytes } from '../../dedup/index.ts';
import { layerRows, type SpanRow } from '../layers.ts';
import { sourceName } from '../source-name.ts';
import type { NewArticle, Sighting } from '../types.ts';
import { indexDocument } from './text-search.ts';

type Queryable = pg.Pool | pg.PoolClient;

/** Collects statement parameters and hands out their `$n` placeholders. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast = ''): string {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  }
}

/**
 * Writes one new article with everything that hangs from it in ONE statement: data-modifying CTEs insert the
 * article, then its bands, analysis and layer rows (arrays unnested server-side) only if the article row was
 * new, then its sighting. Round trips, not rows, are what cost over a network. Two workers storing the same
 * story race on `articles.id`: the loser's row is dropped (ON CONFLICT DO NOTHING), its children with it, and
 * its sighting joins the winner's cluster as an exact copy, so an article is stored exactly once.
 */
export async function insertArticle(
  db: Queryable,
  { article, analysis, fingerprint, sighting }: NewArticle,
): Promise<void> {
  const p = new Params();
  const url = article.source.url;
  const entry = indexDocument(article.title ?? '', article.cleanText);
  const parts: string[] = [
    `new_article AS (
      INSERT INTO articles (id, title, published_at, author, language, url, outlet, host, source_json, raw_text, clean_text,
        offset_map, content_hash, signature, words, ingested_at, search, title_words, body_words)
      VALUES (${[
        p.add(article.id),
        p.add(article.title ?? null),
        p.add(article.publishedAt ?? null),
        p.add(article.author ?? null),
        p.add(article.language ?? null),
        p.add(url ?? null),
        p.add(article.source.outlet ?? null),
        p.add(hostOf(url)),
        p.add(JSON.stringify(article.source)),
        p.add(article.rawText),
        p.add(article.cleanText),
        p.add(JSON.stringify(article.offsetMap)),
        p.add(fingerprint.contentHash),
        p.add(Buffer.from(signatureToBytes(fingerprint.signature)), '::bytea'),
        p.add(fingerprint.words, '::int'),
        p.add(new Date().toISOString()),
        p.add(entry.tsvector, '::tsvector'),
        p.add(entry.titleWords, '::int'),
        p.add(entry.bodyWords, '::int'),
      ].join(', ')})
      ON CONFLICT (id) DO NOTHING RETURNING id)`,
  ];
  // Children of the new row only: `FROM new_article` is empty when another writer stored the article first.
  const child = (name: string, sql: string) => parts.push(`${name} AS (${sql})`);
  if (fingerprint.bands.length > 0) {
    child(
      'bands',
      `INSERT INTO lsh_bands (band, article_id) SELECT DISTINCT b, n.id FROM new_article n, unnest(${p.add([...fingerprint.bands], '::text[]')}) AS b
       ON CONFLICT DO NOTHING`,
    );
  }
  if (analysis !== undefined) {
    child(
      'analysis',
      `INSERT INTO analyses (article_id, schema_version, document)
       SELECT n.id, ${p.add(analysis.schemaVersion, '::int')}, ${p.add(gzipSync(documentToJson(analysis), { level: 4 }), '::bytea')} FROM new_article n`,
    );
    layerParts(p, layerRows(analysis), child);
  }
  const stored = p.add(sighting.relation === 'original' ? 'exact' : sighting.relation);
  const relation = `CASE WHEN EXISTS (SELECT 1 FROM new_article) THEN ${p.add(sighting.relation)} ELSE ${stored} END`;
  const similarity = `CASE WHEN EXISTS (SELECT 1 FROM new_article) OR ${stored} <> 'exact' THEN ${p.add(sighting.similarity, '::float8')} ELSE 1 END`;
  await db.query(
    `WITH ${parts.join(',\n')} ${sightingInsert(p, article.id, sighting, relation, similarity)}`,
    p.values,
  );
}

type Rows = ReturnType<typeof layerRows>;

function layerParts(p: Params, rows: Rows, child: (name: string, sql: string) => void): void {
  // The SQLite store replaces an entity met twice (INSERT OR REPLACE): keep the last row per id here too.
  const entities = [...new Map(rows.entities.map((e) => [e.entityId, e])).values()];
  if (entities.length > 0) {
    const columns = (
      [
        'entityId',
        'name',
        'normName',
        'type',
        'mentions',
        'data',
        'actorKey',
        'country',
        'role',
        'surface',
      ] as const
    ).map((key) =>
      p.add(
        entities.map((e) => e[key]),
        key === 'mentions' ? '::int[]' : '::text[]',
      ),
    );
    child(
      'entity_rows',
      `INSERT INTO entities (article_id, entity_id, name, norm_name, type, mentions, data, actor_key, country, role, surface)
       SELECT n.id, u.* FROM new_article n, unnest(${columns.join(', ')}) AS u`,
    );
  }
  spanPart(p, 'quotes', rows.quotes, child);
  spanPart(p, 'events', rows.events, child);
  if (rows.links.length > 0) {
    const l = rows.links;
    child(
      'link_rows',
      `INSERT INTO actor_links (article_id, kind, idx, source_key, target_key)
       SELECT DISTINCT n.id, u.* FROM new_article n, unnest(${p.add(
         l.map((x) => x.kind),
         '::text[]',
       )}, ${p.add(
         l.map((x) => x.idx),
         '::int[]',
       )}, ${p.add(
         l.map((x) => x.sourceKey),
         '::text[]',
       )}, ${p.add(
         l.map((x) => x.targetKey),
         '::text[]',
       )}) AS u ON CONFLICT DO NOTHING`,
    );
  }
  if (rows.removals.length > 0) {
    const r = rows.removals;
    child(
      'removal_rows',
      `INSERT INTO removals (article_id, idx, reason, text)
       SELECT n.id, u.* FROM new_article n, unnest(${p.add(
         r.map((x) => x.idx),
         '::int[]',
       )}, ${p.add(
         r.map((x) => x.reason),
         '::text[]',
       )}, ${p.add(
         r.map((x) => x.text),
         '::text[]',
       )}) AS u`,
    );
  }
  if (rows.headline !== null) {
    const h = rows.headline;
    child(
      'headline_row',
      `INSERT INTO headline_checks (article_id, verdict, score, suggested)
       SELECT n.id, ${p.add(h.verdict)}, ${p.add(h.score, '::float8')}, ${p.add(h.suggested, '::text')} FROM new_article n`,
    );
  }
}

function spanPart(
  p: Params,
  table: 'quotes' | 'events',
  rows: readonly SpanRow[],
  child: (name: string, sql: string) => void,
): void {
  if (rows.length === 0) return;
  const text = (values: (string | null)[]) => p.add(values, '::text[]');
  const int = (values: number[]) => p.add(values, '::int[]');
  const columns = [
    int(rows.map((r) => r.idx)),
    text(rows.map((r) => r.type)),
    int(rows.map((r) => r.start)),
    int(rows.map((r) => r.end)),
    text(rows.map((r) => r.text)),
    text(rows.map((r) => r.actor)),
    text(rows.map((r) => r.actorEntityId)),
    text(rows.map((r) => r.data)),
    text(rows.map((r) => r.actorKey)),
  ];
  // Events also carry their target and resolved day; quotes have no such columns.
  if (table === 'events')
    columns.push(text(rows.map((r) => r.targetKey)), text(rows.map((r) => r.eventDate)));
  child(
    `${table}_rows`,
    `INSERT INTO ${table} (article_id, idx, type, start, "end", text, actor, actor_entity_id, data, actor_key${table === 'events' ? ', target_key, event_date' : ''})
     SELECT n.id, u.* FROM new_article n, unnest(${columns.join(', ')}) AS u`,
  );
}

function sightingInsert(
  p: Params,
  clusterId: string,
  s: Sighting,
  relation: string,
  similarity: string,
): string {
  return `INSERT INTO sightings (raw_id, source_key, cluster_id, relation, similarity, source_json, url, title, published_at, source_name)
    VALUES (${p.add(s.rawId)}, ${p.add(s.sourceKey)}, ${p.add(clusterId)}, ${relation}, ${similarity}, ${p.add(JSON.stringify(s.source))},
      ${p.add(s.source.url ?? null, '::text')}, ${p.add(s.title ?? null, '::text')}, ${p.add(s.publishedAt ?? null, '::text')},
      ${p.add(sourceName(s.source) ?? null, '::text')})
    ON CONFLICT (raw_id, source_key) DO NOTHING`;
}

/** Records a place a story was seen; seeing the same raw article at the same place again changes nothing. */
export async function insertSighting(db: Queryable, clusterId: string, s: Sighting): Promise<void> {
  const p = new Params();
  await db.query(
    sightingInsert(p, clusterId, s, p.add(s.relation), p.add(s.similarity, '::float8')),
    p.values,
  );
}

/** The URL's host without `www.`, for source filters (as the SQLite store keeps it). `hostOf('https://www.bbc.com/x')` → `'bbc.com'`. */
export function hostOf(url: string | undefined): string | null {
  if (url === undefined) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '').toLowerCase();
  } catch {
    return null;
  }
}
