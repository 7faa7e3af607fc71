import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  DEFAULT_INGEST_OPTIONS,
  DEFAULT_JSONL_FIELDS,
  ingestItems,
  openSources,
} from '../../src/ingest/index.ts';
import { openPostgresStore } from '../../src/store/postgres/index.ts';
import { postgresUnavailable, testSchemas } from '../../src/store/postgres/test-database.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import type { Store } from '../../src/store/store.ts';
import type { SearchQuery, Trends, TrendsQuery } from '../../src/store/types.ts';

// The same real articles through the same ingest code into both stores: the SaudiNewsNet fixtures, the bundled
// examples (which repeat some of them: exact duplicates) and the seed article.
const INPUTS = [
  'test/fixtures/ingest/corpus-40.jsonl',
  'test/fixtures/corpus/saudinewsnet-sample.jsonl',
  'examples/news.jsonl',
  'test/fixtures/ingest/seed-article.txt',
].map((path) => new URL(`../../${path}`, import.meta.url).pathname);

// Arabic queries of every kind the search language has: words (which also match their proclitic forms), a
// query written with a clitic, phrases, prefixes, several terms, and spellings that differ from the text.
const QUERIES: readonly string[] = [
  'الهلال',
  'السعودية',
  'الرياض',
  'بالمملكة',
  'وزير',
  'وقال',
  'المملكه',
  'الصحة',
  '"وزير الخارجية"',
  '"ولي العهد"',
  '"خادم الحرمين الشريفين"',
  'الس*',
  'اقتصاد*',
  '"الأمير محمد"*',
  'الهلال آسيا',
  'المملكة وزير',
  'مجلس الوزراء',
  'وأكد',
  'الامير',
  'إيران',
  'نادي',
  'كلمةلاتوجد',
];

async function ingestInto(store: Store): Promise<void> {
  const sources = {
    fields: DEFAULT_JSONL_FIELDS,
    fetch: async (url: string) => assert.fail(`no fetching in this test (${url})`),
    feedSummaryChars: 400,
    counter: { read: 0 },
    maxDocumentBytes: 8 * 1024 * 1024,
  };
  const summary = await ingestItems(store, openSources(INPUTS, sources), {
    ...DEFAULT_INGEST_OPTIONS,
    batchSize: 16,
  });
  assert.deepEqual(summary.failures, []);
}

const unavailable = await postgresUnavailable();
const schemas = testSchemas();

describe('search parity: SQLite and PostgreSQL give the same results', {
  skip: unavailable !== undefined && process.env.CI !== 'true' ? unavailable : false,
}, () => {
  let sqlite: Store;
  let postgres: Store;

  before(async () => {
    if (unavailable !== undefined) assert.fail(unavailable);
    sqlite = await openSqliteStore(':memory:');
    postgres = await openPostgresStore(schemas.next());
    await ingestInto(sqlite);
    await ingestInto(postgres);
  });

  after(async () => {
    await sqlite?.close();
    await postgres?.close();
    await schemas.dropAll();
  });

  /** Both stores' answers to a query: ids, scores, snippets and highlights must be identical. */
  async function same(query: SearchQuery): Promise<string[]> {
    const [left, right] = [await sqlite.search(query), await postgres.search(query)];
    const what = JSON.stringify(query);
    assert.deepEqual(
      right.map((h) => h.articleId),
      left.map((h) => h.articleId),
      `ids and order for ${what}`,
    );
    assert.deepEqual(
      right.map((h) => h.score + 0),
      left.map((h) => h.score + 0),
      `scores for ${what}`,
    );
    assert.deepEqual(
      right,
      left.map((h) => ({ ...h, score: right.find((r) => r.articleId === h.articleId)?.score })),
      `hits for ${what}`,
    );
    return left.map((h) => h.articleId);
  }

  it('stores the same articles', async () => {
    assert.deepEqual(await postgres.stats(), await sqlite.stats());
    assert.ok((await sqlite.stats()).articles >= 45);
  });

  it('answers a fixed set of Arabic queries alike (same ids, same order, same scores)', async () => {
    let answered = 0;
    for (const text of QUERIES) {
      if ((await same({ text, limit: 100 })).length > 0) answered++;
    }
    assert.ok(answered >= QUERIES.length - 1, `${answered} of ${QUERIES.length} queries found something`);
  });

  it('matches clitic forms alike: المملكة also finds بالمملكة', async () => {
    const plain = await same({ text: 'المملكة', limit: 100 });
    const written = await same({ text: 'بالمملكة', limit: 100 });
    assert.ok(written.length > 0 && written.every((id) => plain.includes(id)));
  });

  it('pages alike, and the pages add up to the whole list', async () => {
    const whole = await same({ text: 'في', limit: 30 });
    assert.equal(whole.length, 30);
    const pages = [];
    for (let offset = 0; offset < 30; offset += 7)
      pages.push(...(await same({ text: 'في', limit: Math.min(7, 30 - offset), offset })));
    assert.deepEqual(pages, whole);
  });

  it('filters by date, source and entity alike', async () => {
    const [first] = await sqlite.search({ text: 'الهلال', limit: 1 });
    const day = first?.publishedAt?.slice(0, 10);
    assert.ok(day !== undefined && first?.outlet !== undefined);
    assert.ok((await same({ text: 'الهلال', from: day })).length > 0);
    assert.ok((await same({ text: 'الهلال', to: day })).length > 0);
    assert.ok((await same({ text: '', from: day, to: day, limit: 50 })).length > 0);
    assert.ok((await same({ text: 'الهلال', source: first.outlet })).length > 0);
    assert.ok((await same({ text: 'في', source: 'al-madina.com' })).length > 0);
    // The registry actor named in most articles, by id and by name (per-article `doc:` ids mean nothing across articles).
    const counts = new Map<string, { n: number; name: string }>();
    for await (const row of sqlite.exportRows('entities')) {
      const id = String(row.entityId);
      if (!id.startsWith('doc:')) counts.set(id, { n: (counts.get(id)?.n ?? 0) + 1, name: String(row.name) });
    }
    const [entityId, top] = [...counts].sort((x, y) => y[1].n - x[1].n || (x[0] < y[0] ? -1 : 1))[0]!;
    assert.ok(top.n >= 2, 'some entity is named in several articles');
    assert.ok((await same({ text: '', entity: entityId, limit: 50 })).length >= 2);
    assert.ok((await same({ text: '', entity: top.name, limit: 50 })).length >= 1);
  });

  it('gives the same read models: actors, an actor profile, network, timeline and integrity report', async () => {
    const both = async <T>(read: (store: Store) => Promise<T>): Promise<T> => {
      const [left, right] = [await read(sqlite), await read(postgres)];
      assert.deepEqual(right, left);
      return left;
    };
    const actors = await both((s) => s.listActors({ limit: 200 }));
    assert.ok(actors.length >= 10);
    await both((s) => s.listActors({ type: 'PER', limit: 20 }));
    await both((s) => s.listActors({ text: 'السعوديه' }));
    await both((s) => s.getActor(actors[0]!.id));
    const network = await both((s) => s.network({ limit: 40 }));
    assert.ok(network.edges.length > 0);
    await both((s) => s.network({ actor: actors[0]!.id, from: '2015-07-20', to: '2015-08-05' }));
    assert.ok((await both((s) => s.timeline({}))).days.length > 0);
    await both((s) => s.timeline({ actor: actors[0]!.id, from: '2015-07-25' }));
    await both((s) => s.integrityReport({ limit: 50 }));
    for (const kind of ['articles', 'entities', 'quotes', 'events'] as const) {
      await both(async (s) => {
        const rows = [];
        for await (const row of s.exportRows(kind)) rows.push(row);
        return rows;
      });
    }
  });

  it('gives the same trends: stories per day by distinct sources, rising actors, ties in the same order', async () => {
    const both = async (query: TrendsQuery): Promise<Trends> => {
      const [left, right] = [await sqlite.trends(query), await postgres.trends(query)];
      assert.deepEqual(right, left, JSON.stringify(query));
      return left;
    };
    const wide = await both({ from: '2000-01-01', to: '2100-12-31', limit: 50 });
    assert.ok(wide.days.length >= 3, 'the corpus spans several days');
    // The fixtures carry each story at one outlet: ordering equal stories (by cluster id) is what differs most easily.
    assert.ok(
      wide.days.some((d) => d.stories.length >= 3),
      'some day has several equal stories',
    );
    assert.ok(
      wide.days.some((d) => d.risingActors.length > 0),
      'some actor rises on some day',
    );
    await both({});
    await both({ days: 30, baselineDays: 3, limit: 3 });
    await both({ from: '2015-07-20', to: '2015-08', baselineDays: 30 });
  });

  it('lists articles newest first alike when there are no words', async () => {
    assert.ok((await same({ text: '', limit: 100 })).length >= 45);
  });
});
