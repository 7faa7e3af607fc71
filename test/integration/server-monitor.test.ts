import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseAtomFeed } from 'feedsmith';
import { XMLValidator } from 'fast-xml-parser';
import type { Static, TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { type RunningServer, startServer } from '../../src/server/index.ts';
import { AlertsResult, SourceRecord, SourcesResult, WatchlistView, WatchlistsResult } from '../../src/server/monitor-schemas.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import { FIXTURES, tempDir } from './helpers.ts';
import { assertError, call } from './http-helpers.ts';

function shaped<S extends TSchema>(schema: S, res: { json: unknown; text: string }): Static<S> {
  assert.deepEqual([...Value.Errors(schema, res.json)].slice(0, 3), [], res.text.slice(0, 300));
  return res.json as Static<S>;
}

describe('rasd serve: monitoring routes — sources, watchlists, alerts, Atom (integration, SQLite)', () => {
  const db = join(tempDir(), 'rasd.db');
  let store: Store;
  let server: RunningServer;
  let base = '';

  before(async () => {
    store = await openStore(db);
    server = await startServer({ store, port: 0, webRoot: null, rateLimit: false });
    base = server.url.replace(/\/$/, '');
  });
  after(async () => {
    await server.close();
    await store.close();
  });

  it('adds, lists and removes sources with their health', async () => {
    const added = await call(base, '/api/sources', { body: { url: 'https://news.example/rss', every: '30m', name: 'مثال' } });
    assert.equal(added.status, 201, added.text);
    const source = shaped(SourceRecord, added);
    assert.equal(source.everyMs, 30 * 60_000);
    assert.equal(source.health.polls, 0);
    const list = shaped(SourcesResult, await call(base, '/api/sources'));
    assert.deepEqual(list.sources.map((s) => s.url), ['https://news.example/rss']);
    assertError(await call(base, '/api/sources', { body: { url: 'file:///etc/passwd' } }), 400);
    assertError(await call(base, '/api/sources', { body: { url: 'https://x.example/', every: 'often' } }), 400);
    assert.equal((await call(base, `/api/sources/${source.id}`, { method: 'DELETE' })).status, 204);
    assertError(await call(base, `/api/sources/${source.id}`, { method: 'DELETE' }), 404);
  });

  it('saves watchlists without ever showing their secret, refuses empty or malformed queries, and serves alerts and an Atom feed', async () => {
    const created = await call(base, '/api/watchlists', {
      body: { name: 'تصريحات بيسكوف', query: { speaker: 'بيسكوف' }, webhook: { url: 'http://127.0.0.1:9/hook', secret: 'a-long-secret' } },
    });
    assert.equal(created.status, 201, created.text);
    const watchlist = shaped(WatchlistView, created);
    assert.deepEqual(watchlist.webhook, { url: 'http://127.0.0.1:9/hook', hasSecret: true });
    assert.doesNotMatch(created.text, /a-long-secret/);
    const listed = await call(base, '/api/watchlists');
    assert.doesNotMatch(listed.text, /a-long-secret/);
    assert.equal(shaped(WatchlistsResult, listed).watchlists.length, 1);
    assertError(await call(base, '/api/watchlists', { body: { name: 'empty', query: {} } }), 400);
    assertError(await call(base, '/api/watchlists', { body: { name: 'bad', query: { eventTypes: ['BOMB'] } } }), 400);
    assertError(await call(base, '/api/watchlists', { body: { name: 'no words', query: { text: '!!' } } }), 400);
    assertError(await call(base, '/api/watchlists', { body: { name: 'extra', query: { speaker: 'x' }, owner: 'me' } }), 400);

    // An article ingested through the API raises the watchlist's alert (the seed quotes Peskov).
    const seed = readFileSync(join(FIXTURES, 'seed-article.txt'), 'utf8');
    const ingested = await call(base, '/api/ingest', { body: { text: seed, title: 'بوتين وكيم', url: 'https://news.example/seed', publishedAt: '2023-09-15' } });
    assert.equal(ingested.status, 200, ingested.text);
    const alerts = shaped(AlertsResult, await call(base, `/api/alerts?watchlist=${watchlist.id}`)).alerts;
    assert.equal(alerts.length, 1);
    assert.equal(alerts[0]!.delivery.status, 'pending');
    assert.ok(alerts[0]!.match.reasons.some((r) => r.kind === 'quote'));

    const atom = await call(base, `/api/watchlists/${watchlist.id}/atom`);
    assert.equal(atom.status, 200);
    assert.match(atom.headers.get('content-type') ?? '', /^application\/atom\+xml/);
    assert.equal(XMLValidator.validate(atom.text), true);
    const feed = parseAtomFeed(atom.text);
    assert.equal(feed.entries?.length, 1);
    assert.ok(atom.text.includes('https://news.example/seed'));
    assertError(await call(base, '/api/watchlists/nope/atom'), 404);

    assert.equal((await call(base, `/api/watchlists/${watchlist.id}`, { method: 'DELETE' })).status, 204);
    assert.equal(shaped(AlertsResult, await call(base, '/api/alerts')).alerts.length, 0, 'its alerts went with it');
  });

  it('needs the token for monitoring writes beyond loopback', async () => {
    const guarded = await startServer({ store, port: 0, host: '0.0.0.0', token: 'secret-token', webRoot: null, rateLimit: false });
    try {
      const url = `http://127.0.0.1:${new URL(guarded.url).port}`;
      assertError(await call(url, '/api/sources', { body: { url: 'https://news.example/rss' } }), 401);
      assertError(await call(url, '/api/watchlists', { body: { name: 'x', query: { speaker: 'x' } } }), 401);
      const allowed = await call(url, '/api/watchlists', { body: { name: 'x', query: { speaker: 'x' } }, headers: { authorization: 'Bearer secret-token' } });
      assert.equal(allowed.status, 201, allowed.text);
      assert.equal((await call(url, '/api/watchlists')).status, 200, 'reads stay open');
    } finally {
      await guarded.close();
    }
  });
});
