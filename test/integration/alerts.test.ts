import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { XMLValidator } from 'fast-xml-parser';
import { parseAtomFeed } from 'feedsmith';
import { makeRawArticle, type RawArticle } from '../../src/core/article.ts';
import { DEFAULT_INGEST_OPTIONS, ingestItems, type StoredItem } from '../../src/ingest/pipeline.ts';
import type { SourceItem } from '../../src/ingest/types.ts';
import { deliverDue, raiseAlerts, verifySignature, watchlistAtom } from '../../src/monitor/alerts/index.ts';
import type { AlertPayload } from '../../src/monitor/alerts/payload.ts';
import type { Alert, Watchlist } from '../../src/monitor/types.ts';
import { openStore } from '../../src/store/open.ts';
import { postgresUnavailable, testSchemas } from '../../src/store/postgres/test-database.ts';
import type { Store } from '../../src/store/store.ts';
import { corpusSample, seedText } from '../fixtures.ts';
import { tempDir } from './helpers.ts';

// Acceptance of issue 10's alerts: real Arabic stories ingested into a real SQLite store, alerts raised from
// `onCommitted`, pushed to a real HTTP receiver, and each watchlist's Atom feed checked against RFC 4287.

const SECRET = 'rasd-test-secret';
const T0 = '2026-11-29T10:00:00.000Z';
const at = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();

// The seed story (Kim in Russia, Peskov's denial) as three outlets publish it: the same wire copy with the
// small edits each desk makes.
const [seedHeadline = '', ...seedLines] = seedText().split('\n').slice(2);
const seedBody = seedLines.join('\n');
function storyCopies(): RawArticle[] {
  const copy = (url: string, outlet: string, title: string, rawText: string) =>
    makeRawArticle({ source: { kind: 'url', url, outlet }, title, rawText, publishedAt: '2023-09-15' });
  return [
    copy('https://aawsat.com/kim-russia', 'الشرق الأوسط', seedHeadline, seedBody),
    copy(
      'https://www.aljazeera.net/news/kim-plant',
      'الجزيرة',
      `${seedHeadline} (فيديو)`,
      seedBody.replace('الجمعة مصنعا', 'يوم الجمعة مصنعا'),
    ),
    copy(
      'https://www.independentarabia.com/node/kim',
      'اندبندنت عربية',
      seedHeadline,
      `${seedBody}\nالمصدر: وكالات`,
    ),
  ];
}

/** A real story about something else (SaudiNewsNet), optionally under another title. */
function otherStory(index: number, title?: string): RawArticle {
  const a = corpusSample()[index]!;
  return makeRawArticle({
    source: { kind: 'url', url: a.url, outlet: a.source },
    title: title ?? a.title,
    rawText: a.text,
  });
}

async function* items(articles: readonly RawArticle[]): AsyncIterable<SourceItem> {
  for (const article of articles) yield { kind: 'article', article };
}

/** Ingests articles the way `rasd watch` does: alerts raised for every item once its batch is committed. */
async function ingestWithAlerts(store: Store, articles: readonly RawArticle[], now = T0) {
  const stored: StoredItem[] = [];
  const raised: Alert[] = [];
  const summary = await ingestItems(store, items(articles), {
    ...DEFAULT_INGEST_OPTIONS,
    onCommitted: async (item) => {
      stored.push(item);
      raised.push(...(await raiseAlerts(store, item, { now })));
    },
  });
  return { summary, stored, raised };
}

interface Received {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A webhook receiver on 127.0.0.1 answering each request with the next status of its script (the last one repeats). */
class Receiver {
  readonly received: Received[] = [];
  private readonly server: Server;
  private statuses = new Map<string, number[]>();

  constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        this.received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        const script = this.statuses.get(path) ?? [204];
        const status = script.length > 1 ? script.shift()! : script[0]!;
        res.writeHead(status).end();
      });
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  url(path: string, statuses?: number[]): string {
    if (statuses !== undefined) this.statuses.set(path, [...statuses]);
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const unavailable = await postgresUnavailable();
const dir = tempDir();
let n = 0;
after(() => rmSync(dir, { recursive: true, force: true }));
alertsSuite('SQLite', () => openStore(join(dir, `alerts-${++n}.db`)));

const schemas = testSchemas();
after(() => schemas.dropAll());
alertsSuite(
  'PostgreSQL',
  () => openStore(schemas.next()),
  unavailable !== undefined && process.env.CI !== 'true' ? unavailable : false,
);

function alertsSuite(backend: string, freshStore: () => Promise<Store>, skip: string | false = false): void {
  describe(`alerts: one per story, signed webhooks, retries and Atom feeds (${backend})`, { skip }, () => {
    const receiver = new Receiver();

    before(async () => {
      if (unavailable !== undefined && backend === 'PostgreSQL') assert.fail(unavailable);
      await receiver.start();
    });
    after(() => receiver.stop());

    describe('a story published by three sources', () => {
      let store: Store;
      let peskov: Watchlist;
      let kimPutin: Watchlist;
      let biden: Watchlist;
      let viaJazeera: Watchlist;
      let result: Awaited<ReturnType<typeof ingestWithAlerts>>;

      before(async () => {
        store = await freshStore();
        peskov = await store.monitor.addWatchlist(
          {
            name: 'بيسكوف',
            query: { speaker: 'بيسكوف' },
            webhook: { url: receiver.url('/peskov'), secret: SECRET },
          },
          T0,
        );
        kimPutin = await store.monitor.addWatchlist(
          {
            name: 'Kim + Putin',
            query: { actors: ['كيم جونغ أون', 'بوتين'] },
            webhook: { url: receiver.url('/kim'), secret: SECRET },
          },
          T0,
        );
        biden = await store.monitor.addWatchlist(
          {
            name: 'Biden',
            query: { speaker: 'بايدن' },
            webhook: { url: receiver.url('/biden'), secret: SECRET },
          },
          T0,
        );
        // Only the second copy is from Al Jazeera: the copy raises the alert.
        viaJazeera = await store.monitor.addWatchlist(
          { name: 'Peskov on Al Jazeera', query: { speaker: 'بيسكوف', source: 'aljazeera.net' } },
          T0,
        );
        result = await ingestWithAlerts(store, [...storyCopies(), otherStory(0)]);
        await deliverDue(store, { now: T0 });
      });
      after(() => store.close());

      it('stores one story with two copies in its cluster, and the other story apart', () => {
        assert.equal(result.summary.new, 2);
        assert.equal(result.summary.duplicates + result.summary.nearDuplicates, 2);
        const clusters = new Set(result.stored.slice(0, 3).map((s) => s.clusterId));
        assert.equal(clusters.size, 1);
      });

      it('raises exactly one alert per matching watchlist, none for the copies or the other story', async () => {
        assert.deepEqual(
          result.raised.map((a) => a.watchlistId).sort(),
          [peskov.id, kimPutin.id, viaJazeera.id].sort(),
        );
        assert.equal((await store.monitor.listAlerts({ watchlistId: peskov.id })).length, 1);
        assert.equal((await store.monitor.listAlerts({ watchlistId: kimPutin.id })).length, 1);
        assert.equal((await store.monitor.listAlerts({ watchlistId: biden.id })).length, 0);
        const [jazeera] = await store.monitor.listAlerts({ watchlistId: viaJazeera.id });
        assert.equal(jazeera?.url, 'https://www.aljazeera.net/news/kim-plant');
        assert.equal(jazeera?.title, `${seedHeadline} (فيديو)`);
        assert.deepEqual(
          jazeera?.match.reasons.map((r) => r.kind),
          ['source', 'quote'],
        );
        assert.equal(jazeera?.delivery.status, 'none');
        const [alert] = await store.monitor.listAlerts({ watchlistId: peskov.id });
        assert.equal(alert?.url, 'https://aawsat.com/kim-russia');
        assert.equal(alert?.outlet, 'الشرق الأوسط');
        assert.equal(alert?.match.reasons[0]?.kind, 'quote');
        assert.equal(alert?.match.reasons[0]?.detail, 'Dmitry Peskov');
      });

      it('delivers exactly one signed alert to each webhook, which the secret verifies', async () => {
        assert.equal(receiver.at('/biden').length, 0);
        for (const [path, watchlist] of [
          ['/peskov', peskov],
          ['/kim', kimPutin],
        ] as const) {
          const got = receiver.at(path);
          assert.equal(got.length, 1, path);
          const request = got[0]!;
          assert.equal(request.headers['content-type'], 'application/json');
          assert.ok(
            verifySignature(request.body, request.headers['x-rasd-signature'], SECRET),
            'signature verifies',
          );
          assert.ok(!verifySignature(request.body, request.headers['x-rasd-signature'], 'wrong secret'));
          const payload = JSON.parse(request.body) as AlertPayload;
          assert.equal(payload.type, 'rasd.alert');
          assert.deepEqual(payload.watchlist, { id: watchlist.id, name: watchlist.name });
          assert.equal(request.headers['x-rasd-alert'], payload.alert.id);
          assert.equal('delivery' in payload.alert, false);
          assert.equal(payload.alert.title, seedHeadline);
          const stored = await store.monitor.getAlert(payload.alert.id);
          assert.equal(stored?.delivery.status, 'delivered');
          assert.equal(stored?.delivery.attempts, 1);
        }
      });

      it('sends nothing more on the next rounds, nor when the story is seen again', async () => {
        await deliverDue(store, { now: at(60_000) });
        const again = await ingestWithAlerts(
          store,
          [
            makeRawArticle({
              ...storyCopies()[0]!,
              source: { kind: 'url', url: 'https://arabic.rt.com/kim', outlet: 'RT' },
            }),
          ],
          at(60_000),
        );
        assert.equal(again.raised.length, 0);
        await deliverDue(store, { now: at(120_000) });
        assert.equal(receiver.at('/peskov').length, 1);
        assert.equal(receiver.at('/kim').length, 1);
      });

      it("lets a copy seen after a watchlist was made raise the story's first alert, once", async () => {
        const late = await store.monitor.addWatchlist(
          { name: 'Kremlin denial', query: { eventTypes: ['REJECT'], eventSource: 'الكرملين' } },
          at(200_000),
        );
        const copies = storyCopies().map((a, i) =>
          makeRawArticle({ ...a, source: { kind: 'url', url: `https://late.example/${i}`, outlet: 'late' } }),
        );
        const seen = await ingestWithAlerts(store, copies, at(200_000));
        assert.equal(seen.raised.length, 1);
        assert.equal(seen.raised[0]?.watchlistId, late.id);
        assert.equal(seen.raised[0]?.delivery.status, 'none');
      });
    });

    describe('webhook retries', () => {
      it('retries a failing receiver with growing delays until it answers 2xx', async () => {
        const store = await freshStore();
        try {
          await store.monitor.addWatchlist(
            {
              name: 'flaky',
              query: { speaker: 'بيسكوف' },
              webhook: { url: receiver.url('/flaky', [500, 500, 200]), secret: SECRET },
            },
            T0,
          );
          await ingestWithAlerts(store, storyCopies().slice(0, 1));
          const options = { baseDelayMs: 5000, random: () => 0.5 };

          const first = await deliverDue(store, { ...options, now: T0 });
          assert.equal(first[0]?.error, 'HTTP 500');
          const retry1 = Date.parse(first[0]?.nextAttemptAt ?? '') - Date.parse(T0);
          assert.ok(retry1 >= 5000 && retry1 <= 5500, `first retry after ${retry1} ms`);
          // Not due yet: no request.
          assert.deepEqual(await deliverDue(store, { ...options, now: at(retry1 - 1) }), []);

          const second = await deliverDue(store, { ...options, now: at(retry1) });
          const retry2 = Date.parse(second[0]?.nextAttemptAt ?? '') - Date.parse(at(retry1));
          assert.ok(retry2 >= 10_000 && retry2 <= 11_000, `second retry after ${retry2} ms`);
          assert.ok(retry2 > retry1);

          const third = await deliverDue(store, { ...options, now: at(retry1 + retry2) });
          assert.equal(third[0]?.ok, true);
          const [alert] = await store.monitor.listAlerts({});
          assert.equal(alert?.delivery.status, 'delivered');
          assert.equal(alert?.delivery.attempts, 3);
          assert.equal(alert?.delivery.deliveredAt, at(retry1 + retry2));
          const got = receiver.at('/flaky');
          assert.equal(got.length, 3);
          // Every retry carries the same signed body.
          assert.equal(new Set(got.map((r) => r.body)).size, 1);
          assert.ok(got.every((r) => verifySignature(r.body, r.headers['x-rasd-signature'], SECRET)));
        } finally {
          await store.close();
        }
      });

      it('gives up as failed after maxAttempts on a receiver that always fails', async () => {
        const store = await freshStore();
        try {
          await store.monitor.addWatchlist(
            { name: 'down', query: { speaker: 'بيسكوف' }, webhook: { url: receiver.url('/down', [503]) } },
            T0,
          );
          await ingestWithAlerts(store, storyCopies().slice(0, 1));
          let now = T0;
          for (let round = 0; round < 10; round++) {
            const attempts = await deliverDue(store, { now, maxAttempts: 4, baseDelayMs: 1000 });
            now = attempts[0]?.nextAttemptAt ?? at(Date.parse(now) - Date.parse(T0) + 3_600_000);
          }
          const [alert] = await store.monitor.listAlerts({});
          assert.equal(alert?.delivery.status, 'failed');
          assert.equal(alert?.delivery.attempts, 4);
          assert.equal(alert?.delivery.lastError, 'HTTP 503');
          assert.equal(receiver.at('/down').length, 4);
          // Unsigned when the watchlist has no secret.
          assert.equal(receiver.at('/down')[0]?.headers['x-rasd-signature'], undefined);
        } finally {
          await store.close();
        }
      });

      it('counts a receiver that does not answer as a failed attempt', async () => {
        const store = await freshStore();
        try {
          // A port nobody listens on: the connection is refused.
          const closed = createServer();
          await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
          const port = (closed.address() as AddressInfo).port;
          await new Promise<void>((resolve) => closed.close(() => resolve()));
          await store.monitor.addWatchlist(
            { name: 'gone', query: { speaker: 'بيسكوف' }, webhook: { url: `http://127.0.0.1:${port}/x` } },
            T0,
          );
          await ingestWithAlerts(store, storyCopies().slice(0, 1));
          const [attempt] = await deliverDue(store, { now: T0 });
          assert.equal(attempt?.ok, false);
          assert.ok(attempt?.nextAttemptAt);
          assert.equal((await store.monitor.listAlerts({}))[0]?.delivery.status, 'pending');
        } finally {
          await store.close();
        }
      });
    });

    describe('the Atom feed of a watchlist', () => {
      let store: Store;
      let watchlist: Watchlist;
      let xml: string;
      const hostile = 'عاجل <script>alert("x")</script> & روسيا';

      before(async () => {
        store = await freshStore();
        watchlist = await store.monitor.addWatchlist(
          { name: 'كوريا الشمالية & روسيا', query: { text: 'روسيا' } },
          T0,
        );
        await store.monitor.addWatchlist({ name: 'other', query: { speaker: 'بايدن' } }, T0);
        const seed = storyCopies()[0]!;
        await ingestWithAlerts(store, [seed, otherStory(1)], T0);
        // A second story naming Russia, under a hostile title.
        const text =
          'قالت وزارة الخارجية الروسية إن روسيا سترد على العقوبات الجديدة. وأضافت الوزارة في بيان أن موسكو لن تقبل الضغوط.';
        await ingestWithAlerts(
          store,
          [
            makeRawArticle({
              source: { kind: 'url', url: 'https://example.com/ru?a=1&b=2', outlet: 'example' },
              title: hostile,
              rawText: text,
            }),
          ],
          at(60_000),
        );
        const alerts = await store.monitor.listAlerts({ watchlistId: watchlist.id });
        xml = watchlistAtom(watchlist, alerts, {
          selfUrl: `http://127.0.0.1:3000/api/watchlists/${watchlist.id}/atom`,
          siteUrl: 'http://127.0.0.1:3000/',
        });
      });
      after(() => store.close());

      it('is well-formed XML that feedsmith parses as Atom', () => {
        assert.equal(XMLValidator.validate(xml), true);
        const feed = parseAtomFeed(xml);
        assert.equal(feed.entries?.length, 2);
      });

      it('meets RFC 4287: one id, title and updated per feed and entry, an author, alternate links, unique ids, RFC 3339 dates', () => {
        assertAtomRules(xml);
      });

      it('lists the matching articles, newest first, with the hostile title escaped', () => {
        const feed = parseAtomFeed(xml);
        const titles = feed.entries?.map((e) => e.title?.value);
        assert.deepEqual(titles, [hostile, seedHeadline]);
        assert.equal(
          feed.entries?.[0]?.links?.find((l) => l.rel === 'alternate')?.href,
          'https://example.com/ru?a=1&b=2',
        );
        assert.equal(
          feed.entries?.[1]?.links?.find((l) => l.rel === 'alternate')?.href,
          'https://aawsat.com/kim-russia',
        );
        assert.ok(!xml.includes('<script>'));
        assert.ok(xml.includes('&lt;script&gt;alert("x")&lt;/script&gt; &amp; روسيا'));
        assert.match(xml, /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom" xml:lang="ar">/);
        assert.equal(String(feed.updated), at(60_000));
        // The summary says why it matched.
        assert.match(feed.entries?.[0]?.summary?.value ?? '', /text: «روسيا»/);
      });
    });
  });
}

// RFC 3339 date-time (Atom §3.3): full date, T, time, seconds fraction optional, Z or an offset.
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The RFC 4287 rules a reader relies on, checked on the raw XML (children of feed and of each entry). */
function assertAtomRules(xml: string): void {
  const feedHead = xml.slice(
    xml.indexOf('<feed'),
    xml.indexOf('<entry') === -1 ? undefined : xml.indexOf('<entry'),
  );
  const entries = [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => m[1]!);
  const count = (part: string, name: string) => part.match(new RegExp(`<${name}[ >/]`, 'g'))?.length ?? 0;
  const value = (part: string, name: string) => new RegExp(`<${name}[^>]*>([^<]*)</${name}>`).exec(part)?.[1];
  // atom:feed — exactly one id, title, updated; at least one author (or every entry has one); rel=self link.
  for (const name of ['id', 'title', 'updated']) assert.equal(count(feedHead, name), 1, `feed ${name}`);
  assert.ok(count(feedHead, 'author') >= 1 || entries.every((e) => count(e, 'author') >= 1), 'author');
  assert.match(feedHead, /<link[^>]*rel="self"/);
  assert.match(value(feedHead, 'updated') ?? '', RFC3339);
  assert.match(value(feedHead, 'id') ?? '', /^(tag|urn):/);
  const ids = new Set<string>();
  for (const entry of entries) {
    for (const name of ['id', 'title', 'updated']) assert.equal(count(entry, name), 1, `entry ${name}`);
    // Without content, an entry must have an alternate link (§4.1.2); a link with no rel is an alternate.
    assert.ok(
      count(entry, 'content') === 1 || /<link(?![^>]*rel=)[^>]*>|<link[^>]*rel="alternate"/.test(entry),
      'alternate link',
    );
    assert.ok(count(entry, 'summary') <= 1);
    assert.match(value(entry, 'updated') ?? '', RFC3339);
    const published = value(entry, 'published');
    if (published !== undefined) assert.match(published, RFC3339);
    const id = value(entry, 'id') ?? '';
    assert.match(id, /^(tag|urn):/);
    assert.ok(!ids.has(id), `duplicate id ${id}`);
    ids.add(id);
  }
}
