/**
 * Polling overhead benchmark: one `rasd watch --once` round over 1,000 sources that all answer 304, against a
 * baseline of 1,000 plain conditional GETs with node:http at the same concurrency, in the same run. The
 * servers run in a child process (several ports, so several "hosts"), so the CPU figures are the poller's own.
 * `npx tsx bench/monitor.ts` — env: BENCH_SOURCES (default 1000), BENCH_SERVERS (default 4),
 * BENCH_CONCURRENCY (default 8; 2 per host).
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFetcher, DEFAULT_FETCH_OPTIONS } from '../src/ingest/fetch.ts';
import { runWatch } from '../src/monitor/sources/watch.ts';
import { openStore } from '../src/store/open.ts';

const SOURCES = Number(process.env.BENCH_SOURCES ?? 1000);
const SERVERS = Number(process.env.BENCH_SERVERS ?? 4);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const ETAG = '"bench-v1"';

/** Child process: servers answering 304 to the right ETag, a tiny feed otherwise. */
async function serve(): Promise<void> {
  const ports: number[] = [];
  for (let i = 0; i < SERVERS; i++) {
    const server = createServer((req, res) => {
      if (req.headers['if-none-match'] === ETAG) return void res.writeHead(304, { etag: ETAG }).end();
      res
        .writeHead(200, { 'content-type': 'application/rss+xml', etag: ETAG })
        .end('<rss version="2.0"><channel><title>t</title></channel></rss>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    ports.push((server.address() as AddressInfo).port);
  }
  process.send?.({ ports });
  process.on('disconnect', () => process.exit(0));
}

interface Measure {
  readonly ms: number;
  readonly cpuMs: number;
  readonly rssGrowthMb: number;
}

async function measure(work: () => Promise<void>): Promise<Measure> {
  globalThis.gc?.();
  const rss = process.memoryUsage().rss;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await work();
  const used = process.cpuUsage(cpu);
  return {
    ms: performance.now() - started,
    cpuMs: (used.user + used.system) / 1000,
    rssGrowthMb: (process.memoryUsage().rss - rss) / 2 ** 20,
  };
}

/** The baseline: the same conditional GETs, `CONCURRENCY` at a time, with nothing around them. */
async function plainGets(urls: readonly string[]): Promise<void> {
  const agent = new Agent({ keepAlive: true });
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const url = urls[next++]!;
      await new Promise<void>((resolve, reject) => {
        const req = request(url, { agent, headers: { 'if-none-match': ETAG } }, (res) => {
          res.resume();
          res.on('end', () =>
            res.statusCode === 304 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`)),
          );
        });
        req.on('error', reject);
        req.end();
      });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  agent.destroy();
}

async function main(): Promise<void> {
  const child = fork(new URL(import.meta.url).pathname, ['--serve'], { execArgv: process.execArgv });
  const ports = await new Promise<number[]>((resolve) =>
    child.once('message', (m) => resolve((m as { ports: number[] }).ports)),
  );
  const dir = mkdtempSync(join(tmpdir(), 'rasd-bench-monitor-'));
  const store = await openStore(join(dir, 'bench.db'));
  try {
    const urls = Array.from(
      { length: SOURCES },
      (_, i) => `http://127.0.0.1:${ports[i % ports.length]}/feed/${i}.rss`,
    );
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    const at = new Date(t0).toISOString();
    for (const url of urls) {
      const source = await store.monitor.addSource({ url, everyMs: 15 * 60_000 }, at);
      // Every source already holds the validator it will send: the round is all 304s.
      await store.monitor.recordPoll(source.id, {
        at,
        outcome: 'ok',
        httpStatus: 200,
        etag: ETAG,
        nextPollAt: at,
        failures: 0,
        newItems: 0,
        ingested: 0,
        delaysMs: [],
      });
    }
    await plainGets(urls.slice(0, 50)); // warm-up: JIT, sockets
    const baseline = await measure(() => plainGets(urls));
    const fetch = createFetcher({ ...DEFAULT_FETCH_OPTIONS, allowPrivate: true, minHostIntervalMs: 0 });
    let notModified = 0;
    const round = await measure(async () => {
      const summary = await runWatch({
        store,
        fetch,
        once: true,
        now: () => t0,
        concurrency: CONCURRENCY,
        perHostConcurrency: 2,
      });
      notModified = summary.notModified;
    });
    if (notModified !== SOURCES)
      throw new Error(`expected ${SOURCES} not-modified polls, got ${notModified}`);
    const row = (name: string, m: Measure) =>
      `${name.padEnd(28)} ${m.ms.toFixed(0).padStart(7)} ms wall ${m.cpuMs.toFixed(0).padStart(7)} ms CPU ${m.rssGrowthMb.toFixed(1).padStart(7)} MB RSS growth`;
    console.log(
      `${SOURCES} sources answering 304, ${ports.length} servers, concurrency ${CONCURRENCY} (2 per host)`,
    );
    console.log(row('plain node:http GETs', baseline));
    console.log(row('rasd watch --once round', round));
    console.log(
      `ratios (round ÷ baseline): wall ×${(round.ms / baseline.ms).toFixed(2)}, CPU ×${(round.cpuMs / baseline.cpuMs).toFixed(2)}; ` +
        `per source: ${((round.cpuMs / SOURCES) * 1000).toFixed(0)} µs CPU vs ${((baseline.cpuMs / SOURCES) * 1000).toFixed(0)} µs`,
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    child.disconnect();
  }
}

if (process.argv.includes('--serve')) await serve();
else await main();
