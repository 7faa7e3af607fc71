/**
 * End-to-end delay of monitoring on loopback: from an item appearing in a feed to its watchlist alert reaching
 * a webhook, with `rasd watch`'s loop (runMonitor) polling the feed every second. The delay is the wait for the
 * next poll plus the work (fetch, clean, analyze, store, match, deliver); in the same run the bench times
 * `analyzeArticle` alone on the same articles, so the work is also given as a ratio to the analysis.
 * `npx tsx bench/alert-delay.ts` (RASD_DELAY_ITEMS, default 30).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { analyzeArticle } from '../src/analyze/index.ts';
import { makeRawArticle } from '../src/core/article.ts';
import { createFetcher, DEFAULT_FETCH_OPTIONS } from '../src/ingest/fetch.ts';
import { runMonitor } from '../src/monitor/run.ts';
import { openStore } from '../src/store/open.ts';
import { loadCorpus, round } from './corpus.ts';

const ITEMS = Number(process.env.RASD_DELAY_ITEMS ?? 30);
const EVERY_MS = 1000;

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export async function benchAlertDelay(): Promise<Record<string, number | string>[]> {
  // Distinct, substantial articles, so none is taken for a copy of another.
  const articles = loadCorpus(ITEMS * 4)
    .filter((a) => a.text.length > 800)
    .slice(0, ITEMS);
  const published: { url: string; title: string; text: string; appearedAt: number }[] = [];
  const feed = () =>
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>bench</title><link>http://bench.example/</link><description>d</description>${published
      .map(
        (p) =>
          `<item><title>${escapeXml(p.title)}</title><link>${p.url}</link><pubDate>${new Date(p.appearedAt).toUTCString()}</pubDate><content:encoded>${escapeXml(
            p.text
              .split('\n')
              .map((line) => `<p>${line}</p>`)
              .join(''),
          )}</content:encoded></item>`,
      )
      .join('')}</channel></rss>`;
  const feedServer: Server = createServer((_, response) => response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(feed()));
  const received = new Map<string, number>();
  const hookServer: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const { alert } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { alert: { url?: string } };
      if (alert.url !== undefined && !received.has(alert.url)) received.set(alert.url, performance.timeOrigin + performance.now());
      response.writeHead(200).end();
    });
  });
  await Promise.all([feedServer, hookServer].map((s) => new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))));
  const port = (s: Server) => (s.address() as AddressInfo).port;
  const dir = mkdtempSync(join(tmpdir(), 'rasd-delay-'));
  const store = await openStore(join(dir, 'rasd.db'));
  const polls: number[] = [];
  try {
    const now = new Date().toISOString();
    await store.monitor.addSource({ url: `http://127.0.0.1:${port(feedServer)}/feed.xml`, everyMs: EVERY_MS, kind: 'feed' }, now);
    await store.monitor.addWatchlist({ name: 'everything from the bench feed', query: { source: 'bench.example' }, webhook: { url: `http://127.0.0.1:${port(hookServer)}/` } }, now);
    const controller = new AbortController();
    const monitor = runMonitor({
      store,
      fetch: createFetcher({ ...DEFAULT_FETCH_OPTIONS, allowPrivate: true, minHostIntervalMs: 0 }),
      signal: controller.signal,
      deliveryTickMs: 1000,
      onPoll: (r) => polls.push(r.record.ingested),
    });
    // Items appear at random moments, so their phase against the polling clock is uniform.
    for (const [i, article] of articles.entries()) {
      await sleep(700 + Math.random() * 900);
      published.push({ url: `http://bench.example/${i}`, title: article.title, text: article.text, appearedAt: performance.timeOrigin + performance.now() });
    }
    const deadline = Date.now() + 60_000;
    while (received.size < published.length && Date.now() < deadline) await sleep(100);
    controller.abort();
    await monitor;
  } finally {
    await store.close();
    await Promise.all([feedServer, hookServer].map((s) => new Promise((resolve) => s.close(resolve))));
    rmSync(dir, { recursive: true, force: true });
  }
  const delays = published.flatMap((p) => (received.has(p.url) ? [received.get(p.url)! - p.appearedAt] : [])).sort((a, b) => a - b);
  const pick = (q: number) => delays[Math.min(delays.length - 1, Math.floor(q * delays.length))] ?? Number.NaN;
  // The same articles analyzed alone: what the analysis costs of the delay.
  const start = performance.now();
  for (const a of articles) analyzeArticle(makeRawArticle({ source: { kind: 'inline' }, rawText: a.text, title: a.title }));
  const analyzeMs = (performance.now() - start) / articles.length;
  return [
    { what: 'items published / alerts received', value: `${published.length} / ${delays.length}` },
    { what: 'polling interval (ms)', value: EVERY_MS },
    { what: 'delay median (ms)', value: round(pick(0.5)) },
    { what: 'delay p95 (ms)', value: round(pick(0.95)) },
    { what: 'delay max (ms)', value: round(delays[delays.length - 1] ?? Number.NaN) },
    { what: 'median ÷ interval', value: round(pick(0.5) / EVERY_MS) },
    { what: 'analyzeArticle alone, same articles (ms each)', value: round(analyzeMs) },
    { what: 'median ÷ analysis time', value: round(pick(0.5) / analyzeMs) },
    { what: 'polls', value: polls.length },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(await benchAlertDelay());
}
