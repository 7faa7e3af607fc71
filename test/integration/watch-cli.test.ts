import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FIXTURES, rasdRun, tempDir } from './helpers.ts';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('rasd sources, watchlist, watch and alerts (the real CLI against a loopback feed)', () => {
  const dir = tempDir();
  const db = join(dir, 'rasd.db');
  let server: Server;
  let feedUrl = '';
  let requests = 0;

  before(async () => {
    // The seed article in an RSS feed, full text in content:encoded, as a news site would serve it.
    const seed = readFileSync(join(FIXTURES, 'seed-article.txt'), 'utf8');
    const body = seed
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => `<p>${escapeXml(line)}</p>`)
      .join('');
    const feed = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>أخبار</title><link>https://news.example/</link><description>d</description>
<item><title>بوتين يستقبل كيم</title><link>https://news.example/kim-putin</link><pubDate>Fri, 15 Sep 2023 10:00:00 GMT</pubDate><content:encoded>${escapeXml(body)}</content:encoded></item></channel></rss>`;
    server = createServer((request, response) => {
      requests++;
      if (request.headers['if-none-match'] === '"v1"') return void response.writeHead(304).end();
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"v1"' }).end(feed);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rss.xml`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('adds sources from a URL and from a list file, refusing a bad interval', async () => {
    const list = join(dir, 'sources.txt');
    writeFileSync(list, `# two feeds\n${feedUrl} 30m\n`);
    const added = await rasdRun(['sources', 'add', list, '--db', db]);
    assert.equal(added.status, 0, added.stderr);
    const listed = await rasdRun(['sources', 'list', '--json', '--db', db]);
    const sources = listed.stdout.trim().split('\n').map((line) => JSON.parse(line) as { url: string; everyMs: number });
    assert.deepEqual(sources.map((s) => [s.url, s.everyMs]), [[feedUrl, 30 * 60_000]]);
    const bad = await rasdRun(['sources', 'add', feedUrl, '--every', 'often', '--db', db]);
    assert.equal(bad.status, 2, 'a usage error');
    assert.match(bad.stderr, /often/);
  });

  it('saves watchlists from flags and refuses an unknown event type', async () => {
    const saved = await rasdRun(['watchlist', 'add', 'تصريحات بيسكوف', '--speaker', 'بيسكوف', '--db', db]);
    assert.equal(saved.status, 0, saved.stderr);
    assert.match(saved.stdout.trim(), /^[A-Za-z0-9_-]+$/, 'prints the new id');
    const bad = await rasdRun(['watchlist', 'add', 'x', '--event-type', 'BOMB', '--db', db]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /BOMB/);
  });

  it('watch --once ingests the feed, prints the alert, and a second round gets a 304 and alerts nothing', async () => {
    const first = await rasdRun(['watch', '--once', '--alerts', '--allow-private', '--db', db]);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /تصريحات بيسكوف/);
    assert.match(first.stdout, /https:\/\/news\.example\/kim-putin/);
    assert.match(first.stderr, /1 new/);
    // The source is not due again for 30 minutes: make it due by re-adding it with a short interval.
    await rasdRun(['sources', 'add', feedUrl, '--every', '1s', '--db', db]);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const before = requests;
    const second = await rasdRun(['watch', '--once', '--alerts', '--allow-private', '--db', db]);
    assert.equal(second.status, 0, second.stderr);
    assert.equal(second.stdout, '', 'no new alert');
    assert.match(second.stderr, /unchanged 304/);
    assert.equal(requests - before, 1, 'only the feed was requested');
    const alerts = await rasdRun(['alerts', '--json', '--db', db]);
    const lines = alerts.stdout.trim().split('\n');
    assert.equal(lines.length, 1);
    assert.ok(JSON.parse(lines[0]!).match.reasons.some((r: { kind: string }) => r.kind === 'quote'));
  });

  it('with --alert-max-age, stores an old story but raises no alert for it', async () => {
    const fresh = join(dir, 'max-age.db');
    await rasdRun(['sources', 'add', feedUrl, '--db', fresh]);
    await rasdRun(['watchlist', 'add', 'تصريحات بيسكوف', '--speaker', 'بيسكوف', '--db', fresh]);
    const run = await rasdRun(['watch', '--once', '--alerts', '--alert-max-age', '2d', '--allow-private', '--db', fresh]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '', 'the 2023 story is stored without an alert');
    assert.match(run.stderr, /1 stored/);
    assert.equal((await rasdRun(['alerts', '--json', '--db', fresh])).stdout, '');
  });

  it('refuses to poll a loopback source without --allow-private, recording why', async () => {
    const other = join(dir, 'other.db');
    await rasdRun(['sources', 'add', feedUrl, '--db', other]);
    const run = await rasdRun(['watch', '--once', '--db', other]);
    assert.equal(run.status, 0, run.stderr);
    const [source] = (await rasdRun(['sources', 'list', '--json', '--db', other])).stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { health: { errors: number; lastError?: string } });
    assert.equal(source?.health.errors, 1);
    assert.match(source?.health.lastError ?? '', /private or loopback/);
  });
});
