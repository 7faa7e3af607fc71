import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createFetcher, DEFAULT_FETCH_OPTIONS } from './fetch.ts';

describe('conditional fetches', () => {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers);
    if (req.url === '/moved') return void res.writeHead(301, { location: '/feed' }).end();
    const fresh =
      req.headers['if-none-match'] === '"v2"' ||
      req.headers['if-modified-since'] === 'Wed, 01 Jan 2025 00:00:00 GMT';
    // A 304 may carry a Location header by mistake; it must still read as "not modified".
    if (fresh) return void res.writeHead(304, { etag: '"v2"', location: '/elsewhere' }).end();
    res
      .writeHead(200, {
        'content-type': 'application/rss+xml',
        etag: '"v2"',
        'last-modified': 'Wed, 01 Jan 2025 00:00:00 GMT',
      })
      .end('<rss/>');
  });
  let base = '';
  const fetchPage = createFetcher({ ...DEFAULT_FETCH_OPTIONS, allowPrivate: true, minHostIntervalMs: 0 });

  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise((resolve) => server.close(resolve)));

  it('returns the validators of a full response', async () => {
    const page = await fetchPage(`${base}/feed`);
    assert.equal(page.status, 200);
    assert.equal(page.etag, '"v2"');
    assert.equal(page.lastModified, 'Wed, 01 Jan 2025 00:00:00 GMT');
    assert.equal(Buffer.from(page.bytes).toString(), '<rss/>');
  });

  it('returns a 304 as an empty page, through redirects, keeping its own User-Agent', async () => {
    const byEtag = await fetchPage(`${base}/moved`, {
      headers: { 'If-None-Match': '"v2"', 'User-Agent': 'spoofed' },
    });
    assert.deepEqual(
      [byEtag.status, byEtag.bytes.length, byEtag.etag, byEtag.url],
      [304, 0, '"v2"', `${base}/feed`],
    );
    assert.equal(seen.at(-1)?.['if-none-match'], '"v2"', 'the conditional header follows the redirect');
    assert.equal(seen.at(-1)?.['user-agent'], DEFAULT_FETCH_OPTIONS.userAgent);
    const byDate = await fetchPage(`${base}/feed`, {
      headers: { 'if-modified-since': 'Wed, 01 Jan 2025 00:00:00 GMT' },
    });
    assert.equal(byDate.status, 304);
    const stale = await fetchPage(`${base}/feed`, { headers: { 'if-none-match': '"v1"' } });
    assert.equal(stale.status, 200);
  });
});
