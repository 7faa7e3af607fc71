import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createFetcher, DEFAULT_FETCH_OPTIONS } from '../../src/ingest/fetch.ts';
import type { IngestSummary } from '../../src/ingest/pipeline.ts';
import { atomFeed, FIXTURES, rasdRun, tempDir } from '../integration/helpers.ts';
import { gzipBomb } from './inputs.ts';

const page = readFileSync(join(FIXTURES, 'pages', 'youm7.html'));

describe('network safety of URL and feed ingestion (through the CLI)', () => {
  const dir = tempDir();
  let server: Server;
  let base = '';
  let port = 0;
  const seen: { path: string; at: number; userAgent: string }[] = [];

  before(async () => {
    server = createServer((req, res) => {
      seen.push({ path: req.url ?? '', at: Date.now(), userAgent: req.headers['user-agent'] ?? '' });
      const path = req.url ?? '';
      if (path === '/slow') return; // never answers
      if (path === '/big')
        return res.writeHead(200, { 'content-type': 'text/html' }).end(Buffer.alloc(11 << 20, 0x41));
      if (path === '/bomb')
        return res
          .writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' })
          .end(gzipBomb(8));
      if (path === '/loop') return res.writeHead(302, { location: '/loop' }).end();
      if (path === '/to-localhost')
        return res.writeHead(302, { location: `http://localhost:${port}/a/1` }).end();
      if (path.startsWith('/a/'))
        return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      if (path === '/feed') {
        const entries = [1, 2, 3].map((i) => ({
          title: `خبر ${i}`,
          url: `${base}/a/${i}`,
          summary: 'ملخص',
          published: '2020-08-24T10:00:00Z',
        }));
        return res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(atomFeed(entries));
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  });

  after(() => server.close());

  it('times out, caps sizes and redirects', async () => {
    const run = await rasdRun([
      'ingest',
      `${base}/slow`,
      `${base}/big`,
      `${base}/bomb`,
      `${base}/loop`,
      '--db',
      join(dir, 'caps.db'),
      '--allow-private',
      '--timeout',
      '4000',
      '--json',
    ]);
    const summary = JSON.parse(run.stdout) as IngestSummary;
    const reasonFor = (path: string) =>
      summary.failures.find((f) => f.input === `${base}${path}`)?.reason ?? JSON.stringify(summary.failures);
    assert.match(reasonFor('/slow'), /timed out after 4000 ms \[E_FETCH\]/);
    assert.match(
      reasonFor('/big'),
      /exceeds 10485760 bytes? \[E_INPUT_TOO_LARGE\]|of 11534336 bytes exceeds 10485760 \[E_INPUT_TOO_LARGE\]/,
    );
    assert.match(reasonFor('/bomb'), /exceeds 10485760 bytes once decompressed \[E_INPUT_TOO_LARGE\]/);
    assert.match(reasonFor('/loop'), /more than 5 redirects \[E_FETCH\]/);
    assert.equal(run.status, 1);
  });

  it('is polite: one request per host per second, with a User-Agent', async () => {
    seen.length = 0;
    const run = await rasdRun([
      'ingest',
      `${base}/feed`,
      '--db',
      join(dir, 'polite.db'),
      '--allow-private',
      '--json',
      '--no-analyze',
    ]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal((JSON.parse(run.stdout) as IngestSummary).failed, 0);
    assert.deepEqual(
      seen.map((s) => s.path),
      ['/feed', '/a/1', '/a/2', '/a/3'],
    );
    for (const s of seen) assert.match(s.userAgent, /^rasd\//);
    for (let i = 1; i < seen.length; i++)
      assert.ok(seen[i]!.at - seen[i - 1]!.at >= 950, `gap ${seen[i]!.at - seen[i - 1]!.at} ms`);
  });

  it('checks every redirect hop: a host allowed with --allow-host cannot redirect to another private one', async () => {
    seen.length = 0;
    const run = await rasdRun([
      'ingest',
      `${base}/a/1`,
      `${base}/to-localhost`,
      '--db',
      join(dir, 'redirect.db'),
      '--allow-host',
      '127.0.0.1',
      '--json',
      '--no-analyze',
    ]);
    const summary = JSON.parse(run.stdout) as IngestSummary;
    assert.equal(summary.new, 1, 'the allowed host itself is fetched');
    const reason =
      summary.failures.find((f) => f.input === `${base}/to-localhost`)?.reason ??
      JSON.stringify(summary.failures);
    assert.match(
      reason,
      /refusing private or loopback address .* \(redirected from http:\/\/127\.0\.0\.1:\d+\/to-localhost\).*\[E_FETCH\]/,
    );
    assert.deepEqual(
      seen.map((s) => s.path),
      ['/a/1', '/to-localhost'],
      'the redirect target was never requested',
    );
  });

  it('refuses private, loopback, metadata and non-http targets', async () => {
    const feed = join(dir, 'links.rss');
    const item = (link: string) =>
      `<item><title>t</title><link>${link}</link><description>قصير</description></item>`;
    const links = [
      'http://169.254.169.254/latest/meta-data/',
      `http://[::1]:${port}/a/1`,
      'http://10.0.0.1/a',
      `http://localhost:${port}/a/1`,
      'ftp://example.com/a',
      'file:///etc/passwd',
    ];
    writeFileSync(
      feed,
      `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${links.map(item).join('')}</channel></rss>`,
    );
    seen.length = 0;
    const run = await rasdRun([
      'ingest',
      `${base}/a/1`,
      feed,
      '--db',
      join(dir, 'refuse.db'),
      '--json',
      '--no-analyze',
    ]);
    const summary = JSON.parse(run.stdout) as IngestSummary;
    const reasons = summary.failures.map((f) => `${f.input} → ${f.reason}`).join('\n');
    assert.match(
      reasons,
      new RegExp(`${base}/a/1 → .*refusing private or loopback address 127\\.0\\.0\\.1.*\\[E_FETCH\\]`),
    );
    assert.match(
      reasons,
      /item 1 → .*169\.254\.169\.254.*refusing private or loopback address 169\.254\.169\.254/,
    );
    assert.match(reasons, /item 2 → .*refusing private or loopback address ::1/);
    assert.match(reasons, /item 3 → .*refusing private or loopback address 10\.0\.0\.1/);
    assert.match(reasons, /item 4 → .*localhost.*refusing private or loopback address (127\.0\.0\.1|::1)/);
    assert.match(reasons, /item 5 → .*refusing ftp: URL \[E_FETCH\]/);
    assert.deepEqual(seen, [], 'nothing reached the server');
    // The file: link is dropped, never read: the item is stored with its own short text only.
    assert.doesNotMatch(run.stdout, /root:/);
  });
});

describe('fetcher (in process)', () => {
  it('checks every redirect hop: an allowed host cannot redirect to a private one', async () => {
    const server = createServer((req, res) => {
      if (req.url === '/to-localhost')
        res
          .writeHead(302, { location: `http://localhost:${(server.address() as AddressInfo).port}/secret` })
          .end();
      else res.writeHead(200).end('secret');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const fetchPage = createFetcher({
        ...DEFAULT_FETCH_OPTIONS,
        allowHosts: ['127.0.0.1'],
        minHostIntervalMs: 0,
      });
      assert.equal((await fetchPage(`http://127.0.0.1:${port}/ok`)).status, 200);
      await assert.rejects(
        fetchPage(`http://127.0.0.1:${port}/to-localhost`),
        /localhost.*refusing private or loopback address .* \(redirected from http:\/\/127\.0\.0\.1:\d+\/to-localhost\)/,
      );
    } finally {
      server.close();
    }
  });
});
