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
  sport:
    'فاز فريق الهلال على النصر بهدفين مقابل هدف في مباراة الدوري.\nوأحرز سالم الدوسري هدف الفوز في الدقيقة الأخيرة.',
};

/** An article ready for the store, analyzed, with an optional extra layer to exercise entity/quote/event rows. */
function prepare(
  text: string,
  title: string,
  source: ArticleSource,
  publishedAt?: string,
  extra?: Record<string, unknown>,
): NewArticle {
  const raw = makeRawArticle({
    source,
    title,
    rawText: text,
    ...(publishedAt === undefined ? {} : { publishedAt }),
  });
  const doc = analyzeArticle(raw);
  const analysis = { ...doc, annotations: { ...doc.annotations, ...extra } } as AnalyzedDocument;
  return {
    article: doc.article,
    analysis,
    fingerprint: fingerprint(doc.article.cleanText),
    sighting: {
      rawId: raw.id,
      sourceKey: source.url ?? raw.id,
      source,
      title,
      relation: 'original',
      similarity: 1,
    },
  };
}

function entityLayer(text: string, name: string, id: string): Record<string, unknown> {
  const start = text.indexOf(name);
  return {
    entities: [{ kind: 'entity', id, name, type: 'ORG' }],
    mentions: [
      {
        kind: 'mention',
        start,
        end: start + name.length,
        text: name,
        type: 'ORG',
        entityId: id,
        via: 'registry',
      },
    ],
  };
}

/** A span record of `words` in `text` (the first occurrence at or after `from`). */
function at(text: string, words: string, from = 0): { start: number; end: number; text: string } {
  const start = text.indexOf(words, from);
  if (start < 0) throw new Error(`conformance fixture: ${words} not in text`);
  return { start, end: start + words.length, text: words };
}

/**
 * Entity, quote and event layers over the UN text: the UN (registry) says aid reached Gaza (unlinked, `doc:e1`),
 * and an AID event from the UN to Gaza dated the day after publication.
 */
function unActorLayers(text: string): Record<string, unknown> {
  const un = at(text, 'الأمم المتحدة');
  const gaza = at(text, 'غزة');
  const quote = at(text, 'المساعدات الإنسانية وصلت إلى مدينة غزة');
  return {
    entities: [
      {
        kind: 'entity',
        id: 'actor:un',
        name: 'United Nations',
        type: 'ORG',
        wikidata: 'Q1065',
        titles: ['المنظمة الدولية'],
      },
      { kind: 'entity', id: 'doc:e1', name: 'غزة', type: 'LOC', country: 'PSE' },
    ],
    mentions: [
      { kind: 'mention', ...un, type: 'ORG', entityId: 'actor:un', via: 'registry' },
      { kind: 'mention', ...gaza, type: 'LOC', entityId: 'doc:e1', via: 'model' },
    ],
    quotes: [
      {
        kind: 'quote',
        ...quote,
        form: 'indirect',
        cue: at(text, 'أكدت'),
        speaker: { ...un, entityId: 'actor:un', anonymous: false, via: 'subject' },
        confidence: 0.9,
      },
    ],
    events: [
      {
        kind: 'event',
        ...at(text, text.slice(0, text.indexOf('.'))),
        type: 'AID',
        trigger: at(text, 'وصلت'),
        source: { ...un, entityId: 'actor:un', name: 'United Nations' },
        target: { ...gaza, entityId: 'doc:e1', name: 'غزة', country: 'PSE' },
        time: { ...at(text, 'يوم الثلاثاء'), value: '2015-07-21' },
        negated: false,
        modality: 'asserted',
        confidence: 0.8,
      },
    ],
  };
}

/** OPEC (registry) and the Saudi energy minister (unlinked), who is quoted. */
function oilActorLayers(text: string): Record<string, unknown> {
  const opec = at(text, 'أوبك');
  const minister = at(text, 'وزير الطاقة السعودي');
  return {
    entities: [
      { kind: 'entity', id: 'actor:opec', name: 'OPEC', type: 'ORG' },
      { kind: 'entity', id: 'doc:e1', name: 'وزير الطاقة السعودي', type: 'PER', country: 'SAU' },
    ],
    mentions: [
      { kind: 'mention', ...opec, type: 'ORG', entityId: 'actor:opec', via: 'registry' },
      { kind: 'mention', ...minister, type: 'PER', entityId: 'doc:e1', via: 'model' },
    ],
    quotes: [
      {
        kind: 'quote',
        ...at(text, 'القرار يهدف إلى استقرار السوق'),
        form: 'indirect',
        cue: at(text, 'وقال'),
        speaker: { ...minister, entityId: 'doc:e1', anonymous: false, via: 'subject' },
        confidence: 0.9,
      },
    ],
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
    prepare(
      TEXTS.un,
      'الأمم المتحدة: المساعدات وصلت غزة',
      { kind: 'url', url: 'https://www.example.org/un', outlet: 'alpha' },
      '2015-07-20T10:00:00Z',
      entityLayer(TEXTS.un, 'الأمم المتحدة', 'actor:un'),
    );
  const oil = () =>
    prepare(
      TEXTS.oil,
      'النفط يرتفع',
      { kind: 'url', url: 'https://news.example.com/oil', outlet: 'beta' },
      '2015-08-02',
    );
  const sport = () => prepare(TEXTS.sport, 'الهلال يفوز', { kind: 'file', location: 'sport.txt' });

  describe(`store conformance: ${name}`, () => {
    const unActors = () =>
      prepare(
        TEXTS.un,
        'الأمم المتحدة: المساعدات وصلت غزة',
        { kind: 'url', url: 'https://www.example.org/un', outlet: 'alpha' },
        '2015-07-20T10:00:00Z',
        unActorLayers(TEXTS.un),
      );
    const oilActors = () =>
      prepare(
        TEXTS.oil,
        'النفط يرتفع',
        { kind: 'url', url: 'https://news.example.com/oil', outlet: 'beta' },
        '2015-08-02',
        oilActorLayers(TEXTS.oil),
      );

    it('lists actors across articles, registry ones by id and unlinked ones by name, with filters', async () => {
      await withStore(factory, async (store) => {
        await addAll(store, [unActors(), oilActors(), sport()]);
        const all = await store.listActors({});
        const ids = all.map((a) => a.id);
        for (const id of ['actor:opec', 'actor:un', 'name:غزه', 'name:وزير الطاقه السعودي'])
          assert.ok(ids.includes(id), id);
        assert.ok(
          ids.every((id) => !id.startsWith('doc:')),
          'per-article ids never leak',
        );
        for (let i = 1; i < all.length; i++) {
          const [p, c] = [all[i - 1]!, all[i]!];
          assert.ok(
            p.articles > c.articles || (p.articles === c.articles && p.id < c.id),
            'sorted by articles, then id',
          );
        }
        const un = all.find((a) => a.id === 'actor:un');
        assert.deepEqual(un, {
          id: 'actor:un',
          name: 'United Nations',
          type: 'ORG',
          articles: 1,
          mentions: 1,
          quotes: 1,
          events: 1,
        });
        const gaza = all.find((a) => a.id === 'name:غزه');
        assert.deepEqual([gaza?.country, gaza?.quotes, gaza?.events], ['PSE', 0, 1]);
        assert.deepEqual(
          (await store.listActors({ text: 'الامم المتحده' })).map((a) => a.id),
          ['actor:un'],
          'an Arabic form finds an English-named actor',
        );
        assert.deepEqual(
          (await store.listActors({ text: 'opec' })).map((a) => a.id),
          ['actor:opec'],
        );
        assert.ok((await store.listActors({ type: 'LOC' })).every((a) => a.type === 'LOC'));
        assert.equal((await store.listActors({ limit: 1, offset: 1 }))[0]?.id, ids[1]);
        assert.deepEqual(await store.listActors({ text: '100%_' }), []);
      });
    });

    it('gives an actor with its quotes, events and co-actors', async () => {
      await withStore(factory, async (store) => {
        const a = unActors();
        await addAll(store, [a, oilActors()]);
        const profile = await store.getActor('actor:un');
        assert.equal(profile?.actor.wikidata, 'Q1065');
        assert.deepEqual(profile?.actor.titles, ['المنظمة الدولية']);
        assert.deepEqual(
          profile?.quotes.map((q) => [q.articleId, q.form, q.cue, TEXTS.un.slice(q.start, q.end) === q.text]),
          [[a.article.id, 'indirect', 'أكدت', true]],
        );
        assert.deepEqual(
          profile?.events.map((e) => [e.type, e.role, e.other?.name, e.other?.country, e.time]),
          [['AID', 'source', 'غزة', 'PSE', '2015-07-21']],
        );
        assert.deepEqual(profile?.coActors, [{ id: 'name:غزه', name: 'غزة', type: 'LOC', weight: 1 }]);
        const gaza = await store.getActor('name:غزه');
        assert.deepEqual(
          gaza?.events.map((e) => [e.role, e.other?.entityId]),
          [['target', 'actor:un']],
        );
        const minister = await store.getActor('name:وزير الطاقه السعودي');
        assert.equal(minister?.quotes[0]?.text, 'القرار يهدف إلى استقرار السوق');
        assert.equal(await store.getActor('actor:nobody'), undefined);
      });
    });

    it('builds the actor network from co-occurrence, quotes and events', async () => {
      await withStore(factory, async (store) => {
        await addAll(store, [unActors(), oilActors(), sport()]);
        const net = await store.network({});
        assert.ok(net.nodes.some((n) => n.id === 'actor:un' && n.weight === 1));
        const unGaza = net.edges.find(
          (e) => [e.source, e.target].includes('actor:un') && [e.source, e.target].includes('name:غزه'),
        );
        assert.deepEqual(unGaza, {
          source: 'actor:un',
          target: 'name:غزه',
          weight: 3,
          cooccur: 1,
          quotes: 1,
          events: 1,
        });
        const oil = net.edges.find(
          (e) => e.source === 'name:وزير الطاقه السعودي' || e.target === 'name:وزير الطاقه السعودي',
        );
        assert.deepEqual([oil?.cooccur, oil?.quotes, oil?.events], [1, 0, 0]);
        const later = await store.network({ from: '2015-08-01' });
        assert.deepEqual(later.nodes.map((n) => n.id).sort(), ['actor:opec', 'name:وزير الطاقه السعودي']);
        assert.deepEqual((await store.network({ actor: 'actor:un' })).nodes.map((n) => n.id).sort(), [
          'actor:un',
          'name:غزه',
        ]);
        assert.equal((await store.network({ limit: 1 })).edges.length, 0);
      });
    });

    it('counts articles and events per day', async () => {
      await withStore(factory, async (store) => {
        await addAll(store, [unActors(), oilActors(), sport()]);
        assert.deepEqual((await store.timeline({})).days, [
          { date: '2015-07-20', articles: 1, events: {} },
          { date: '2015-07-21', articles: 0, events: { AID: 1 } },
          { date: '2015-08-02', articles: 1, events: {} },
        ]);
        assert.deepEqual(
          (await store.timeline({ actor: 'actor:opec' })).days.map((d) => d.date),
          ['2015-08-02'],
        );
        assert.deepEqual(
          (await store.timeline({ from: '2015-07-21', to: '2015-07-31' })).days.map((d) => d.date),
          ['2015-07-21'],
        );
        assert.deepEqual(
          (await store.timeline({ type: 'ASSAULT' })).days.flatMap((d) => Object.keys(d.events)),
          [],
        );
      });
    });

    it('reports duplicate clusters, mismatched headlines, boilerplate and source profiles', async () => {
      await withStore(factory, async (store) => {
        const a = unActors();
        const footer = prepare(
          `${TEXTS.oil}\n[ad_1]\nSource link`,
          'الهلال يفوز على النصر في الدوري',
          { kind: 'url', url: 'https://news.example.com/oil', outlet: 'beta' },
          '2015-08-02',
        );
        await addAll(store, [a, footer, sport()]);
        await store.begin();
        const copy = { kind: 'url', url: 'https://www.autoblog.example/copy' } as const;
        await store.addSighting(a.article.id, {
          rawId: 'r2',
          sourceKey: copy.url,
          source: copy,
          title: 'عنوان آخر',
          relation: 'near',
          similarity: 0.8,
        });
        await store.commit();
        const report = await store.integrityReport({});
        assert.deepEqual(report.duplicateClusters, [
          {
            clusterId: a.article.id,
            articleId: a.article.id,
            title: a.article.title,
            copies: 2,
            outlets: ['alpha', 'autoblog.example'],
          },
        ]);
        const removed = footer.analysis?.annotations.boilerplate ?? [];
        assert.ok(removed.length >= 2, 'the fixture has boilerplate');
        assert.equal(
          report.boilerplate.reduce((n, b) => n + b.count, 0),
          removed.length,
        );
        const unrelated = [a, footer].filter(
          (x) => x.analysis?.annotations.headlineCheck?.verdict === 'unrelated',
        );
        assert.ok(unrelated.length >= 1, 'a football title over an oil story does not fit');
        assert.deepEqual(
          report.mismatchedHeadlines.map((m) => m.articleId).sort(),
          unrelated.map((x) => x.article.id).sort(),
        );
        const bySource = new Map(report.sources.map((s) => [s.source, s]));
        assert.deepEqual([...bySource.keys()].sort(), ['alpha', 'autoblog.example', 'beta']);
        assert.deepEqual(
          [bySource.get('alpha')?.republishedShare, bySource.get('alpha')?.nearDuplicateShare],
          [1, 0],
        );
        assert.deepEqual(
          [bySource.get('autoblog.example')?.articles, bySource.get('autoblog.example')?.nearDuplicateShare],
          [1, 1],
        );
        const beta = bySource.get('beta');
        assert.equal(beta?.boilerplatePerArticle, removed.length);
        assert.equal(beta?.mismatchedShare, unrelated.includes(footer) ? 1 : 0);
        assert.ok(beta?.topBoilerplate.some((b) => b.text === 'Source link'));
        assert.deepEqual((await store.integrityReport({ limit: 1 })).sources.length, 1);
      });
    });

    it('gives per day the stories most sources carried and the actors rising against their baseline', async () => {
      await withStore(factory, async (store) => {
        const a = un();
        const opec = (n: number, publishedAt: string, outlet: string) =>
          prepare(
            TEXTS.oil,
            `النفط ${n}`,
            { kind: 'url', url: `https://${outlet}.example/oil-${n}`, outlet },
            publishedAt,
            entityLayer(TEXTS.oil, 'أوبك', 'actor:opec'),
          );
        const burst = [opec(2, '2015-08-02T08:00:00Z', 'beta'), opec(3, '2015-08-02', 'gamma'), opec(4, '2015-08-02', 'beta')];
        await addAll(store, [a, opec(1, '2015-07-25', 'beta'), ...burst]);
        // Copies of the UN story: elsewhere the same day, again at its own outlet, and elsewhere on a later day.
        const copies: [string, ArticleSource, string?][] = [
          ['r2', { kind: 'url', url: 'https://www.autoblog.example/copy' }],
          ['r3', { kind: 'url', url: 'https://www.example.org/un-again', outlet: 'alpha' }],
          ['r4', { kind: 'url', url: 'https://late.example/un' }, '2015-07-26T01:00:00Z'],
        ];
        await store.begin();
        for (const [rawId, source, publishedAt] of copies)
          await store.addSighting(a.article.id, {
            rawId,
            sourceKey: source.url ?? rawId,
            source,
            relation: 'near',
            similarity: 0.9,
            ...(publishedAt === undefined ? {} : { publishedAt }),
          });
        await store.commit();

        const all = await store.trends({});
        assert.deepEqual(
          all.days.map((d) => d.date),
          ['2015-08-02', '2015-07-26', '2015-07-25', '2015-07-20'],
        );
        const day = (date: string) => all.days.find((d) => d.date === date)!;
        assert.deepEqual(day('2015-07-20').stories, [
          {
            clusterId: a.article.id,
            articleId: a.article.id,
            title: a.article.title,
            sources: 2,
            outlets: ['alpha', 'autoblog.example'],
            sightings: 3,
          },
        ]);
        assert.deepEqual(
          day('2015-07-26').stories.map((s) => [s.articleId, s.outlets]),
          [[a.article.id, ['late.example']]],
        );
        assert.deepEqual(
          day('2015-08-02').stories.map((s) => s.articleId),
          burst.map((b) => b.article.id).sort(),
          'equal stories in cluster id order',
        );
        const baseline = 1 / 14;
        assert.deepEqual(day('2015-08-02').risingActors, [
          {
            id: 'actor:opec',
            name: 'أوبك',
            type: 'ORG',
            count: 3,
            baseline: Math.round(baseline * 1000) / 1000,
            score: Math.round(((3 - baseline) / Math.sqrt(baseline + 1)) * 1000) / 1000,
          },
        ]);
        assert.deepEqual(day('2015-07-25').risingActors, [], 'one article is never a rise');
        const short = await store.trends({ baselineDays: 7, days: 1, limit: 1 });
        assert.deepEqual(
          short.days.map((d) => [d.date, d.stories.length, d.risingActors.map((r) => [r.count, r.baseline, r.score])]),
          [['2015-08-02', 1, [[3, 0, 3]]]],
        );
        assert.deepEqual(
          (await store.trends({ from: '2015-07-20', to: '2015-07-25' })).days.map((d) => d.date),
          ['2015-07-25', '2015-07-20'],
        );
        assert.deepEqual(
          (await store.trends({ to: '2015-07' })).days.map((d) => d.date),
          ['2015-07-26', '2015-07-25', '2015-07-20'],
        );
        assert.deepEqual(await store.trends({ from: '2016-01-01' }), { days: [] });
      });
    });

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
        assert.deepEqual(await store.findExact(item.fingerprint.contentHash), {
          clusterId: item.article.id,
          articleId: item.article.id,
        });
        assert.equal(await store.findExact('0'.repeat(32)), undefined);
        const candidates = await store.findCandidates(item.fingerprint.bands);
        assert.deepEqual(
          candidates.map((c) => c.articleId),
          [item.article.id],
        );
        assert.deepEqual([...candidates[0]!.signature], [...item.fingerprint.signature]);
      });
    });

    it('keeps every sighting of a cluster in order', async () => {
      await withStore(factory, async (store) => {
        const item = un();
        await addAll(store, [item]);
        await store.begin();
        const copy = { kind: 'url', url: 'https://autoblog.example/copy' } as const;
        await store.addSighting(item.article.id, {
          rawId: 'r2',
          sourceKey: copy.url,
          source: copy,
          title: 'عنوان آخر',
          relation: 'near',
          similarity: 0.8,
        });
        await store.commit();
        const cluster = await store.getCluster('r2');
        assert.equal(cluster?.id, item.article.id);
        assert.deepEqual(
          cluster?.sightings.map((s) => [s.relation, s.source.url]),
          [
            ['original', 'https://www.example.org/un'],
            ['near', 'https://autoblog.example/copy'],
          ],
        );
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
        for (const query of [
          'الأمم المتحدة',
          'الامم المتحده',
          'الأُمَمُ المُتَّحِدَةُ',
          'الإمم',
          'المساعدات الانسانية',
        ]) {
          const hits = await store.search({ text: query });
          assert.deepEqual(
            hits.map((h) => h.articleId),
            [item.article.id],
            query,
          );
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
        assert.deepEqual(
          hit.snippet.highlights.map((h) => hit.snippet.text.slice(h.start, h.end)),
          ['وأحرز'],
        );
        assert.equal((await store.search({ text: 'حرز' })).length, 0);
      });
    });

    it('supports phrase and prefix queries', async () => {
      await withStore(factory, async (store) => {
        const item = oil();
        await addAll(store, [un(), item, sport()]);
        assert.deepEqual(
          (await store.search({ text: '"وزير الطاقة"' })).map((h) => h.articleId),
          [item.article.id],
        );
        assert.equal((await store.search({ text: '"الطاقة وزير"' })).length, 0);
        assert.deepEqual(
          (await store.search({ text: 'اوب*' })).map((h) => h.articleId),
          [item.article.id],
        );
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
        assert.deepEqual(
          hit.titleHighlights?.highlights.map((h) => hit.title?.slice(h.start, h.end)),
          ['الأمم', 'المتحدة'],
        );
      });
    });

    it('filters by date, source and entity', async () => {
      await withStore(factory, async (store) => {
        const a = un();
        const b = oil();
        await addAll(store, [a, b, sport()]);
        const ids = async (q: Parameters<Store['search']>[0]) =>
          (await store.search(q)).map((h) => h.articleId).sort();
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
        assert.deepEqual(
          articles.map((r) => r.id),
          [a.article.id, (await store.search({ text: 'النفط' }))[0]?.articleId],
        );
        assert.equal(articles[0]?.text, a.article.cleanText);
        const entities = (await rows('entities')).filter((r) => r.articleId === a.article.id);
        assert.deepEqual(
          entities.map((r) => [r.entityId, r.mentions]),
          [['actor:un', 1]],
        );
        assert.ok((await rows('quotes')).every((r) => typeof r.text === 'string'));
        assert.deepEqual(await rows('events'), []);
        const stats = await store.stats();
        assert.equal(stats.articles, 2);
        assert.ok(stats.entities >= 1);
      });
    });
  });
}
