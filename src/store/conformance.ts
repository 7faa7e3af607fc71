import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../analyze/index.ts';
import { type ArticleSource, makeRawArticle } from '../core/article.ts';
import type { AnalyzedDocument } from '../core/document.ts';
import { createFingerprinter } from '../dedup/index.ts';
import type { Store, StoreFactory } from './store.ts';
import type { NewArticle } from './types.ts';

const fingerprint = createFingerprinter();

const TEXTS = {
  un: 'أكدت الأمم المتحدة يوم الثلاثاء أن المساعدات الإنسانية وصلت إلى مدينة غزة.\nوقال المتحدث باسم المنظمة إن القافلة ضمت عشرين شاحنة.',
  oil: 'ارتفعت أسعار النفط في الأسواق العالمية بعد قرار منظمة أوبك خفض الإنتاج.\nوقال وزير الطاقة السعودي إن القرار يهدف إلى استقرار السوق.',
  sport: 'فاز فريق الهلال على النصر بهدفين مقابل هدف في مباراة الدوري.\nوأحرز سالم الدوسري هدف الفوز في الدقيقة الأخيرة.',
};

/** An article ready for the store, analyzed, with an optional extra layer to exercise entity/quote/event rows. */
function prepare(text: string, title: string, source: ArticleSource, publishedAt?: string, extra?: Record<string, unknown>): NewArticle {
  const raw = makeRawArticle({ source, title, rawText: text, ...(publishedAt === undefined ? {} : { publishedAt }) });
  const doc = analyzeArticle(raw);
  const analysis = { ...doc, annotations: { ...doc.annotations, ...extra } } as AnalyzedDocument;
  return {
    article: doc.article,
    analysis,
    fingerprint: fingerprint(doc.article.cleanText),
    sighting: { rawId: raw.id, sourceKey: source.url ?? raw.id, source, title, relation: 'original', similarity: 1 },
  };
}

function entityLayer(text: string, name: string, id: string): Record<string, unknown> {
  const start = text.indexOf(name);
  return {
    entities: [{ kind: 'entity', id, name, type: 'ORG' }],
    mentions: [{ kind: 'mention', start, end: start + name.length, text: name, type: 'ORG', entityId: id, via: 'registry' }],
  };
}

async function withStore(factory: StoreFactory, body: (store: Store) => Promise<void>): Promise<void> {
  const store = await factory();
  try {
    await body(store);
  } finally {
    await store.close();
  }
}

async function addAll(store: Store, items: readonly NewArticle[]): Promise<void> {
  await store.begin();
  for (const item of items) await store.addArticle(item);
  await store.commit();
}

/**
 * Registers the store contract's tests for one backend. Every implementation runs this same suite:
 * `registerStoreConformance('sqlite', () => openSqliteStore(':memory:'))`.
 */
export function registerStoreConformance(name: string, factory: StoreFactory): void {
  const un = () =>
    prepare(TEXTS.un, 'الأمم المتحدة: المساعدات وصلت غزة', { kind: 'url', url: 'https://www.example.org/un', outlet: 'alpha' }, '2015-07-20T10:00:00Z', entityLayer(TEXTS.un, 'الأمم المتحدة', 'actor:un'));
  const oil = () => prepare(TEXTS.oil, 'النفط يرتفع', { kind: 'url', url: 'https://news.example.com/oil', outlet: 'beta' }, '2015-08-02');
  const sport = () => prepare(TEXTS.sport, 'الهلال يفوز', { kind: 'file', location: 'sport.txt' });

  describe(`store conformance: ${name}`, () => {
    it('stores an article and reads it back with its analysis', async () => {
      await withStore(factory, async (store) => {
        const item = un();
        await addAll(store, [item]);
        const stored = await store.getArticle(item.article.id);
        assert.equal(stored?.cleanText, item.article.cleanText);
        assert.equal(stored?.title, item.article.title);
        assert.equal(stored?.outlet, 'alpha');
        assert.equal(stored?.hasAnalysis, true);
        assert.deepEqual(await store.getAnalysis(item.article.id), JSON.parse(JSON.stringify(item.analysis)));
        assert.equal(await store.getArticle('missing'), undefined);
      });
    });

    it('answers the idempotency and dedup lookups', async () => {
      await withStore(factory, async (store) => {
        const item = un();
        await addAll(store, [item, oil()]);
        assert.equal(await store.hasSighting(item.sighting.rawId, item.sighting.sourceKey), true);
        assert.equal(await store.hasSighting(item.sighting.rawId, 'elsewhere'), false);
        assert.deepEqual(await store.findExact(item.fingerprint.contentHash), { clusterId: item.article.id, articleId: item.article.id });
        assert.equal(await store.findExact('0'.repeat(32)), undefined);
        const candidates = await store.findCandidates(item.fingerprint.bands);
        assert.deepEqual(candidates.map((c) => c.articleId), [item.article.id]);
        assert.deepEqual([...candidates[0]!.signature], [...item.fingerprint.signature]);
      });
    });

    it('keeps every sighting of a cluster in order', async () => {
      await withStore(factory, async (store) => {
        const item = un();
        await addAll(store, [item]);
        await store.begin();
        const copy = { kind: 'url', url: 'https://autoblog.example/copy' } as const;
        await store.addSighting(item.article.id, { rawId: 'r2', sourceKey: copy.url, source: copy, title: 'عنوان آخر', relation: 'near', similarity: 0.8 });
        await store.commit();
        const cluster = await store.getCluster('r2');
        assert.equal(cluster?.id, item.article.id);
        assert.deepEqual(cluster?.sightings.map((s) => [s.relation, s.source.url]), [
          ['original', 'https://www.example.org/un'],
          ['near', 'https://autoblog.example/copy'],
        ]);
        assert.equal((await store.getCluster(item.article.id))?.sightings.length, 2);
      });
    });

    it('loses an uncommitted batch and nothing committed', async () => {
      await withStore(factory, async (store) => {
        await addAll(store, [un()]);
        await store.begin();
        await store.addArticle(oil());
        assert.equal((await store.stats()).articles, 2, 'reads inside the batch see its writes');
        await store.rollback();
        assert.equal((await store.stats()).articles, 1);
      });
    });

    it('finds an article whatever the hamza, ta marbuta and diacritics of the query', async () => {
      await withStore(factory, async (store) => {
        const item = un();
        await addAll(store, [item, oil(), sport()]);
        for (const query of ['الأمم المتحدة', 'الامم المتحده', 'الأُمَمُ المُتَّحِدَةُ', 'الإمم', 'المساعدات الانسانية']) {
          const hits = await store.search({ text: query });
          assert.deepEqual(hits.map((h) => h.articleId), [item.article.id], query);
        }
      });
    });

    it('finds a word written with proclitics attached, and highlights it as written', async () => {
      await withStore(factory, async (store) => {
        const item = sport();
        await addAll(store, [un(), oil(), item]);
        // The text has وأحرز: the query أحرز finds it; حرز (not a clitic form of it) does not.
        const [hit, ...rest] = await store.search({ text: 'أحرز' });
        assert.equal(hit?.articleId, item.article.id);
        assert.equal(rest.length, 0);
        assert.deepEqual(hit.snippet.highlights.map((h) => hit.snippet.text.slice(h.start, h.end)), ['وأحرز']);
        assert.equal((await store.search({ text: 'حرز' })).length, 0);
      });
    });

    it('supports phrase and prefix queries', async () => {
      await withStore(factory, async (store) => {
        const item = oil();
        await addAll(store, [un(), item, sport()]);
        assert.deepEqual((await store.search({ text: '"وزير الطاقة"' })).map((h) => h.articleId), [item.article.id]);
        assert.equal((await store.search({ text: '"الطاقة وزير"' })).length, 0);
        assert.deepEqual((await store.search({ text: 'اوب*' })).map((h) => h.articleId), [item.article.id]);
        assert.equal((await store.search({ text: 'اوب' })).length, 0);
      });
    });

    it('highlights matches as spans of the display text', async () => {
      await withStore(factory, async (store) => {
        await addAll(store, [un()]);
        const [hit] = await store.search({ text: 'الامم المتحده' });
        assert.ok(hit);
        const marked = hit.snippet.highlights.map((h) => hit.snippet.text.slice(h.start, h.end));
        assert.deepEqual(marked, ['الأمم', 'المتحدة']);
        assert.deepEqual(hit.titleHighlights?.highlights.map((h) => hit.title?.slice(h.start, h.end)), ['الأمم', 'المتحدة']);
      });
    });

    it('filters by date, source and entity', async () => {
      await withStore(factory, async (store) => {
        const a = un();
        const b = oil();
        await addAll(store, [a, b, sport()]);
        const ids = async (q: Parameters<Store['search']>[0]) => (await store.search(q)).map((h) => h.articleId).sort();
        assert.deepEqual(await ids({ text: 'وقال', from: '2015-08-01' }), [b.article.id]);
        assert.deepEqual(await ids({ text: 'وقال', to: '2015-07-20' }), [a.article.id]);
        assert.deepEqual(await ids({ text: 'وقال', source: 'beta' }), [b.article.id]);
        assert.deepEqual(await ids({ text: 'وقال', source: 'example.org' }), [a.article.id]);
        assert.deepEqual(await ids({ text: 'وقال', entity: 'actor:un' }), [a.article.id]);
        assert.deepEqual(await ids({ text: '', entity: 'الامم المتحده' }), [a.article.id]);
      });
    });

    it('exports articles and layer rows in a stable order', async () => {
      await withStore(factory, async (store) => {
        const a = un();
        await addAll(store, [a, oil()]);
        const rows = async (kind: 'articles' | 'entities' | 'quotes' | 'events') => {
          const out = [];
          for await (const row of store.exportRows(kind)) out.push(row);
          return out;
        };
        const articles = await rows('articles');
        assert.deepEqual(articles.map((r) => r.id), [a.article.id, (await store.search({ text: 'النفط' }))[0]?.articleId]);
        assert.equal(articles[0]?.text, a.article.cleanText);
        const entities = (await rows('entities')).filter((r) => r.articleId === a.article.id);
        assert.deepEqual(entities.map((r) => [r.entityId, r.mentions]), [['actor:un', 1]]);
        assert.ok((await rows('quotes')).every((r) => typeof r.text === 'string'));
        assert.deepEqual(await rows('events'), []);
        const stats = await store.stats();
        assert.equal(stats.articles, 2);
        assert.ok(stats.entities >= 1);
      });
    });
  });
}
