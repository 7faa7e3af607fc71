import type Database from 'better-sqlite3';
import { normalizeArabic } from '../../text/normalize.ts';
import { parseQuery, type QueryTerm, toFts5 } from '../query.ts';
import { findMatches, makeSnippet } from '../snippet.ts';
import type { SearchHit, SearchQuery } from '../types.ts';

interface HitRow {
  rowid: number;
  id: string;
  title: string | null;
  published_at: string | null;
  url: string | null;
  outlet: string | null;
  clean_text: string;
}

/**
 * Full-text search over the normalized index, with filters, ranked by BM25 (title weighted 3×), snippets
 * cut from the display text. `searchArticles(db, {text: 'الامم المتحده'})` → hits for «الأمم المتحدة».
 */
export function searchArticles(db: Database.Database, query: SearchQuery): SearchHit[] {
  const terms = parseQuery(query.text);
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.from !== undefined) {
    where.push('a.published_at >= ?');
    params.push(query.from);
  }
  if (query.to !== undefined) {
    // Compare only as much of the date as was given, so `to: 2015-07-31` keeps that whole day.
    where.push('substr(a.published_at, 1, length(?)) <= ?');
    params.push(query.to, query.to);
  }
  if (query.source !== undefined) {
    const source = query.source.toLowerCase().replace(/^www\./, '');
    where.push(`(lower(a.outlet) = ? OR a.host = ? OR a.host LIKE '%.' || ?)`);
    params.push(source, source, source);
  }
  if (query.entity !== undefined) {
    where.push('a.id IN (SELECT article_id FROM entities WHERE entity_id = ? OR norm_name = ?)');
    params.push(query.entity, normalizeArabic(query.entity));
  }
  const limit = query.limit ?? 20;
  const offset = query.offset ?? 0;
  // One snapshot for the several statements of a ranked search, even while another process writes.
  const hits = db.transaction(() => {
    if (terms.length > 0) return rankedPage(db, terms, where, params, limit, offset);
    const sql = `SELECT a.rowid, a.id, a.title, a.published_at, a.url, a.outlet, a.clean_text FROM articles a
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.published_at DESC, a.id LIMIT ? OFFSET ?`;
    return (statement(db, sql).all(...params, limit, offset) as HitRow[]).map((row) => ({ row, rank: 0 }));
  })();
  return hits.map(({ row, rank }) => {
    const { snippet, start } = makeSnippet(row.clean_text, terms);
    const hit: Record<string, unknown> = {
      articleId: row.id,
      score: -rank,
      snippet,
      snippetStart: start,
    };
    if (row.title !== null) {
      hit.title = row.title;
      hit.titleHighlights = { text: row.title, highlights: findMatches(row.title, terms) };
    }
    if (row.published_at !== null) hit.publishedAt = row.published_at;
    if (row.url !== null) hit.url = row.url;
    if (row.outlet !== null) hit.outlet = row.outlet;
    return hit as unknown as SearchHit;
  });
}

/**
 * The page `[offset, offset + limit)` of the matches ordered by BM25 then article id (ties go by id, not
 * insertion order, so the PostgreSQL store, with the same scores and ids, gives the same order).
 * Done in three steps because SQLite would otherwise join every matching row to `articles` to read its id
 * and carry its whole text through the sort: (1) rowids and scores from the index alone (the join only
 * when a filter needs it), read in score order only until the page is full and the score changes, so
 * every row tied with the last one is in; (2) the ids of those rows, to order the ties; (3) the texts of
 * the page alone.
 */
function rankedPage(
  db: Database.Database,
  terms: readonly QueryTerm[],
  where: readonly string[],
  params: readonly unknown[],
  limit: number,
  offset: number,
): { row: HitRow; rank: number }[] {
  const from = where.length > 0 ? 'articles_fts f JOIN articles a ON a.rowid = f.rowid' : 'articles_fts f';
  const rankSql = `SELECT f.rowid, bm25(articles_fts, 3.0, 1.0) AS rank FROM ${from}
    WHERE ${['articles_fts MATCH ?', ...where].join(' AND ')} ORDER BY rank`;
  // SQLite's reading of LIMIT and OFFSET, which the single-statement query had: negative = none.
  const skip = Math.max(0, offset);
  const wanted = limit < 0 ? Number.POSITIVE_INFINITY : skip + limit;
  const ranked: [rowid: number, rank: number][] = [];
  if (wanted > 0) {
    for (const row of statement(db, rankSql, true).iterate(toFts5(terms), ...params) as Iterable<
      [number, number]
    >) {
      if (ranked.length >= wanted && row[1] !== ranked[ranked.length - 1]![1]) break;
      ranked.push(row);
    }
  }
  if (ranked.length <= skip) return [];
  const ids = new Map(
    statement(db, 'SELECT rowid, id FROM articles WHERE rowid IN (SELECT value FROM json_each(?))', true).all(
      JSON.stringify(ranked.map((r) => r[0])),
    ) as [number, string][],
  );
  ranked.sort((a, b) => a[1] - b[1] || compareBinary(ids.get(a[0])!, ids.get(b[0])!));
  const page = ranked.slice(skip, wanted);
  const rows = new Map(
    (
      statement(
        db,
        `SELECT a.rowid, a.id, a.title, a.published_at, a.url, a.outlet, a.clean_text FROM articles a
         WHERE a.rowid IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify(page.map((r) => r[0]))) as HitRow[]
    ).map((row) => [row.rowid, row]),
  );
  return page.map(([rowid, rank]) => ({ row: rows.get(rowid)!, rank }));
}

// Prepared statements per database and SQL text (a few shapes: one per combination of filters), as parsing
// them anew cost a few percent of a search.
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function statement(db: Database.Database, sql: string, raw = false): Database.Statement {
  let byText = statements.get(db);
  if (byText === undefined) {
    byText = new Map();
    statements.set(db, byText);
  }
  const key = raw ? `raw:${sql}` : sql;
  let prepared = byText.get(key);
  if (prepared === undefined) {
    prepared = raw ? db.prepare(sql).raw() : db.prepare(sql);
    byText.set(key, prepared);
  }
  return prepared;
}

/** SQLite's BINARY order on text (UTF-8 bytes, i.e. code points), which `<` on UTF-16 differs from past U+D7FF. */
function compareBinary(a: string, b: string): number {
  return a === b ? 0 : Buffer.compare(Buffer.from(a), Buffer.from(b));
}
