import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, describe, it } from 'node:test';
import { Queue } from 'bullmq';
import { createFetcher, DEFAULT_FETCH_OPTIONS } from '../../src/ingest/fetch.ts';
import { verifySignature } from '../../src/monitor/alerts/signature.ts';
import { runQueuedMonitor, schedulerId, whileHolding } from '../../src/queue/poll/index.ts';
import { openStore } from '../../src/store/open.ts';
import { corpus, rssFeed } from './helpers.ts';
import { freshSchema, needs, postgresAnswers, REDIS_URL, redisAnswers, uniqueQueueName } from './queue-helpers.ts';

const SECRET = 'queue-test-secret';
const records = corpus().slice(0, 6);

describe('rasd watch --queue: polling scaled out on BullMQ (integration, PostgreSQL + Redis)', () => {
  const cleanups: (() => Promise<void>)[] = [];
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  });

  it('polls every source through job schedulers, one poll of a source at a time, and alerts once per story across two watchers', async (t) => {
    if (!(await needs(t, 'Redis', redisAnswers))) return;
    if (!(await needs(t, 'PostgreSQL', postgresAnswers))) return;
    const schema = await freshSchema('watchq');
    cleanups.push(schema.drop);
    const name = uniqueQueueName('poll');
    cleanups.push(async () => {
      const queue = new Queue(name, { connection: { url: REDIS_URL } });
      await queue.obliterate({ force: true }).catch(() => {});
      const client = (await queue.getBackend().client) as unknown as { keys(p: string): Promise<string[]>; del(...k: string[]): Promise<number> };
      const left = await client.keys(`bull:${name}:*`);
      if (left.length > 0) await client.del(...left);
      await queue.close();
    });

    // Three outlets: b and c republish a's first story under their own URLs; each also has one of its own.
    // Every request is slow enough that an overlapping second poll of one source would be seen.
    const inFlight = new Map<string, number>();
    const overlaps: string[] = [];
    const polls = new Map<string, number>();
    const feeds: Record<string, typeof records> = {
      '/a.xml': [records[0]!, records[1]!],
      '/b.xml': [{ ...records[0]!, url: 'https://b.example/copy-1' }, records[2]!],
      '/c.xml': [{ ...records[0]!, url: 'https://c.example/copy-1' }, records[3]!],
    };
    const server: Server = createServer(async (request, response) => {
      const path = request.url ?? '';
      const xml = feeds[path];
      if (xml === undefined) return void response.writeHead(404).end();
      inFlight.set(path, (inFlight.get(path) ?? 0) + 1);
      if ((inFlight.get(path) ?? 0) > 1) overlaps.push(path);
      polls.set(path, (polls.get(path) ?? 0) + 1);
      // c answers slower than its interval, so its next scheduled poll comes while one is under way.
      await sleep(path === '/c.xml' ? 1500 : 150);
      inFlight.set(path, (inFlight.get(path) ?? 1) - 1);
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: `"${path}-v1"` }).end(rssFeed(xml));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const received: { body: string; signature: string | undefined }[] = [];
    const receiver: Server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => {
        received.push({ body: Buffer.concat(chunks).toString('utf8'), signature: request.headers['x-rasd-signature'] as string | undefined });
        response.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => receiver.close(() => resolve())));
    const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

    const setup = await openStore(schema.url);
    cleanups.push(() => setup.close());
    const now = new Date().toISOString();
    for (const path of Object.keys(feeds)) await setup.monitor.addSource({ url: `${base}${path}`, everyMs: 1000, kind: 'feed' }, now);
    // Any word of the shared story's title: the three copies are one story, so one alert.
    const word = records[0]!.title.split(/\s+/).find((w) => w.length >= 4) ?? records[0]!.title;
    const watchlist = await setup.monitor.addWatchlist({ name: 'shared story', query: { text: word }, webhook: { url: hook, secret: SECRET } }, now);

    const fetch = createFetcher({ ...DEFAULT_FETCH_OPTIONS, allowPrivate: true, minHostIntervalMs: 0, timeoutMs: 5000 });
    const controller = new AbortController();
    const skips: string[] = [];
    const watcher = () =>
      runQueuedMonitor({
        queueUrl: REDIS_URL,
        queueName: name,
        openStore: () => openStore(schema.url),
        fetch,
        concurrency: 2,
        syncMs: 200,
        deliveryTickMs: 100,
        signal: controller.signal,
        onSkip: (_id, why) => skips.push(why),
      });
    const running = Promise.all([watcher(), watcher()]);
    try {
      const deadline = Date.now() + 40_000;
      while (Date.now() < deadline && ([...Object.keys(feeds)].some((p) => (polls.get(p) ?? 0) < 3) || received.length < 1)) await sleep(100);
    } finally {
      controller.abort();
      await running;
    }
    for (const path of Object.keys(feeds)) assert.ok((polls.get(path) ?? 0) >= 3, `${path} polled repeatedly (${polls.get(path) ?? 0})`);
    assert.deepEqual(overlaps, [], 'no source is polled by two workers at once');

    const stats = await setup.stats();
    assert.equal(stats.articles, 4, 'one shared story and one own story per outlet');
    assert.equal(stats.sightings, 6, 'every copy recorded as a sighting of its story');
    const alerts = await setup.monitor.listAlerts({ watchlistId: watchlist.id });
    assert.equal(alerts.length, 1, 'one alert for the story its three outlets carried');
    assert.equal(received.length, 1, 'the webhook got exactly one alert');
    assert.ok(verifySignature(received[0]!.body, received[0]!.signature, SECRET), 'signed with the watchlist secret');
    assert.equal(JSON.parse(received[0]!.body).alert.id, alerts[0]!.id);
    for (const source of await setup.monitor.listSources()) {
      assert.ok(source.health.polls >= 3, `${source.url} health counts its polls`);
      assert.equal(source.health.errors, 0);
      assert.equal(source.health.itemsFound, 2);
    }

    // The schedule follows the sources table: one scheduler per source, dropped with its source.
    const queue = new Queue(name, { connection: { url: REDIS_URL } });
    try {
      const ids = (await queue.getJobSchedulers(0, -1, true)).map((s) => s.key).sort();
      const sources = await setup.monitor.listSources();
      assert.deepEqual(ids, sources.map((s) => schedulerId(s.id)).sort());
      await setup.monitor.removeSource(sources[0]!.id);
      const { syncSchedules } = await import('../../src/queue/poll/index.ts');
      const result = await syncSchedules(queue, await setup.monitor.listSources());
      assert.equal(result.removed, 1);
      assert.equal((await queue.getJobSchedulers(0, -1, true)).length, 2);
    } finally {
      await queue.close();
    }
  });

  it('lets only one holder of a source lock poll; the other is told it is taken', async (t) => {
    if (!(await needs(t, 'Redis', redisAnswers))) return;
    const name = uniqueQueueName('lock');
    const queue = new Queue(name, { connection: { url: REDIS_URL } });
    try {
      const client = (await queue.getBackend().client) as unknown as Parameters<typeof whileHolding>[0];
      const key = `bull:${name}:rasd:poll-lock:test`;
      let running = 0;
      let most = 0;
      const work = async () => {
        running++;
        most = Math.max(most, running);
        await sleep(100);
        running--;
        return 'polled';
      };
      const results = await Promise.all([whileHolding(client, key, 'one', 5000, work), whileHolding(client, key, 'two', 5000, work)]);
      assert.deepEqual([...results].sort(), ['polled', undefined].sort());
      assert.equal(most, 1);
      // Released by its holder: the next poll may take it.
      assert.equal(await whileHolding(client, key, 'three', 5000, work), 'polled');
    } finally {
      await queue.obliterate({ force: true }).catch(() => {});
      await queue.close();
    }
  });
});
