import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import {
  DEFAULT_INGEST_OPTIONS,
  DEFAULT_JSONL_FIELDS,
  ingestItems,
  openSources,
} from '../../ingest/index.ts';
import { normalizeArabic } from '../../text/normalize.ts';
import { parseQuery, toFts5 } from '../query.ts';
import { findMatches, makeSnippet } from '../snippet.ts';
import type { Store } from '../store.ts';
import type { SearchHit, SearchQuery } from '../types.ts';
import { searchArticles } from './search.ts';
import { openSqliteStore } from './sqlite-store.ts';

/** The previous search: one statement joining every match to its article, kept as the oracle. */
function referenceSearch(db: Database.Database, query: SearchQuery): SearchHit[] {
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
  const order = terms.length > 0 ? 'rank, a.id' : 'a.published_at DESC, a.id';
  const sql = `SELECT a.id, a.title, a.published_at, a.url, a.outlet, a.clean_text, ${rank} AS rank FROM ${from}
    ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ? OFFSET ?`;
  params.push(query.limit ?? 20, query.offset ?? 0);
  const rows = db.prepare(sql).all(...params) as Record<string, string | null>[];
  return rows.map((row) => {
    const { snippet, start } = makeSnippet(row.clean_text!, terms);
    const hit: Record<string, unknown> = {
      articleId: row.id,
      score: -row.rank!,
      snippet,
      snippetStart: start,
    };
    if (row.title !== null) {
      hit.title = row.title;
      hit.titleHighlights = { text: row.title, highlights: findMatches(row.title!, terms) };
    }
    if (row.published_at !== null) hit.publishedAt = row.published_at;
    if (row.url !== null) hit.url = row.url;
    if (row.outlet !== null) hit.outlet = row.outlet;
    return hit as unknown as SearchHit;
  });
}

const INPUTS = ['test/fixtures/ingest/corpus-40.jsonl', 'test/fixtures/corpus/saudinewsnet-sample.jsonl'].map(
  (path) => new URL(`../../../${path}`, import.meta.url).pathname,
);
const QUERIES = [
  'الهلال',
  'السعودية',
  'الرياض',
  'وزير',
  'المملكه',
  '"ولي العهد"',
  'الس*',
  '"الأمير محمد"*',
  'الهلال آسيا',
  'كلمةلاتوجد',
  '',
];
const PAGES = [
  {},
  { limit: 1 },
  { limit: 3, offset: 2 },
  { limit: 7, offset: 5 },
  { limit: 100 },
  { limit: -1 },
  { offset: 40 },
  { limit: 0 },
];
const FILTERS: SearchQuery[] = [
  { text: '' },
  { text: '', from: '2015-07-26' },
  { text: '', to: '2015-07-25' },
  { text: '', source: 'almadina' },
  { text: '', source: 'www.al-madina.com' },
  { text: '', entity: 'السعودية' },
];

describe('SQLite search in steps (index, ids, page)', () => {
  let dir: string;
  let store: Store;
  let db: Database.Database;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rasd-search-'));
    const file = join(dir, 'search.db');
    store = await openSqliteStore(file);
    const sources = {
      fields: DEFAULT_JSONL_FIELDS,
      fetch: async (url: string) => assert.fail(`no fetching in this test (${url})`),
      feedSummaryChars: 400,
      counter: { read: 0 },
      maxDocumentBytes: 8 * 1024 * 1024,
    };
    await ingestItems(store, openSources(INPUTS, sources), { ...DEFAULT_INGEST_OPTIONS, analyze: false });
    // Word-for-word copies under new ids: equal scores, so the order of ties is tested at every page edge.
    db = new Database(file);
    const rows = db.prepare('SELECT * FROM articles').all() as Record<string, unknown>[];
    const fts = db.prepare('INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)');
    db.transaction(() => {
      for (const row of rows.slice(0, 20))
        for (let copy = 1; copy <= 3; copy++) {
          const id = createHash('sha256').update(`${row.id}#${copy}`).digest('hex').slice(0, 32);
          const { rowid: _, ...rest } = row;
          const columns = Object.keys(rest);
          const insert = db.prepare(
            `INSERT INTO articles (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
          );
          const added = insert.run(...columns.map((c) => (c === 'id' ? id : rest[c])));
          fts.run(
            added.lastInsertRowid,
            normalizeArabic((row.title as string | null) ?? ''),
            normalizeArabic(row.clean_text as string),
          );
        }
    })();
  });

  after(async () => {
    db.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives what the single joined statement gave: same hits, scores and order', () => {
    let compared = 0;
    for (const text of QUERIES)
      for (const page of PAGES)
        for (const filter of FILTERS) {
          const query = { ...filter, ...page, text };
          const expected = referenceSearch(db, query);
          assert.deepEqual(searchArticles(db, query), expected, JSON.stringify(query));
          if (expected.length > 1) compared++;
        }
    assert.ok(compared > 100, `${compared} queries with several hits`);
  });

  it('orders tied scores by article id', () => {
    let ties = 0;
    for (const text of QUERIES.filter((q) => q !== '')) {
      const hits = searchArticles(db, { text, limit: -1 });
      for (let i = 1; i < hits.length; i++)
        if (hits[i]!.score === hits[i - 1]!.score) {
          ties++;
          assert.ok(hits[i - 1]!.articleId < hits[i]!.articleId);
        }
    }
    assert.ok(ties > 20, `${ties} ties`);
  });
});
