import type Database from 'better-sqlite3';
import { normalizeArabic } from '../../text/normalize.ts';
import { parseQuery, toFts5 } from '../query.ts';
import { findMatches, makeSnippet } from '../snippet.ts';
import type { SearchHit, SearchQuery } from '../types.ts';

interface HitRow {
  id: string;
  title: string | null;
  published_at: string | null;
  url: string | null;
  outlet: string | null;
  clean_text: string;
  rank: number;
}

/**
 * Full-text search over the normalized index, with filters, ranked by BM25 (title weighted 3×), snippets
 * cut from the display text. `searchArticles(db, {text: 'الامم المتحده'})` → hits for «الأمم المتحدة».
 */
export function searchArticles(db: Database.Database, query: SearchQuery): SearchHit[] {
  const terms = parseQuery(query.text);
  const where: string[] = [];
  const params: unknown[] = [];
  let from = 'articles a';
  let rank = '0';
  if (terms.length > 0) {
    from = 'articles_fts f JOIN articles a ON a.rowid = f.rowid';
    where.push('articles_fts MATCH ?');
    params.push(toFts5(terms));
    rank = 'bm25(articles_fts, 3.0, 1.0)';
  }
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
  // Ties go by article id, not insertion order, so the PostgreSQL store (same BM25, same ids) gives the same order.
  const order = terms.length > 0 ? 'rank, a.id' : 'a.published_at DESC, a.id';
  const sql = `SELECT a.id, a.title, a.published_at, a.url, a.outlet, a.clean_text, ${rank} AS rank FROM ${from}
    ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ? OFFSET ?`;
  params.push(query.limit ?? 20, query.offset ?? 0);
  const rows = db.prepare(sql).all(...params) as HitRow[];
  return rows.map((row) => {
    const { snippet, start } = makeSnippet(row.clean_text, terms);
    const hit: Record<string, unknown> = {
      articleId: row.id,
      score: -row.rank,
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
