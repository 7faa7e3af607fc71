import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { validate } from '@readme/openapi-parser';
import type { Static, TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { documentFromJson } from '../../src/core/document.ts';
import { listRoutes, type RunningServer, startServer } from '../../src/server/index.ts';
import {
  ActorResult,
  ActorsResult,
  AnalyzedDocument,
  ArticleResult,
  IngestResult,
  IntegrityResult,
  NetworkResult,
  SearchResult,
  StoreStats,
  TimelineResult,
  TrendsResult,
} from '../../src/server/schemas.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import { queueAddress, queueStatus, removeQueue } from '../../src/queue/index.ts';
import { corpus, ensureDir, FIXTURES, rasdAsync, rasdRun, tempDir } from './helpers.ts';
import { assertError, call } from './http-helpers.ts';
import { REDIS_URL, redisAnswers, uniqueQueueName } from './queue-helpers.ts';

const records = corpus().slice(0, 12);

/** Calls and checks the answer is a 200 matching the route's response schema (response validation). */
async function ok<S extends TSchema>(schema: S, base: string, path: string, init: Parameters<typeof call>[2] = {}): Promise<Static<S>> {
  const res = await call(base, path, init);
  assert.equal(res.status, 200, `${path}: ${res.text.slice(0, 300)}`);
  const problems = [...Value.Errors(schema, res.json)].slice(0, 3);
  assert.deepEqual(problems, [], `${path} answers its documented shape`);
  return res.json as Static<S>;
}

describe('rasd serve: the HTTP API on a real SQLite file (integration)', () => {
  const dir = tempDir();
  const inputs = ensureDir(join(dir, 'inputs'));
  const db = join(dir, 'rasd.db');
  const webRoot = ensureDir(join(dir, 'web'));
  let store: Store;
  let server: RunningServer;
  let base = '';

  before(async () => {
    const original = records[0]!;
    const copy = { ...original, source: 'autoblog', url: 'https://autoblog.example/copy-1', title: 'خبر عاجل ومثير', text: `[ad_1]\n${original.text.trim()}\n[ad_2]\nSource link` };
    writeFileSync(join(inputs, 'dump.jsonl'), [...records, copy].map((r) => JSON.stringify(r)).join('\n'));
    copyFileSync(join(FIXTURES, 'seed-article.txt'), join(inputs, 'seed.txt'));
    const run = await rasdRun(['ingest', inputs, '--db', db, '--json', '--field', 'date=date_extracted']);
    assert.equal(run.status, 0, run.stderr);
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>rasd</title><div id="app"></div>');
    store = await openStore(db);
    server = await startServer({ store, port: 0, webRoot });
    base = server.url;
  });

  after(async () => {
    await server?.close();
    await store?.close();
  });

  it('answers health and stats', async () => {
    assert.deepEqual((await call(base, '/api/health')).json, { ok: true, version: '0.1.0' });
    const stats = await ok(StoreStats, base, '/api/stats');
    assert.equal(stats.articles, records.length + 1, 'the autoblog copy joined its original');
    assert.equal(stats.sightings, records.length + 2);
  });

  it('searches with filters and pagination, and rejects bad parameters with 400', async () => {
    const all = await ok(SearchResult, base, `/api/search?q=${encodeURIComponent('في')}&limit=5`);
    assert.equal(all.hits.length, 5);
    assert.equal(all.limit, 5);
    const second = await ok(SearchResult, base, `/api/search?q=${encodeURIComponent('في')}&limit=1&offset=1`);
    assert.deepEqual(second.hits.map((h) => h.articleId), [all.hits[1]!.articleId]);
    const hit = all.hits[0]!;
    for (const h of hit.snippet.highlights) assert.ok(h.start >= 0 && h.end <= hit.snippet.text.length);
    const bySource = await ok(SearchResult, base, `/api/search?source=${records[2]!.source}&limit=100`);
    assert.ok(bySource.hits.length > 0 && bySource.hits.every((h) => h.outlet === records[2]!.source));
    for (const bad of ['limit=0', 'limit=101', 'limit=abc', 'offset=-1', 'from=yesterday', `q=${'x'.repeat(501)}`]) {
      assertError(await call(base, `/api/search?${bad}`), 400, 'E_BAD_REQUEST');
    }
    for (const odd of ['"unterminated', 'AND OR NOT', '(* ^ -', 'NEAR(a b)', '"', '*']) {
      const res = await call(base, `/api/search?q=${encodeURIComponent(odd)}`);
      assert.ok(res.status === 200 || res.status === 400, `${odd}: ${res.status}`);
    }
  });

  it('gives an article with its full analysis and cluster, 404 when unknown', async () => {
    const id = (await ok(SearchResult, base, `/api/search?q=${encodeURIComponent(records[0]!.title)}&limit=1`)).hits[0]!.articleId;
    const { article, analysis, cluster } = await ok(ArticleResult, base, `/api/articles/${id}`);
    assert.equal(article.id, id);
    // Every span lies in the clean text and matches its words.
    const doc = documentFromJson(JSON.stringify(analysis), 'api');
    assert.equal(doc.article.cleanText, article.cleanText);
    for (const layer of ['boilerplate', 'tokens', 'sentences', 'headlines', 'headlineCheck', 'entities', 'mentions', 'quotes']) {
      assert.ok(layer in doc.annotations, layer);
    }
    assert.deepEqual(cluster?.sightings.map((s) => s.relation), ['original', 'exact']);
    assertError(await call(base, `/api/articles/${'0'.repeat(32)}`), 404, 'E_NOT_FOUND');
    assertError(await call(base, '/api/articles/not-an-id'), 400, 'E_BAD_REQUEST');
  });

  it('analyzes posted text and HTML without storing them', async () => {
    const before = (await ok(StoreStats, base, '/api/stats')).articles;
    const text = await ok(AnalyzedDocument, base, '/api/analyze', { body: { text: records[3]!.text, title: records[3]!.title, publishedAt: '2015-07-26' } });
    const doc = documentFromJson(JSON.stringify(text), 'analyze');
    assert.equal(doc.article.publishedAt, '2015-07-26');
    assert.ok(doc.annotations.tokens.length > 50);
    const html = await ok(AnalyzedDocument, base, '/api/analyze', { body: { html: readFileSync(join(FIXTURES, 'pages', 'cnn-arabic.html'), 'utf8') } });
    assert.ok(documentFromJson(JSON.stringify(html), 'analyze html').article.cleanText.length > 200);
    assert.equal((await ok(StoreStats, base, '/api/stats')).articles, before, 'nothing stored');
  });

  it('rejects bad analyze and ingest bodies with clear 4xx errors', async () => {
    assertError(await call(base, '/api/analyze', { body: {} }), 400, 'E_BAD_REQUEST');
    assertError(await call(base, '/api/analyze', { body: { text: 'نص', html: '<p>نص</p>' } }), 400, 'E_BAD_REQUEST');
    assertError(await call(base, '/api/analyze', { body: { text: '   ' } }), 400, 'E_EMPTY_INPUT');
    assertError(await call(base, '/api/analyze', { body: { text: 'نص', extra: true } }), 400, 'E_BAD_REQUEST');
    assertError(await call(base, '/api/analyze', { raw: '{"text": "نص' }), 400, 'E_BAD_REQUEST');
    assertError(await call(base, '/api/analyze', { raw: 'نص', headers: { 'content-type': 'text/plain' } }), 400, 'E_BAD_REQUEST');
    assertError(await call(base, '/api/analyze', { raw: '<text/>', headers: { 'content-type': 'application/xml' } }), 415, 'E_UNSUPPORTED_MEDIA_TYPE');
    assertError(await call(base, '/api/ingest', { body: { text: 'نص', url: 'ftp://x' } }), 400, 'E_BAD_REQUEST');
    const huge = JSON.stringify({ text: 'خبر '.repeat(600_000) });
    assertError(await call(base, '/api/analyze', { raw: huge }), 413, 'E_TOO_LARGE');
    assertError(await call(base, '/api/nothing-here'), 404, 'E_NOT_FOUND');
  });

  it('ingests through the real pipeline: new, then exact copies join the cluster', async () => {
    const story = corpus()[20]!;
    const first = await ok(IngestResult, base, '/api/ingest', {
      body: { text: story.text, title: story.title, url: 'https://news.example/one', outlet: 'example-news', publishedAt: '2015-07-30' },
    });
    assert.equal(first.relation, 'original');
    assert.equal(first.articleId, first.clusterId);
    const again = await ok(IngestResult, base, '/api/ingest', { body: { text: `${story.text}\nSource link`, title: 'عنوان آخر', url: 'https://copycat.example/two' } });
    assert.deepEqual(again, { articleId: first.articleId, relation: 'exact', clusterId: first.clusterId });
    const stored = await ok(ArticleResult, base, `/api/articles/${first.articleId}`);
    assert.equal(stored.article.outlet, 'example-news');
    assert.equal(stored.cluster?.sightings.length, 2);
    const report = await ok(IntegrityResult, base, '/api/integrity?limit=50');
    const cluster = report.duplicateClusters.find((c) => c.clusterId === first.clusterId);
    assert.deepEqual(cluster?.outlets, ['copycat.example', 'example-news']);
  });

  it('lists actors with counts and gives one with quotes, events and co-actors', async () => {
    const { actors } = await ok(ActorsResult, base, '/api/actors?limit=20');
    assert.ok(actors.length > 5);
    for (let i = 1; i < actors.length; i++) {
      const [p, c] = [actors[i - 1]!, actors[i]!];
      assert.ok(p.articles > c.articles || (p.articles === c.articles && p.id < c.id));
    }
    for (const a of actors) assert.ok(!a.id.startsWith('doc:') && a.articles >= 1 && a.mentions >= 1);
    const saudi = (await ok(ActorsResult, base, `/api/actors?q=${encodeURIComponent('السعودية')}`)).actors;
    const saudiArabia = saudi.find((a) => a.id === 'actor:saudi-arabia');
    assert.ok(saudiArabia, 'an Arabic name finds a registry actor');
    // The registry names it in English; an Arabic reader gets its Arabic name beside it.
    assert.equal(saudiArabia.name, 'Saudi Arabia');
    assert.equal(saudiArabia.arabicName, 'السعودية');
    for (const a of actors) assert.ok(a.arabicName === undefined || /[\u0621-\u064A]/.test(a.arabicName), a.id);
    assert.ok((await ok(ActorsResult, base, '/api/actors?type=LOC')).actors.every((a) => a.type === 'LOC'));
    assertError(await call(base, '/api/actors?type=PLANET'), 400, 'E_BAD_REQUEST');
    assertError(await call(base, '/api/actors?limit=501'), 400, 'E_BAD_REQUEST');
    const speaker = (await ok(ActorsResult, base, '/api/actors?limit=500')).actors.find((a) => a.quotes > 0);
    assert.ok(speaker, 'someone is quoted');
    const detail = await ok(ActorResult, base, `/api/actors/${encodeURIComponent(speaker.id)}`);
    assert.equal(detail.actor.id, speaker.id);
    assert.equal(detail.quotes.length, speaker.quotes);
    assert.ok(detail.coActors.every((c) => c.id !== speaker.id && c.weight >= 1));
    for (const q of detail.quotes) {
      const { article } = await ok(ArticleResult, base, `/api/articles/${q.articleId}`);
      assert.equal(article.cleanText.slice(q.start, q.end), q.text);
    }
    assertError(await call(base, `/api/actors/${encodeURIComponent('actor:no-such-actor')}`), 404, 'E_NOT_FOUND');
  });

  it('gives the co-occurrence network and the timeline', async () => {
    const net = await ok(NetworkResult, base, '/api/network?limit=15');
    assert.ok(net.nodes.length > 2 && net.nodes.length <= 15);
    const ids = new Set(net.nodes.map((n) => n.id));
    assert.ok(net.edges.length > 0);
    for (const e of net.edges) {
      assert.ok(ids.has(e.source) && ids.has(e.target));
      assert.equal(e.weight, e.cooccur + e.quotes + e.events);
    }
    const around = await ok(NetworkResult, base, '/api/network?actor=actor:saudi-arabia&from=2015-01-01&to=2015-12-31');
    assert.equal(around.nodes.find((n) => n.id === 'actor:saudi-arabia')?.arabicName, 'السعودية');
    assertError(await call(base, '/api/network?limit=0'), 400, 'E_BAD_REQUEST');

    const { days } = await ok(TimelineResult, base, '/api/timeline');
    const dates = days.map((d) => d.date);
    assert.deepEqual(dates, [...dates].sort());
    assert.ok(dates.every((d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d)));
    const dated = records.filter((r) => r.date_extracted).length + 1; // + the ingested story dated 2015-07-30
    assert.equal(days.reduce((n, d) => n + d.articles, 0), dated);
    const july26 = (await ok(TimelineResult, base, '/api/timeline?from=2015-07-26&to=2015-07-26')).days;
    assert.ok(july26.length === 1 && july26[0]!.date === '2015-07-26');
    assertError(await call(base, '/api/timeline?type=bad type'), 400, 'E_BAD_REQUEST');
  });

  it('gives trends per day: stories by distinct sources and rising actors, 400 on bad bounds', async () => {
    const wide = await ok(TrendsResult, base, '/api/trends?from=2015-01-01&to=2015-12-31&limit=50');
    const dates = wide.days.map((d) => d.date);
    assert.ok(dates.length > 1 && dates.every((d) => /^2015-\d{2}-\d{2}$/.test(d)));
    assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
    for (const day of wide.days) {
      const sources = day.stories.map((s) => s.sources);
      assert.deepEqual(sources, [...sources].sort((x, y) => y - x), 'most sources first');
      for (const a of day.risingActors) assert.ok(a.count >= 2 && a.score > 0 && a.baseline >= 0);
    }
    const copied = wide.days.flatMap((d) => d.stories).find((s) => s.outlets.includes('autoblog'));
    assert.deepEqual([copied?.sources, copied?.sightings, copied?.outlets], [2, 2, [records[0]!.source, 'autoblog'].sort()]);
    const { article } = await ok(ArticleResult, base, `/api/articles/${copied!.articleId}`);
    assert.equal(article.title, copied!.title);
    const latest = await ok(TrendsResult, base, '/api/trends?days=1&limit=1');
    assert.equal(latest.days.length, 1);
    assert.ok(latest.days[0]!.stories.length === 1 && latest.days[0]!.risingActors.length <= 1);
    assert.ok((await ok(TrendsResult, base, '/api/trends')).days.length <= 7);
    for (const bad of ['limit=0', 'limit=51', 'days=91', 'baselineDays=0', 'from=2015-07', 'to=tomorrow'])
      assertError(await call(base, `/api/trends?${bad}`), 400, 'E_BAD_REQUEST');
  });

  it('reports integrity: duplicates, mismatched headlines, boilerplate and source profiles', async () => {
    const report = await ok(IntegrityResult, base, '/api/integrity');
    const copied = report.duplicateClusters.find((c) => c.outlets.includes('autoblog'));
    assert.ok(copied, 'the autoblog copy forms a cluster with its original');
    assert.equal(copied.copies, 2);
    assert.ok(report.mismatchedHeadlines.every((m) => m.score >= 0 && m.score <= 1 && m.title !== ''));
    assert.ok(report.boilerplate.some((b) => b.reason === 'ad-shortcode'), 'the seed article has [ad_1]');
    const autoblog = report.sources.find((s) => s.source === 'autoblog');
    assert.deepEqual([autoblog?.articles, autoblog?.nearDuplicateShare], [1, 1]);
    const origin = report.sources.find((s) => s.source === records[0]!.source);
    assert.ok((origin?.republishedShare ?? 0) > 0);
    assertError(await call(base, '/api/integrity?limit=-3'), 400, 'E_BAD_REQUEST');
  });

  it('answers /api/queue with 404 when no queue is attached', async () => {
    assertError(await call(base, '/api/queue'), 404, 'E_NO_QUEUE');
  });

  it('sets security headers and serves the UI for non-API paths', async () => {
    for (const path of ['/api/health', '/', '/actors/some-page', '/api/missing']) {
      const res = await call(base, path);
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /script-src 'self';/, path);
      assert.doesNotMatch(csp, /unsafe-inline/);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    }
    assert.match((await call(base, '/actors/some-page')).text, /<div id="app">/);
    assertError(await call(base, '/api/missing'), 404, 'E_NOT_FOUND');
    assertError(await call(base, `/api/search?q=${'a'.repeat(5000)}`), 414, 'E_URI_TOO_LONG');
  });

  it('publishes a valid OpenAPI 3 description listing every route', async () => {
    const doc = (await call(base, '/openapi.json')).json as { openapi: string; paths: Record<string, object> };
    assert.match(doc.openapi, /^3\./);
    const result = await validate(structuredClone(doc) as unknown as Parameters<typeof validate>[0]);
    assert.equal(result.valid, true, JSON.stringify((result as { errors?: unknown }).errors));
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)));
    const registered = listRoutes(server.app).filter((r) => !r.hidden && r.method !== 'HEAD');
    assert.ok(registered.length >= 13);
    for (const route of registered) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      assert.ok(documented.has(`${route.method} ${path}`), `${route.method} ${path} is documented`);
    }
  });
});

describe('rasd serve: the token rule beyond loopback, rate limits, hidden failures (integration)', () => {
  const dir = tempDir();
  let store: Store;
  let guarded: RunningServer;
  const token = 'test-token-0123456789';

  before(async () => {
    store = await openStore(join(dir, 'rasd.db'));
    guarded = await startServer({ store, host: '0.0.0.0', port: 0, token, webRoot: null });
  });

  after(async () => {
    await guarded?.close();
    await store?.close();
  });

  it('refuses to listen beyond loopback without a token', async () => {
    await assert.rejects(startServer({ store, host: '0.0.0.0', port: 0 }), (error: Error) => /without a token/.test(error.message));
  });

  it('needs the bearer token for writes beyond loopback, compared exactly', async () => {
    const body = { text: corpus()[5]!.text, title: corpus()[5]!.title };
    assertError(await call(guarded.url, '/api/ingest', { body }), 401, 'E_UNAUTHORIZED');
    assertError(await call(guarded.url, '/api/ingest', { body, headers: { authorization: `Bearer ${token}x` } }), 401, 'E_UNAUTHORIZED');
    assertError(await call(guarded.url, '/api/ingest', { body, headers: { authorization: token } }), 401, 'E_UNAUTHORIZED');
    const written = await ok(IngestResult, guarded.url, '/api/ingest', { body, headers: { authorization: `Bearer ${token}` } });
    assert.equal(written.relation, 'original');
    assert.equal((await ok(StoreStats, guarded.url, '/api/stats')).articles, 1, 'reads stay open');
    assert.equal((await call(guarded.url, '/api/analyze', { body: { text: 'قال الوزير إن الاجتماع انتهى.' } })).status, 200, 'small analyses stay open');
    assertError(await call(guarded.url, '/api/analyze', { body: { text: 'خبر '.repeat(20_000) } }), 401, 'E_UNAUTHORIZED');
  });

  it('limits requests per client address with 429 and Retry-After', async () => {
    const limited = await startServer({ store, port: 0, webRoot: null, rateLimit: { max: 3, windowMs: 60_000 } });
    try {
      for (let i = 0; i < 3; i++) assert.equal((await call(limited.url, '/api/health')).status, 200);
      const res = await call(limited.url, '/api/health');
      assertError(res, 429, 'E_RATE_LIMITED');
      assert.ok(Number(res.headers.get('retry-after')) > 0);
    } finally {
      await limited.close();
    }
  });

  it('answers an unexpected failure with a bare 500, never its details', async () => {
    const broken = { ...store, stats: async () => Promise.reject(new Error('secret path /var/db at line 3')) } as Store;
    const server = await startServer({ store: broken, port: 0, webRoot: null });
    try {
      const res = await call(server.url, '/api/stats');
      assertError(res, 500, 'E_INTERNAL');
      assert.doesNotMatch(res.text, /secret/);
    } finally {
      await server.close();
    }
  });

  it('reports the attached queue at /api/queue', async (t) => {
    if (!(await redisAnswers())) {
      // Under CI a missing service is a failure, not a skip.
      assert.notEqual(process.env.CI, 'true', `no Redis at ${REDIS_URL}`);
      t.skip(`no Redis at ${REDIS_URL}`);
      return;
    }
    const address = queueAddress(REDIS_URL, uniqueQueueName('serve'));
    const server = await startServer({ store, port: 0, webRoot: null, queueStatus: () => queueStatus(address) });
    try {
      const res = await call(server.url, '/api/queue');
      assert.equal(res.status, 200, res.text);
      assert.deepEqual((res.json as { counts: object }).counts, { waiting: 0, active: 0, delayed: 0, completed: 0, dead: 0 });
    } finally {
      await server.close();
      await removeQueue(address);
    }
  });

  it('the CLI refuses a public address without a token, with a clear message', async () => {
    const run = await rasdRun(['serve', '--db', join(dir, 'cli.db'), '--host', '0.0.0.0', '--port', '0']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /refusing to listen on 0\.0\.0\.0 without a token/);
  });

  it('the CLI serves until SIGTERM, then exits cleanly', async () => {
    const child = rasdAsync(['serve', '--db', join(dir, 'cli-serve.db'), '--port', '0']);
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let stderr = '';
        child.stderr.on('data', (chunk) => {
          stderr += chunk;
          const match = /serving (http:\/\/\S+)/.exec(stderr);
          if (match) resolve(match[1]!);
        });
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
      });
      assert.deepEqual((await call(url, '/api/health')).json, { ok: true, version: '0.1.0' });
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
