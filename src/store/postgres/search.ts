import type pg from 'pg';
import { normalizeArabic } from '../../text/normalize.ts';
import { parseQuery } from '../query.ts';
import { findMatches, makeSnippet } from '../snippet.ts';
import type { SearchHit, SearchQuery } from '../types.ts';
import { phraseTsquery, type QueryPhrase, queryPhrases, toTsquery } from './text-search.ts';

interface HitRow {
  id: string;
  title: string | null;
  published_at: string | null;
  url: string | null;
  outlet: string | null;
  clean_text: string;
  score: number;
}

// SQLite FTS5's bm25() constants and the title weight the SQLite store passes it.
const K1 = '1.2::float8';
const B = '0.75::float8';
const TITLE_WEIGHT = 3;

/**
 * Full-text search with the SQLite store's semantics and ranking: the same words (rasd's normalization, no
 * stemming) in a tsvector, the same query meaning, and FTS5's BM25 formula evaluated term by term in the same
 * order (IDF per phrase over the whole table, phrase frequency with the title counting 3×, length = all words
 * of the row), so both stores give the same scores; ties go by article id on both.
 * `await searchArticles(pool, {text: 'الامم المتحده'})` → hits for «الأمم المتحدة».
 */
export async function searchArticles(db: pg.Pool | pg.PoolClient, query: SearchQuery): Promise<SearchHit[]> {
  const terms = parseQuery(query.text);
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where: string[] = [];
  let frequencies: string[] = [];
  let score = '0::float8';
  let order = (t: string) => `${t}.published_at DESC NULLS LAST, ${t}.id`;
  if (terms.length > 0) {
    const phrases = queryPhrases(terms);
    const hits = await phraseHits(db, phrases);
    // Nothing matches an empty table (and FTS5's average length would divide by zero).
    if (hits.counts.every((count) => count === '0')) return [];
    where.push(`a.search @@ ${param(toTsquery(terms))}::tsquery`);
    frequencies = phrases.map((phrase) => phraseFrequency(phrase, param));
    score = bm25(hits, param);
    order = (t: string) => `${t}.score DESC, ${t}.id`;
  }
  if (query.from !== undefined) where.push(`a.published_at >= ${param(query.from)}`);
  if (query.to !== undefined) {
    // Compare only as much of the date as was given, so `to: 2015-07-31` keeps that whole day.
    const to = param(query.to);
    where.push(`substr(a.published_at, 1, length(${to})) <= ${to}`);
  }
  if (query.source !== undefined) {
    const source = param(query.source.toLowerCase().replace(/^www\./, ''));
    where.push(`(lower(a.outlet) = ${source} OR a.host = ${source} OR a.host LIKE '%.' || ${source})`);
  }
  if (query.entity !== undefined) {
    where.push(
      `a.id IN (SELECT article_id FROM entities WHERE entity_id = ${param(query.entity)} OR norm_name = ${param(normalizeArabic(query.entity))})`,
    );
  }
  // Rank ids first (phrase frequencies computed once per matching row), then fetch the texts of one page.
  const sql = `WITH matched AS (
      SELECT a.id, a.published_at, a.title_words, a.body_words${frequencies.map((f, i) => `, ${f} AS f${i}`).join('')}
      FROM articles a ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    ), ranked AS (
      SELECT m.id, m.published_at, ${score} AS score FROM matched m
    ), page AS (
      SELECT * FROM ranked r ORDER BY ${order('r')} LIMIT ${param(query.limit ?? 20)} OFFSET ${param(query.offset ?? 0)}
    )
    SELECT a.id, a.title, a.published_at, a.url, a.outlet, a.clean_text, p.score
    FROM page p JOIN articles a ON a.id = p.id ORDER BY ${order('p')}`;
  const { rows } = await db.query<HitRow>(sql, params);
  return rows.map((row) => {
    const { snippet, start } = makeSnippet(row.clean_text, terms);
    const hit: Record<string, unknown> = {
      articleId: row.id,
      score: row.score,
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

interface PhraseHits {
  /** Articles in the table and their total word count (FTS5's nRow and total size). */
  readonly rows: string;
  readonly words: string;
  /** For each phrase, how many articles contain it (FTS5's nHit). */
  readonly counts: readonly string[];
}

/** Table totals and each phrase's document frequency, in one scan of the articles matching any phrase. */
async function phraseHits(db: pg.Pool | pg.PoolClient, phrases: readonly QueryPhrase[]): Promise<PhraseHits> {
  const literals = phrases.map((p) => phraseTsquery(p));
  const counts = literals.map(
    (_, i) => `count(*) FILTER (WHERE search @@ $${i + 1}::tsquery)::text AS c${i}`,
  );
  const any = literals.map((_, i) => `$${i + 1}::tsquery`).join(' || ');
  const { rows } = await db.query<Record<string, string>>(
    `SELECT t.n_row, t.n_token, h.* FROM
       (SELECT count(*)::text AS n_row, coalesce(sum(title_words + body_words), 0)::text AS n_token FROM articles) AS t,
       (SELECT ${counts.join(', ')} FROM articles WHERE search @@ (${any})) AS h`,
    literals,
  );
  const row = rows[0]!;
  return { rows: row.n_row!, words: row.n_token!, counts: literals.map((_, i) => row[`c${i}`]!) };
}

/**
 * How often a phrase occurs in the row, title occurrences counting 3×. For one word (or prefix), ts_rank_cd
 * with no normalization sums the weight of each occurrence: with weights D = 0.25 (body) and A = 0.75 (title)
 * that is exactly a quarter of the count wanted (quarters are exact in binary), found by a binary search in
 * the tsvector. Word sequences walk the positions in `rasd_phrase_frequency`, only in rows that contain them.
 */
function phraseFrequency(phrase: QueryPhrase, param: (value: unknown) => string): string {
  const query = `${param(phraseTsquery(phrase))}::tsquery`;
  if (phrase.words.length === 1)
    return `(4::float8 * ts_rank_cd('{0.25, 0.25, 0.25, 0.75}', a.search, ${query})::float8)`;
  return `CASE WHEN a.search @@ ${query}
    THEN rasd_phrase_frequency(a.search, ${param(phrase.words)}::text[], ${param(phrase.prefix)}::boolean, a.title_words, ${TITLE_WEIGHT}::float8)
    ELSE 0::float8 END`;
}

/**
 * FTS5's bm25() as SQL over the frequencies f0, f1, … of `matched`, in FTS5's own evaluation order so the
 * doubles come out bit for bit the same (both run glibc's log): idf = ln((N − n + 0.5) / (n + 0.5)), at least
 * 1e-6; score = Σ idf·f·(k1+1) / (f + k1·(1 − b + b·D/avgdl)).
 */
function bm25(hits: PhraseHits, param: (value: unknown) => string): string {
  const rowCount = `${param(hits.rows)}::bigint`;
  const avgdl = `(${param(hits.words)}::bigint::float8 / ${rowCount}::float8)`;
  const length = '(m.title_words + m.body_words)::float8';
  const terms = hits.counts.map((count, i) => {
    const hit = `${param(count)}::bigint`;
    const raw = `ln(((${rowCount} - ${hit})::float8 + 0.5::float8) / (${hit}::float8 + 0.5::float8))`;
    const idf = `(CASE WHEN ${raw} <= 0 THEN 1e-6::float8 ELSE ${raw} END)`;
    const f = `m.f${i}`;
    return `${idf} * ((${f} * (${K1} + 1.0::float8)) / (${f} + ${K1} * (1::float8 - ${B} + ${B} * ${length} / ${avgdl})))`;
  });
  return `(0::float8 + ${terms.join(' + ')})`;
}
