/**
 * CLI cold start (not part of the test suite): each command run 10 times as a fresh process, round-robin with
 * `node -e 0` (Node's own start-up, the baseline), medians and peak RSS side by side. The store searched holds
 * the bundled examples (ingested once here, as the README does); the article analyzed is the seed.
 * `npm run bench:cli` — env: RASD_BIN (the CLI entry to time, default bin/rasd.js), BENCH_CLI_RUNS (default 10).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = process.env.RASD_BIN ?? join(ROOT, 'bin/rasd.js');
const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 10);
// Preloaded into every timed process, the baseline included: writes the process's peak RSS (KB) at exit.
const REPORT_RSS = `data:text/javascript,${encodeURIComponent(
  "import { writeFileSync } from 'node:fs'; process.on('exit', () => { if (process.env.RSS_FILE) writeFileSync(process.env.RSS_FILE, String(process.resourceUsage().maxRSS)); });",
)}`;

interface Case {
  readonly name: string;
  readonly args: readonly string[];
  /** Acceptance limits: median seconds, and peak RSS in MB where one is set. */
  readonly seconds?: number;
  readonly mb?: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const dir = mkdtempSync(join(tmpdir(), 'rasd-cli-start-'));
try {
  const db = join(dir, 'examples.db');
  const rssFile = join(dir, 'rss');
  const env = { ...process.env, RASD_DB: db, RSS_FILE: rssFile };
  const ingest = spawnSync(process.execPath, [BIN, 'ingest', join(ROOT, 'examples'), '--json'], {
    env,
    encoding: 'utf8',
  });
  if (ingest.status !== 0) throw new Error(`ingest of the examples failed: ${ingest.stderr}`);
  const cases: Case[] = [
    { name: 'node -e 0 (baseline)', args: ['-e', '0'] },
    { name: 'rasd --help', args: [BIN, '--help'], seconds: 0.3 },
    { name: 'rasd search الكرملين', args: [BIN, 'search', 'الكرملين'], seconds: 0.6, mb: 120 },
    {
      name: 'rasd analyze (seed)',
      args: [BIN, 'analyze', join(ROOT, 'test/fixtures/seed/article.txt')],
      seconds: 1.5,
    },
  ];
  const times = cases.map(() => [] as number[]);
  const rss = cases.map(() => [] as number[]);
  for (let run = 0; run < RUNS; run++) {
    cases.forEach((c, i) => {
      const started = performance.now();
      const child = spawnSync(process.execPath, ['--import', REPORT_RSS, ...c.args], {
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      times[i]!.push((performance.now() - started) / 1000);
      if (child.status !== 0) throw new Error(`${c.name} exited ${child.status}: ${child.stderr}`);
      rss[i]!.push(Number(readFileSync(rssFile, 'utf8')) / 1024);
    });
  }
  const base = median(times[0]!);
  console.log(`${RUNS} runs each, round-robin; ${BIN}`);
  console.table(
    Object.fromEntries(
      cases.map((c, i) => {
        const s = median(times[i]!);
        const mb = Math.max(...rss[i]!);
        const met = (c.seconds === undefined || s <= c.seconds) && (c.mb === undefined || mb <= c.mb);
        return [
          c.name,
          {
            'median s': Number(s.toFixed(3)),
            '× node -e 0': Number((s / base).toFixed(1)),
            'peak RSS MB': Number(mb.toFixed(0)),
            target:
              c.seconds === undefined ? '' : `≤ ${c.seconds} s${c.mb === undefined ? '' : `, ≤ ${c.mb} MB`}`,
            met: c.seconds === undefined ? '' : met ? 'yes' : 'no',
          },
        ];
      }),
    ),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
