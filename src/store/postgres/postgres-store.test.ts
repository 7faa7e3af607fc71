import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { analyzeArticle } from '../../analyze/index.ts';
import { type ArticleSource, makeRawArticle } from '../../core/article.ts';
import { createFingerprinter } from '../../dedup/index.ts';
import { registerStoreConformance } from '../conformance.ts';
import { monitorConformance } from '../monitor/conformance.ts';
import type { NewArticle } from '../types.ts';
import { openPostgresStore } from './postgres-store.ts';
import { postgresUnavailable, TEST_PG_URL, testSchemas } from './test-database.ts';

const unavailable = await postgresUnavailable();
const schemas = testSchemas();
after(() => schemas.dropAll());

if (unavailable === undefined) {
  // A fresh schema per store: every conformance test starts from an empty, freshly migrated database.
  registerStoreConformance('postgresql (a schema per test)', () => openPostgresStore(schemas.next()));
  monitorConformance('postgresql (a schema per test)', () => openPostgresStore(schemas.next()));
} else if (process.env.CI === 'true') {
  it('reaches PostgreSQL (required on CI)', () => assert.fail(unavailable));
} else {
  it('store conformance: postgresql', { skip: unavailable }, () => {});
}

describe('postgresql store specifics', {
  skip: unavailable !== undefined && process.env.CI !== 'true' ? unavailable : false,
}, () => {
  it('names the database in a connection error', async () => {
    await assert.rejects(openPostgresStore('postgres://nobody@127.0.0.1:1/none'), (error: Error) => {
      assert.match(error.message, /127\.0\.0\.1:1.*cannot connect to PostgreSQL/);
      return true;
    });
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    await assert.rejects(openPostgresStore(`${TEST_PG_URL}?schema=x;drop`), /schema name/);
  });

  it('stores an article exactly once when two workers write it at the same time', async () => {
    const url = schemas.next();
    const [first, second] = [await openPostgresStore(url), await openPostgresStore(url)];
    try {
      const text =
        'أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في مدينة جدة.\nوقال الوزير إن المستشفى يضم مئتي سرير.';
      const item = (source: ArticleSource): NewArticle => {
        const raw = makeRawArticle({ source, title: 'مستشفى جديد في جدة', rawText: text });
        const doc = analyzeArticle(raw);
        const sighting = {
          rawId: raw.id,
          sourceKey: source.url ?? '',
          source,
          relation: 'original',
          similarity: 1,
        } as const;
        return {
          article: doc.article,
          analysis: doc,
          fingerprint: createFingerprinter()(doc.article.cleanText),
          sighting,
        };
      };
      const a = item({ kind: 'url', url: 'https://a.example/x' });
      const b = item({ kind: 'url', url: 'https://b.example/y' });
      // Both batches are open at once; the second insert waits on the first's row, then yields to it.
      await Promise.all([first.begin(), second.begin()]);
      await first.addArticle(a);
      const racing = second.addArticle(b);
      await first.commit();
      await racing;
      await second.commit();
      const stats = await first.stats();
      assert.deepEqual([stats.articles, stats.analyses, stats.sightings], [1, 1, 2]);
      const cluster = await first.getCluster(a.article.id);
      assert.deepEqual(
        cluster?.sightings.map((s) => [s.relation, s.source.url]),
        [
          ['original', 'https://a.example/x'],
          ['exact', 'https://b.example/y'],
        ],
      );
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('opens an already migrated schema again, and searches an empty store', async () => {
    const url = schemas.next();
    await (await openPostgresStore(url)).close();
    const again = await openPostgresStore(url);
    assert.equal((await again.stats()).articles, 0);
    assert.deepEqual(await again.search({ text: 'الرياض "ولي العهد" اوب*' }), []);
    assert.deepEqual(await again.search({ text: '' }), []);
    await again.close();
  });
});
