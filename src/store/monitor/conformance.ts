import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NewAlert, PollRecord } from '../../monitor/types.ts';
import type { Store, StoreFactory } from '../store.ts';
import { sourceId } from './source-id.ts';

// The monitor store's contract, run against every store (see ../conformance.ts for the articles' one).

const T0 = '2026-01-01T00:00:00.000Z';
const T1 = '2026-01-01T00:15:00.000Z';
const T2 = '2026-01-01T00:30:00.000Z';
const FEED = 'https://news.example.org/rss';
const SITEMAP = 'https://other.example.com/sitemap.xml';

/** A successful poll at `at` that found nothing new, with fields to override. */
function poll(at: string, extra: Partial<PollRecord> = {}): PollRecord {
  return {
    at,
    outcome: 'ok',
    httpStatus: 200,
    nextPollAt: T2,
    failures: 0,
    newItems: 0,
    ingested: 0,
    delaysMs: [],
    ...extra,
  };
}

/** An alert of `watchlistId` about `clusterId`, created at `createdAt`. */
function newAlert(watchlistId: string, clusterId: string, createdAt = T0, deliver = false): NewAlert {
  return {
    watchlistId,
    clusterId,
    articleId: clusterId,
    title: `قصة ${clusterId}`,
    url: `https://news.example.org/${clusterId}`,
    createdAt,
    match: { reasons: [{ kind: 'quote', start: 3, end: 9, text: 'بيسكوف', detail: 'دميتري بيسكوف' }] },
    deliver,
  };
}

/** Runs `body` on a fresh store and closes it, whatever happens. */
async function withStore(factory: StoreFactory, body: (store: Store) => Promise<void>): Promise<void> {
  const store = await factory();
  try {
    await body(store);
  } finally {
    await store.close();
  }
}

/**
 * Registers the monitor store's contract tests for a store factory (a fresh, empty store per test).
 * `monitorConformance('sqlite (in memory)', () => openSqliteStore(':memory:'))`.
 */
export function monitorConformance(name: string, factory: StoreFactory): void {
  describe(`monitor store conformance: ${name}`, () => {
    it('adds a source due at once, with empty health, and finds it by id or URL', () =>
      withStore(factory, async ({ monitor }) => {
        const added = await monitor.addSource({ url: FEED, everyMs: 900_000 }, T0);
        assert.deepEqual(added, {
          id: sourceId(FEED),
          url: FEED,
          everyMs: 900_000,
          addedAt: T0,
          nextPollAt: T0,
          health: {
            polls: 0,
            notModified: 0,
            errors: 0,
            failures: 0,
            itemsFound: 0,
            itemsIngested: 0,
          },
        });
        assert.match(added.id, /^[0-9a-f]{16}$/);
        assert.deepEqual(await monitor.getSource(added.id), added);
        assert.deepEqual(await monitor.getSource(FEED), added);
        assert.equal(await monitor.getSource('https://nowhere.example/rss'), undefined);
      }));

    it('updates the interval, name and kind of a source added again, keeping its health', () =>
      withStore(factory, async ({ monitor }) => {
        const { id } = await monitor.addSource({ url: FEED, everyMs: 900_000 }, T0);
        await monitor.recordPoll(id, poll(T0, { newItems: 3, nextPollAt: T1 }));
        const again = await monitor.addSource(
          { url: FEED, everyMs: 60_000, name: 'Example', kind: 'feed' },
          T2,
        );
        assert.equal(again.id, id);
        assert.equal(again.everyMs, 60_000);
        assert.equal(again.name, 'Example');
        assert.equal(again.kind, 'feed');
        assert.equal(again.addedAt, T0);
        assert.equal(again.nextPollAt, T1);
        assert.equal(again.health.polls, 1);
        assert.equal(again.health.itemsFound, 3);
        // Not given again: kept.
        const third = await monitor.addSource({ url: FEED, everyMs: 120_000 }, T2);
        assert.equal(third.name, 'Example');
        assert.equal(third.kind, 'feed');
        assert.equal((await monitor.listSources()).length, 1);
        // A much shorter interval brings a distant next poll forward to one interval from now.
        await monitor.recordPoll(id, poll(T2, { nextPollAt: '2099-01-01T00:00:00.000Z' }));
        const sooner = await monitor.addSource({ url: FEED, everyMs: 1000 }, T2);
        assert.equal(sooner.nextPollAt, new Date(Date.parse(T2) + 1000).toISOString());
      }));

    it('lists sources in the order added, and removes one by id or URL with its seen items', () =>
      withStore(factory, async ({ monitor }) => {
        const second = await monitor.addSource({ url: SITEMAP, everyMs: 60_000, kind: 'sitemap' }, T1);
        const first = await monitor.addSource({ url: FEED, everyMs: 60_000 }, T0);
        assert.deepEqual(
          (await monitor.listSources()).map((s) => s.url),
          [FEED, SITEMAP],
        );
        await monitor.markItemsSeen(first.id, ['https://news.example.org/1'], T0);
        assert.equal(await monitor.removeSource(FEED), true);
        assert.equal(await monitor.removeSource(FEED), false);
        assert.equal(await monitor.removeSource(second.id), true);
        assert.deepEqual(await monitor.listSources(), []);
        // Added again, it starts afresh: its items were removed with it.
        const back = await monitor.addSource({ url: FEED, everyMs: 60_000 }, T2);
        assert.deepEqual(await monitor.unseenItems(back.id, ['https://news.example.org/1']), [
          'https://news.example.org/1',
        ]);
      }));

    it('gives the due sources, most overdue first, up to the limit', () =>
      withStore(factory, async ({ monitor }) => {
        const a = await monitor.addSource({ url: FEED, everyMs: 60_000 }, T0);
        const b = await monitor.addSource({ url: SITEMAP, everyMs: 60_000 }, T0);
        const c = await monitor.addSource({ url: 'https://third.example/feed', everyMs: 60_000 }, T0);
        await monitor.recordPoll(a.id, poll(T0, { nextPollAt: T2 }));
        await monitor.recordPoll(b.id, poll(T0, { nextPollAt: T1 }));
        assert.deepEqual(
          (await monitor.dueSources(T0, 10)).map((s) => s.id),
          [c.id],
        );
        assert.deepEqual(
          (await monitor.dueSources(T2, 10)).map((s) => s.id),
          [c.id, b.id, a.id],
        );
        assert.deepEqual(
          (await monitor.dueSources(T2, 2)).map((s) => s.id),
          [c.id, b.id],
        );
      }));

    it('records polls: validators, counters, errors, delays and a sniffed kind', () =>
      withStore(factory, async ({ monitor }) => {
        const { id } = await monitor.addSource({ url: FEED, everyMs: 900_000 }, T0);
        await monitor.recordPoll(
          id,
          poll(T0, {
            kind: 'feed',
            etag: '"v1"',
            lastModified: 'Thu, 01 Jan 2026 00:00:00 GMT',
            nextPollAt: T1,
            newItems: 5,
            ingested: 4,
            delaysMs: [60_000, 120_000, 30_000],
          }),
        );
        let source = await monitor.getSource(id);
        assert.equal(source?.kind, 'feed');
        assert.equal(source?.etag, '"v1"');
        assert.equal(source?.lastModified, 'Thu, 01 Jan 2026 00:00:00 GMT');
        assert.equal(source?.nextPollAt, T1);
        assert.deepEqual(source?.health, {
          lastPollAt: T0,
          lastSuccessAt: T0,
          lastStatus: 200,
          polls: 1,
          notModified: 0,
          errors: 0,
          failures: 0,
          itemsFound: 5,
          itemsIngested: 4,
          meanDelayMs: 70_000,
        });

        await monitor.recordPoll(id, poll(T1, { outcome: 'not-modified', httpStatus: 304, etag: '"v1"' }));
        source = await monitor.getSource(id);
        assert.equal(source?.lastModified, undefined, 'an absent validator is cleared');
        assert.equal(source?.health.notModified, 1);
        assert.equal(source?.health.lastSuccessAt, T1);
        assert.equal(source?.health.lastStatus, 304);

        await monitor.recordPoll(
          id,
          poll(T2, { outcome: 'error', httpStatus: 503, error: 'HTTP 503', failures: 1, delaysMs: [10_000] }),
        );
        source = await monitor.getSource(id);
        assert.equal(source?.etag, undefined);
        assert.equal(source?.kind, 'feed', 'a poll without a kind keeps it');
        assert.deepEqual(source?.health, {
          lastPollAt: T2,
          lastSuccessAt: T1,
          lastErrorAt: T2,
          lastError: 'HTTP 503',
          lastStatus: 503,
          polls: 3,
          notModified: 1,
          errors: 1,
          failures: 1,
          itemsFound: 5,
          itemsIngested: 4,
          meanDelayMs: 55_000,
        });

        // A network error has no status; a later success keeps the last error for the record.
        await monitor.recordPoll(
          id,
          poll(T2, { outcome: 'error', httpStatus: undefined, error: 'ECONNRESET', failures: 2 }),
        );
        source = await monitor.getSource(id);
        assert.equal(source?.health.lastStatus, undefined);
        assert.equal(source?.health.lastError, 'ECONNRESET');
        await monitor.recordPoll(id, poll(T2));
        source = await monitor.getSource(id);
        assert.equal(source?.health.failures, 0);
        assert.equal(source?.health.lastError, 'ECONNRESET');
        assert.equal(source?.health.errors, 2);
      }));

    it('tells unseen items in the given order, each once, and remembers seen ones', () =>
      withStore(factory, async ({ monitor }) => {
        const { id } = await monitor.addSource({ url: FEED, everyMs: 60_000 }, T0);
        const other = await monitor.addSource({ url: SITEMAP, everyMs: 60_000 }, T0);
        const keys = ['https://x/3', 'https://x/1', 'https://x/3', 'https://x/2'];
        assert.deepEqual(await monitor.unseenItems(id, keys), ['https://x/3', 'https://x/1', 'https://x/2']);
        await monitor.markItemsSeen(id, ['https://x/1', 'https://x/1'], T0);
        await monitor.markItemsSeen(id, ['https://x/1', 'https://x/3'], T1);
        assert.deepEqual(await monitor.unseenItems(id, keys), ['https://x/2']);
        assert.deepEqual(await monitor.unseenItems(other.id, ['https://x/1']), ['https://x/1'], 'per source');
        assert.deepEqual(await monitor.unseenItems(id, []), []);
        await monitor.markItemsSeen(id, [], T1);
        // Marking items of a source removed meanwhile is harmless.
        await monitor.markItemsSeen('0000000000000000', ['https://x/9'], T1);
      }));

    it('handles item lists longer than one query batch', () =>
      withStore(factory, async ({ monitor }) => {
        const { id } = await monitor.addSource({ url: FEED, everyMs: 60_000 }, T0);
        const keys = Array.from({ length: 1234 }, (_, i) => `https://x/${i}`);
        await monitor.markItemsSeen(
          id,
          keys.filter((_, i) => i % 3 === 0),
          T0,
        );
        const unseen = await monitor.unseenItems(id, keys);
        assert.deepEqual(
          unseen,
          keys.filter((_, i) => i % 3 !== 0),
        );
      }));

    it('saves, lists, gets and removes watchlists', () =>
      withStore(factory, async ({ monitor }) => {
        const peskov = await monitor.addWatchlist({ name: 'Peskov', query: { speaker: 'بيسكوف' } }, T0);
        const korea = await monitor.addWatchlist(
          {
            name: 'Korea threats',
            query: { eventTypes: ['THREATEN', 'SANCTION'], eventSource: 'KOR' },
            webhook: { url: 'https://hooks.example/x', secret: 's3cret' },
          },
          T1,
        );
        assert.match(peskov.id, /^[0-9a-f]{8}$/);
        assert.notEqual(peskov.id, korea.id);
        assert.deepEqual(peskov, {
          id: peskov.id,
          name: 'Peskov',
          query: { speaker: 'بيسكوف' },
          createdAt: T0,
        });
        assert.deepEqual(await monitor.getWatchlist(korea.id), korea);
        assert.deepEqual(korea.webhook, { url: 'https://hooks.example/x', secret: 's3cret' });
        const plain = await monitor.addWatchlist(
          { name: 'hook', query: {}, webhook: { url: 'https://hooks.example/y' } },
          T2,
        );
        assert.deepEqual(plain.webhook, { url: 'https://hooks.example/y' });
        assert.deepEqual(
          (await monitor.listWatchlists()).map((w) => w.name),
          ['Peskov', 'Korea threats', 'hook'],
        );
        assert.equal(await monitor.removeWatchlist(peskov.id), true);
        assert.equal(await monitor.removeWatchlist(peskov.id), false);
        assert.equal(await monitor.getWatchlist(peskov.id), undefined);
        assert.equal((await monitor.listWatchlists()).length, 2);
      }));

    it('records one alert per watchlist and story', () =>
      withStore(factory, async ({ monitor }) => {
        const a = await monitor.addWatchlist({ name: 'a', query: { text: 'غزة' } }, T0);
        const b = await monitor.addWatchlist({ name: 'b', query: { text: 'غزة' } }, T0);
        const first = await monitor.recordAlert(newAlert(a.id, 'c1'));
        assert.ok(first);
        assert.match(first.id, /^[0-9]+$/);
        assert.deepEqual(first, {
          id: first.id,
          watchlistId: a.id,
          clusterId: 'c1',
          articleId: 'c1',
          title: 'قصة c1',
          url: 'https://news.example.org/c1',
          createdAt: T0,
          match: { reasons: [{ kind: 'quote', start: 3, end: 9, text: 'بيسكوف', detail: 'دميتري بيسكوف' }] },
          delivery: { status: 'none', attempts: 0 },
        });
        assert.equal(
          await monitor.recordAlert({ ...newAlert(a.id, 'c1', T1), articleId: 'copy' }),
          undefined,
        );
        assert.ok(await monitor.recordAlert(newAlert(b.id, 'c1')), 'another watchlist alerts on its own');
        assert.deepEqual(await monitor.getAlert(first.id), first);
        assert.equal(await monitor.getAlert('999999'), undefined);
        assert.equal(await monitor.getAlert('not-an-id'), undefined);
        // A watchlist removed meanwhile raises nothing.
        assert.equal(await monitor.recordAlert(newAlert('gone0000', 'c2')), undefined);
      }));

    it('lists alerts newest first, per watchlist, with limit and offset', () =>
      withStore(factory, async ({ monitor }) => {
        const a = await monitor.addWatchlist({ name: 'a', query: {} }, T0);
        const b = await monitor.addWatchlist({ name: 'b', query: {} }, T0);
        await monitor.recordAlert(newAlert(a.id, 'c1', T0));
        await monitor.recordAlert(newAlert(a.id, 'c2', T1));
        await monitor.recordAlert(newAlert(b.id, 'c3', T1));
        await monitor.recordAlert(newAlert(a.id, 'c4', T2));
        const clusters = async (query: Parameters<Store['monitor']['listAlerts']>[0]) =>
          (await monitor.listAlerts(query)).map((alert) => alert.clusterId);
        assert.deepEqual(await clusters({}), ['c4', 'c3', 'c2', 'c1']);
        assert.deepEqual(await clusters({ watchlistId: a.id }), ['c4', 'c2', 'c1']);
        assert.deepEqual(await clusters({ watchlistId: a.id, limit: 2 }), ['c4', 'c2']);
        assert.deepEqual(await clusters({ limit: 2, offset: 1 }), ['c3', 'c2']);
        assert.deepEqual(await clusters({ watchlistId: 'none0000' }), []);
        assert.deepEqual(await clusters({ limit: Number.NaN, offset: -3 }), ['c4', 'c3', 'c2', 'c1']);
        // Removing a watchlist removes its alerts.
        await monitor.removeWatchlist(a.id);
        assert.deepEqual(await clusters({}), ['c3']);
      }));

    it('keeps monitor writes made inside a batch with it: a rollback undoes them', () =>
      withStore(factory, async (store) => {
        const { monitor } = store;
        const kept = await monitor.addSource({ url: FEED, everyMs: 60_000 }, T0);
        const watchlist = await monitor.addWatchlist({ name: 'w', query: {} }, T0);
        await store.begin();
        await monitor.addSource({ url: SITEMAP, everyMs: 60_000 }, T0);
        await monitor.markItemsSeen(kept.id, ['https://x/1'], T0);
        assert.ok(await monitor.recordAlert(newAlert(watchlist.id, 'c1')));
        assert.equal((await monitor.listSources()).length, 2, 'the batch sees its own writes');
        await store.rollback();
        assert.deepEqual(
          (await monitor.listSources()).map((s) => s.url),
          [FEED],
        );
        assert.deepEqual(await monitor.unseenItems(kept.id, ['https://x/1']), ['https://x/1']);
        assert.ok(await monitor.recordAlert(newAlert(watchlist.id, 'c1')), 'the story can alert again');
      }));

    it('tracks webhook deliveries: pending, retried, delivered or failed', () =>
      withStore(factory, async ({ monitor }) => {
        const w = await monitor.addWatchlist(
          { name: 'hooked', query: {}, webhook: { url: 'https://hooks.example/x' } },
          T0,
        );
        const one = (await monitor.recordAlert(newAlert(w.id, 'c1', T0, true)))!;
        const two = (await monitor.recordAlert(newAlert(w.id, 'c2', T1, true)))!;
        await monitor.recordAlert(newAlert(w.id, 'c3', T1, false));
        assert.deepEqual(one.delivery, { status: 'pending', attempts: 0, nextAttemptAt: T0 });
        assert.deepEqual(
          (await monitor.dueDeliveries(T0, 10)).map((a) => a.clusterId),
          ['c1'],
        );
        assert.deepEqual(
          (await monitor.dueDeliveries(T2, 10)).map((a) => a.clusterId),
          ['c1', 'c2'],
        );
        assert.equal((await monitor.dueDeliveries(T2, 1)).length, 1);

        await monitor.recordDelivery(one.id, { at: T0, ok: false, error: 'HTTP 503', nextAttemptAt: T2 });
        assert.deepEqual((await monitor.getAlert(one.id))?.delivery, {
          status: 'pending',
          attempts: 1,
          nextAttemptAt: T2,
          lastError: 'HTTP 503',
        });
        assert.deepEqual(
          (await monitor.dueDeliveries(T1, 10)).map((a) => a.clusterId),
          ['c2'],
        );
        await monitor.recordDelivery(one.id, { at: T2, ok: true });
        assert.deepEqual((await monitor.getAlert(one.id))?.delivery, {
          status: 'delivered',
          attempts: 2,
          lastError: 'HTTP 503',
          deliveredAt: T2,
        });
        await monitor.recordDelivery(two.id, { at: T2, ok: false, error: 'timeout' });
        assert.deepEqual((await monitor.getAlert(two.id))?.delivery, {
          status: 'failed',
          attempts: 1,
          lastError: 'timeout',
        });
        assert.deepEqual(await monitor.dueDeliveries(T2, 10), []);
        // Unknown ids are ignored.
        await monitor.recordDelivery('999999', { at: T2, ok: true });
        await monitor.recordDelivery('x', { at: T2, ok: true });
      }));
  });
}
