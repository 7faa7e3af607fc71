import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createFetcher, DEFAULT_FETCH_OPTIONS } from '../../src/ingest/fetch.ts';
import type { StoredItem } from '../../src/ingest/pipeline.ts';
import { describePoll } from '../../src/monitor/sources/describe.ts';
import { type PollResult, pollSource } from '../../src/monitor/sources/poll.ts';
import { runWatch, type WatchOptions } from '../../src/monitor/sources/watch.ts';
import type { SourceRecord } from '../../src/monitor/types.ts';
import { openStore } from '../../src/store/open.ts';
import { postgresUnavailable, testSchemas } from '../../src/store/postgres/test-database.ts';
import type { Store } from '../../src/store/store.ts';
import { atomFeed, type CorpusRecord, corpus, rssFeed, tempDir } from './helpers.ts';

// Real SaudiNewsNet articles, so every stored article goes through the full analysis like real news.
const records = corpus();
const MINUTE = 60_000;
const T0 = Date.parse('2026-01-01T00:00:00Z');
// The test's HTTP server shares the event loop with the analysis of what is ingested (the first analysis loads the
// models): on a loaded 2-core machine a good page could miss a 2 s deadline, so the deadline leaves room.
const FETCH_TIMEOUT_MS = 5000;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A plain article page, as a news site would serve it. */
function articlePage(record: CorpusRecord): string {
  const paragraphs = record.text
    .trim()
    .split('\n')
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${escapeHtml(record.title)}</title></head>
<body><nav><a href="/">الرئيسية</a></nav><article><h1>${escapeHtml(record.title)}</h1>${paragraphs}</article><footer>جميع الحقوق محفوظة</footer></body></html>`;
}

/** Records published five minutes before the test clock's start, so the ingestion delay is known. */
const fresh = (list: readonly CorpusRecord[]) =>
  list.map((r) => ({ ...r, date_extracted: '2025-12-31 23:55:00' }));

const pgUnavailable = await postgresUnavailable();
const schemas = testSchemas();
after(() => schemas.dropAll());

watchSuite('SQLite', (dir) => openStore(join(dir, 'rasd.db')));
// The same run against PostgreSQL, when one answers (required under CI, like the other PostgreSQL tests).
watchSuite(
  'PostgreSQL',
  () => openStore(schemas.next()),
  pgUnavailable !== undefined && process.env.CI !== 'true' ? pgUnavailable : false,
);

function watchSuite(
  label: string,
  open: (dir: string) => Promise<Store>,
  skip: string | false = false,
): void {
  describe(`rasd watch: polling live sources on ${label} (integration)`, { skip }, () => {
    const dir = tempDir();
    let server: Server;
    let base = '';
    let store: Store;
    let clock = T0;
    const requests = new Map<string, number>();
    let active = 0;
    let maxActive = 0;
    // What the sources serve; the tests change it between polls.
    const state = { growing: 3, brokenStatus: 500 };
    const pageOf = new Map<string, CorpusRecord>([
      ['/pages/etag-1', records[10]!],
      ['/pages/etag-2', records[11]!],
      ['/pages/sitemap-1', records[20]!],
      ['/pages/sitemap-2', records[21]!],
      ['/pages/old-1', records[22]!],
      ['/pages/flaky-1', records[25]!],
    ]);
    let flakyDown = true;
    let flakyConditional = 0;

    const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
      '/growing.rss': (_req, res) =>
        res
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end(rssFeed(fresh(records.slice(0, state.growing)))),
      '/etag.atom': (req, res) => {
        if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
        const entries = ['/pages/etag-1', '/pages/etag-2'].map((path, i) => ({
          title: pageOf.get(path)!.title,
          url: `${base}${path}`,
          summary: `ملخص قصير ${i + 1}`,
          published: '2025-12-31T23:50:00Z',
        }));
        res.writeHead(200, { 'content-type': 'application/atom+xml', etag: '"v1"' }).end(atomFeed(entries));
      },
      '/broken.rss': (_req, res) => {
        if (state.brokenStatus !== 200) return void res.writeHead(state.brokenStatus).end('internal error');
        res
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end(rssFeed(fresh(records.slice(30, 31))));
      },
      '/slow.rss': (req, res) => {
        // Answers long after the fetch deadline; the client gives up first.
        const timer = setTimeout(
          () => res.writeHead(200).end(rssFeed(records.slice(35, 36))),
          10 * FETCH_TIMEOUT_MS,
        );
        req.socket.on('close', () => clearTimeout(timer));
      },
      '/malformed.rss': (_req, res) =>
        res
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end('<rss version="2.0"><channel><title>x</title><item><title>a</item></channel>'),
      '/flaky.atom': (req, res) => {
        if (req.headers['if-none-match'] !== undefined) flakyConditional++;
        if (req.headers['if-none-match'] === '"f1"') return void res.writeHead(304, { etag: '"f1"' }).end();
        const entries = ['/pages/flaky-1', '/pages/flaky-down'].map((path, i) => ({
          title: `خبر ${i + 1}`,
          url: `${base}${path}`,
          summary: 'ملخص',
          published: '2025-12-31T23:50:00Z',
        }));
        res.writeHead(200, { 'content-type': 'application/atom+xml', etag: '"f1"' }).end(atomFeed(entries));
      },
      '/pages/flaky-down': (_req, res) => {
        if (flakyDown) return void res.writeHead(503).end();
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articlePage(records[26]!));
      },
      '/sitemap-index.xml': (_req, res) =>
        res.writeHead(200, { 'content-type': 'application/xml' }).end(`<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>${base}/sitemap-old.xml</loc><lastmod>2020-01-01</lastmod></sitemap>
  <sitemap><loc>${base}/sitemap-news.xml</loc><lastmod>2025-12-31T23:59:00Z</lastmod></sitemap>
</sitemapindex>`),
      '/sitemap-news.xml': (_req, res) =>
        res.writeHead(200, { 'content-type': 'application/xml' }).end(`<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${['/pages/sitemap-1', '/pages/sitemap-2']
  .map(
    (
      path,
    ) => `<url><loc>${base}${path}</loc><news:news><news:publication><news:name>المدينة</news:name><news:language>ar</news:language></news:publication>
<news:publication_date>2025-12-31T23:45:00Z</news:publication_date><news:title>${escapeHtml(pageOf.get(path)!.title)}</news:title></news:news></url>`,
  )
  .join('\n')}
</urlset>`),
      '/sitemap-old.xml': (_req, res) =>
        res
          .writeHead(200, { 'content-type': 'application/xml' })
          .end(
            `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${base}/pages/old-1</loc></url></urlset>`,
          ),
    };

    const sources = [
      '/growing.rss',
      '/etag.atom',
      '/broken.rss',
      '/slow.rss',
      '/malformed.rss',
      '/sitemap-index.xml',
    ];
    const source = async (path: string): Promise<SourceRecord> =>
      (await store.monitor.getSource(`${base}${path}`))!;
    const stored: StoredItem[] = [];

    /** One `rasd watch --once` round at the test clock. */
    const round = async (extra: Partial<WatchOptions> = {}) => {
      const polled: PollResult[] = [];
      const summary = await runWatch({
        store,
        fetch: createFetcher({
          ...DEFAULT_FETCH_OPTIONS,
          allowPrivate: true,
          minHostIntervalMs: 0,
          timeoutMs: FETCH_TIMEOUT_MS,
        }),
        onStored: (item) => {
          stored.push(item);
        },
        once: true,
        now: () => clock,
        random: () => 0.5, // no jitter: the schedule is exact
        poll: { maxChildSitemaps: 1 },
        onPoll: (result) => polled.push(result),
        ...extra,
      });
      return { summary, polled };
    };
    const pathOf = (result: PollResult) => new URL(result.url).pathname;

    before(async () => {
      server = createServer((req, res) => {
        const path = new URL(req.url ?? '/', 'http://x').pathname;
        requests.set(path, (requests.get(path) ?? 0) + 1);
        active++;
        maxActive = Math.max(maxActive, active);
        res.on('close', () => active--);
        const page = pageOf.get(path);
        if (page !== undefined)
          return void res
            .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
            .end(articlePage(page));
        const route = routes[path];
        if (route === undefined) return void res.writeHead(404).end();
        route(req, res);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      store = await open(dir);
      for (const path of sources)
        await store.monitor.addSource(
          { url: `${base}${path}`, everyMs: 10 * MINUTE },
          new Date(T0).toISOString(),
        );
    });

    after(async () => {
      await store?.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    });

    it('polls every due source once: feeds, summaries with pages, a news sitemap; failures recorded, never blocking', async () => {
      const { summary, polled } = await round();
      assert.equal(summary.polls, 6);
      assert.equal(summary.ok, 3, JSON.stringify(polled.map((p) => [pathOf(p), p.record.error])));
      assert.equal(summary.errors, 3);
      // 3 full-text feed items + 2 summary items (pages fetched) + 2 sitemap pages.
      assert.equal(summary.ingested, 7);
      assert.equal((await store.stats()).articles, 7);
      assert.equal(stored.length, 7);
      assert.ok(
        stored.every((s) => s.relation === 'new' && s.analysis !== undefined),
        'new articles come with their analysis',
      );

      // (d) The slow source timed out while the others were polled meanwhile.
      assert.equal(pathOf(polled.at(-1)!), '/slow.rss');
      assert.match(
        (await source('/slow.rss')).health.lastError ?? '',
        new RegExp(`timed out after ${FETCH_TIMEOUT_MS} ms`),
      );
      // (e) The malformed feed is reported; the sources of the same round were still ingested.
      const malformed = await source('/malformed.rss');
      assert.match(malformed.health.lastError ?? '', /not a feed/);
      const malformedPoll = polled.find((p) => pathOf(p) === '/malformed.rss')!;
      assert.match(
        describePoll(malformedPoll),
        /^error http:\/\/127\.0\.0\.1:\d+\/malformed\.rss: .*not a feed.*; 1 failure in a row, next /,
      );
      assert.match(
        describePoll(polled.find((p) => pathOf(p) === '/growing.rss')!),
        /^ok 200 .*: 3 listed, 3 new, 3 stored; next /,
      );
      assert.equal(malformed.health.errors, 1);
      // Never more than two requests at once against one host.
      assert.ok(maxActive <= 2, `max ${maxActive} concurrent requests`);

      // (f) The sitemap index was followed to its newest child only; its pages were fetched once each.
      assert.equal(requests.get('/sitemap-news.xml'), 1);
      assert.equal(requests.get('/sitemap-old.xml'), undefined);
      assert.equal(requests.get('/pages/old-1'), undefined);
      assert.equal(requests.get('/pages/sitemap-1'), 1);
      const sitemap = await source('/sitemap-index.xml');
      assert.equal(sitemap.kind, 'sitemap', 'kind sniffed on the first poll');
      assert.deepEqual([sitemap.health.itemsFound, sitemap.health.itemsIngested], [2, 2]);
      const fromSitemap = await store.search({ text: `"${records[20]!.title}"` });
      assert.equal(fromSitemap.length, 1);
      assert.equal(
        (await store.getArticle(fromSitemap[0]!.articleId))?.publishedAt,
        '2025-12-31T23:45:00.000Z',
        'the news sitemap date',
      );
      assert.equal((await source('/growing.rss')).kind, 'feed');
    });

    it('ingests the new items of a growing feed exactly once, with their delay', async () => {
      clock = T0 + 11 * MINUTE;
      state.growing = 5;
      const before = await store.stats();
      const { summary } = await round();
      const growing = await source('/growing.rss');
      assert.equal(growing.health.itemsFound, 5);
      assert.equal(growing.health.itemsIngested, 5);
      assert.equal(growing.health.polls, 2);
      assert.equal((await store.stats()).articles, before.articles + 2);
      assert.equal(
        (await store.stats()).sightings,
        before.sightings + 2,
        'old items were not ingested again',
      );
      assert.equal(summary.ingested, 2);
      // Published 5 minutes before T0: ingested at T0 (3 items) and at T0 + 11 min (2 items).
      assert.equal(growing.health.meanDelayMs, (3 * 5 * MINUTE + 2 * 16 * MINUTE) / 5);
      assert.equal(growing.nextPollAt, new Date(clock + 10 * MINUTE).toISOString());
    });

    it('asks conditionally and fetches nothing more when the feed answers 304', async () => {
      const etag = await source('/etag.atom');
      assert.equal(etag.etag, '"v1"');
      assert.equal(etag.health.notModified, 1, 'polled in the round above');
      assert.equal(etag.health.lastStatus, 304);
      assert.deepEqual(
        [requests.get('/pages/etag-1'), requests.get('/pages/etag-2')],
        [1, 1],
        'no item page fetched again',
      );
      assert.equal(etag.health.itemsIngested, 2);
    });

    it('backs off a failing source more each time, then resets once it recovers', async () => {
      const first = await source('/broken.rss');
      assert.equal(first.health.failures, 1);
      assert.equal(first.health.lastStatus, 500);
      assert.match(first.health.lastError ?? '', /HTTP 500/);
      const firstGap = Date.parse(first.nextPollAt) - Date.parse(first.health.lastPollAt!);
      assert.equal(firstGap, 20 * MINUTE);

      await store.monitor.removeSource(`${base}/slow.rss`); // only slows the rounds down from here
      clock = T0 + 21 * MINUTE;
      await round();
      const second = await source('/broken.rss');
      assert.equal(second.health.failures, 2);
      assert.equal(second.health.errors, 2);
      const secondGap = Date.parse(second.nextPollAt) - Date.parse(second.health.lastPollAt!);
      assert.equal(secondGap, 40 * MINUTE);
      assert.ok(secondGap > firstGap);

      // Not due yet: the backoff holds even though other sources are polled.
      clock = T0 + 41 * MINUTE;
      await round();
      assert.equal((await source('/broken.rss')).health.polls, 2);

      state.brokenStatus = 200;
      clock = T0 + 62 * MINUTE;
      const { summary } = await round();
      const recovered = await source('/broken.rss');
      assert.equal(recovered.health.failures, 0);
      assert.equal(recovered.health.lastStatus, 200);
      assert.equal(recovered.health.lastSuccessAt, new Date(clock).toISOString());
      assert.equal(recovered.health.itemsIngested, 1);
      assert.equal(Date.parse(recovered.nextPollAt) - clock, 10 * MINUTE, 'back to the plain interval');
      assert.ok(summary.ingested >= 1);
    });

    it('leaves a failed item unseen and drops the validators, so the next poll fetches it again', async () => {
      const url = `${base}/flaky.atom`;
      await store.monitor.addSource({ url, everyMs: 10 * MINUTE }, new Date(clock).toISOString());
      const fetch = createFetcher({
        ...DEFAULT_FETCH_OPTIONS,
        allowPrivate: true,
        minHostIntervalMs: 0,
        timeoutMs: FETCH_TIMEOUT_MS,
      });
      // Each poll reads the source as the store has it now (validators, failures).
      const poll = async () =>
        pollSource((await store.monitor.getSource(url))!, {
          store,
          fetch,
          now: () => clock,
          random: () => 0.5,
        });
      const first = await poll();
      assert.equal(first.record.outcome, 'ok');
      assert.equal(first.record.ingested, 1);
      assert.equal(first.problems.length, 1);
      assert.match(first.problems[0]!.reason, /HTTP 503/);
      assert.equal(
        (await store.monitor.getSource(url))?.etag,
        undefined,
        'no validator while an item is left behind',
      );
      assert.deepEqual(
        await store.monitor.unseenItems(first.sourceId, [
          `${base}/pages/flaky-1`,
          `${base}/pages/flaky-down`,
        ]),
        [`${base}/pages/flaky-down`],
      );

      flakyDown = false;
      const second = await poll();
      assert.equal(flakyConditional, 0, 'the second poll was not conditional');
      assert.deepEqual(
        [second.record.outcome, second.record.newItems, second.record.ingested, second.problems.length],
        ['ok', 1, 1, 0],
      );
      assert.equal((await store.monitor.getSource(url))?.etag, '"f1"');
      const third = await poll();
      assert.equal(third.record.outcome, 'not-modified');
      assert.equal(requests.get('/pages/flaky-1'), 1);
      await store.monitor.removeSource(url);
    });

    it('stops a continuous watch when its signal aborts', async () => {
      const controller = new AbortController();
      clock = T0 + 120 * MINUTE;
      const polled: string[] = [];
      // The failing malformed feed is backed off past this clock: four of the five sources are due.
      const due = (await store.monitor.dueSources(new Date(clock).toISOString(), 100)).length;
      assert.equal(due, 4);
      const run = runWatch({
        store,
        fetch: createFetcher({
          ...DEFAULT_FETCH_OPTIONS,
          allowPrivate: true,
          minHostIntervalMs: 0,
          timeoutMs: FETCH_TIMEOUT_MS,
        }),
        now: () => clock,
        random: () => 0.5,
        tickMs: 20,
        onPoll: (result) => {
          polled.push(result.url);
          if (polled.length === due) controller.abort();
        },
        signal: controller.signal,
      });
      const summary = await run;
      assert.equal(summary.polls, due, 'each due source polled once; none due again on this clock');
      assert.equal(new Set(polled).size, due);
      assert.deepEqual(summary.results, [], 'results are kept only with `once`');
    });
  });
}
