/**
 * The server under a bounded load on loopback (reads ../shared; not part of the test suite).
 * `npx tsx bench/load.ts` — env: RASD_LOAD_SECONDS (default 30), RASD_LOAD_CLIENTS (concurrent clients,
 * default 8), RASD_LOAD_ARTICLES (articles ingested before the run, default 200).
 *
 * Fills a temporary SQLite store through `rasd ingest`, starts `rasd serve` as a child process (so its memory
 * is the server's alone: VmRSS sampled every 100 ms, VmHWM at the end), then each client loops over a mix of
 * 70% GET /api/search, 10% GET /api/articles/:id, 10% POST /api/analyze (a corpus article) and 10% POST
 * /api/ingest (a corpus article not stored yet). An error is a network error or any answer but 2xx. The
 * baseline is the same mix run by one client for a few seconds before the load (latency unloaded).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { loadCorpus, type NewsArticle } from './corpus.ts';
import { seededRandom } from './random.ts';

const BIN = new URL('../bin/rasd.js', import.meta.url).pathname;
const SECONDS = Number(process.env.RASD_LOAD_SECONDS ?? 30);
const CLIENTS = Number(process.env.RASD_LOAD_CLIENTS ?? 8);
const PREFILL = Number(process.env.RASD_LOAD_ARTICLES ?? 200);
const BASELINE_SECONDS = 3;
const WORDS = [
  'السعودية', 'الرياض', 'وزير الخارجية', 'الأمم المتحدة', 'النفط', 'اليمن', 'الحوثيين', 'سوريا', 'ايران', 'الهلال',
  'مجلس الامن', '"ولي العهد"', 'الملك سلمان', 'التعليم', 'الصحه', 'داعش', 'مكه المكرمه', 'سعود*', 'الاقتصاد', 'الحج',
  'المملكة', 'الشورى', 'الإرهاب', 'أمير', 'مصر', 'العراق', 'لبنان', 'الطلاب', 'المستشفى', 'كرة القدم',
];
const KINDS = ['search', 'article', 'analyze', 'ingest'] as const;
type Kind = (typeof KINDS)[number];

interface CorpusRecord extends NewsArticle {
  readonly url?: string;
  readonly date_extracted?: string;
}

const random = seededRandom;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** VmRSS and VmHWM of a process, bytes (0 once it is gone). */
function memory(pid: number): { rss: number; hwm: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

/** Starts `rasd serve` on a free port; resolves with its URL once it listens. */
function startServer(db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', '0', '--rate-limit', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr?.on('data', (data) => {
      stderr += data;
      const url = /serving (http:\/\/\S+)/.exec(stderr)?.[1];
      if (url !== undefined) resolve({ child, url });
    });
    child.on('exit', (code) => reject(new Error(`rasd serve exited (${code}): ${stderr}`)));
  });
}

interface Sample {
  readonly kind: Kind;
  readonly ms: number;
  readonly ok: boolean;
}

/** One client's loop: requests one after another until the deadline. */
async function client(
  url: string,
  deadline: number,
  next: () => number,
  ids: readonly string[],
  texts: readonly CorpusRecord[],
  fresh: () => CorpusRecord,
  samples: Sample[],
  errors: Map<string, number>,
): Promise<void> {
  while (performance.now() < deadline) {
    const r = next();
    const kind: Kind = r < 0.7 ? 'search' : r < 0.8 ? 'article' : r < 0.9 ? 'analyze' : 'ingest';
    let request: Request;
    if (kind === 'search') {
      request = new Request(`${url}/api/search?q=${encodeURIComponent(WORDS[Math.floor(next() * WORDS.length)]!)}`);
    } else if (kind === 'article') {
      request = new Request(`${url}/api/articles/${ids[Math.floor(next() * ids.length)]!}`);
    } else {
      const a = kind === 'analyze' ? texts[Math.floor(next() * texts.length)]! : fresh();
      const body = kind === 'analyze' ? { title: a.title, text: a.text } : { title: a.title, text: a.text, ...(a.url ? { url: a.url } : {}), outlet: a.source };
      request = new Request(`${url}/api/${kind}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    }
    const started = performance.now();
    let ok = false;
    let reason = '';
    try {
      const response = await fetch(request);
      await response.arrayBuffer();
      ok = response.status >= 200 && response.status < 300;
      if (!ok) reason = `${kind} HTTP ${response.status}`;
    } catch (error) {
      reason = `${kind} ${(error as Error).message}`;
    }
    samples.push({ kind, ms: performance.now() - started, ok });
    if (!ok) errors.set(reason, (errors.get(reason) ?? 0) + 1);
  }
}

type Row = Record<string, number | string>;

function summarize(samples: readonly Sample[], seconds: number, label: string): Row[] {
  const rows: Row[] = [];
  for (const kind of [...KINDS, 'all'] as const) {
    const mine = kind === 'all' ? samples : samples.filter((s) => s.kind === kind);
    const ms = mine.map((s) => s.ms).sort((a, b) => a - b);
    rows.push({
      run: label,
      kind,
      requests: mine.length,
      'req/s': Math.round((mine.length / seconds) * 10) / 10,
      'p50 ms': Math.round(percentile(ms, 50) * 10) / 10,
      'p99 ms': Math.round(percentile(ms, 99) * 10) / 10,
      'max ms': Math.round((ms.at(-1) ?? 0) * 10) / 10,
      errors: mine.filter((s) => !s.ok).length,
    });
  }
  return rows;
}

/**
 * The bounds rasd states for this load on a 2-core machine: every request answered, p99 of all requests
 * under one second, the server's peak resident memory under 768 MB. The bench reports whether it stayed within them.
 */
export const LOAD_BOUNDS = { p99Ms: 1000, peakRssMb: 768, errors: 0 } as const;

/** Whether a run stayed within LOAD_BOUNDS, and where it did not. */
export function checkBounds(figures: LoadFigures): string[] {
  const problems: string[] = [];
  const all = figures.rows.filter((row) => row.kind === 'all').at(-1);
  const p99 = Number(all?.['p99 ms'] ?? Number.POSITIVE_INFINITY);
  if (p99 > LOAD_BOUNDS.p99Ms) problems.push(`p99 ${p99} ms > ${LOAD_BOUNDS.p99Ms} ms`);
  const peak = Number(figures.memory['peak RSS under load MB'] ?? Number.POSITIVE_INFINITY);
  if (peak > LOAD_BOUNDS.peakRssMb) problems.push(`peak RSS ${peak} MB > ${LOAD_BOUNDS.peakRssMb} MB`);
  const errors = Object.values(figures.errors).reduce((a, b) => a + b, 0);
  if (errors > LOAD_BOUNDS.errors) problems.push(`${errors} failed requests`);
  return problems;
}

export interface LoadFigures {
  readonly rows: Row[];
  readonly memory: Row;
  readonly errors: Record<string, number>;
}

/** Runs the whole load benchmark (prefill, baseline, load) and returns its tables. */
export async function benchLoad(): Promise<LoadFigures> {
  const pool = loadCorpus(PREFILL + 4000) as CorpusRecord[];
  if (pool.length <= PREFILL) throw new Error(`the corpus has only ${pool.length} articles`);
  const dir = mkdtempSync(join(tmpdir(), 'rasd-load-'));
  let server: ChildProcess | undefined;
  try {
    const db = join(dir, 'load.db');
    const dump = join(dir, 'prefill.jsonl');
    writeFileSync(dump, `${pool.slice(0, PREFILL).map((a) => JSON.stringify(a)).join('\n')}\n`);
    const fillStarted = performance.now();
    const fill = spawnSync(process.execPath, [BIN, 'ingest', dump, '--db', db, '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (fill.status !== 0) throw new Error(`rasd ingest failed: ${fill.stderr}`);
    const fillSeconds = (performance.now() - fillStarted) / 1000;
    const sqlite = new Database(db, { readonly: true });
    const ids = sqlite.prepare('SELECT id FROM articles').pluck().all() as string[];
    sqlite.close();
    console.log(`prefill: ${ids.length} articles stored from ${PREFILL} corpus records in ${fillSeconds.toFixed(1)} s (rasd ingest, with analysis)`);

    const started = await startServer(db);
    server = started.child;
    const pid = server.pid!;
    const idle = memory(pid);
    let peakRss = idle.rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, memory(pid).rss);
    }, 100);

    const texts = pool.slice(0, PREFILL);
    let cursor = PREFILL;
    // Not stored yet: the corpus after the prefill; past its end, the same texts again under new URLs.
    const fresh = (): CorpusRecord => {
      const a = pool[PREFILL + ((cursor - PREFILL) % (pool.length - PREFILL))]!;
      const round = Math.floor((cursor++ - PREFILL) / (pool.length - PREFILL));
      return round === 0 ? a : { ...a, url: `${a.url ?? 'https://news.example/load'}#load${round}` };
    };
    const errors = new Map<string, number>();

    // Baseline: the same mix, one client, unloaded.
    const baseline: Sample[] = [];
    const baseStart = performance.now();
    await client(started.url, baseStart + BASELINE_SECONDS * 1000, random(1), ids, texts, fresh, baseline, errors);
    const baseSeconds = (performance.now() - baseStart) / 1000;
    const afterBaseline = memory(pid).rss;

    const samples: Sample[] = [];
    const loadStart = performance.now();
    const deadline = loadStart + SECONDS * 1000;
    await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(started.url, deadline, random(100 + i), ids, texts, fresh, samples, errors)));
    const loadSeconds = (performance.now() - loadStart) / 1000;
    clearInterval(sampler);
    const end = memory(pid);
    peakRss = Math.max(peakRss, end.rss);
    const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
    return {
      rows: [...summarize(baseline, baseSeconds, '1 client (baseline)'), ...summarize(samples, loadSeconds, `${CLIENTS} clients, ${SECONDS} s`)],
      memory: {
        'server RSS idle MB': mb(idle.rss),
        'after baseline MB': mb(afterBaseline),
        'peak RSS under load MB': mb(peakRss),
        'VmHWM MB': mb(end.hwm),
        'RSS at end MB': mb(end.rss),
        'articles ingested during the run': cursor - PREFILL,
      },
      errors: Object.fromEntries(errors),
    };
  } finally {
    server?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await benchLoad();
  console.table(figures.rows);
  console.table([figures.memory]);
  const failed = Object.entries(figures.errors);
  console.log(failed.length === 0 ? 'errors: none' : `errors: ${failed.map(([reason, n]) => `${n}× ${reason}`).join('; ')}`);
  const problems = checkBounds(figures);
  const bounds = `p99 ≤ ${LOAD_BOUNDS.p99Ms} ms, peak RSS ≤ ${LOAD_BOUNDS.peakRssMb} MB, no failed request`;
  console.log(problems.length === 0 ? `within the stated bounds (${bounds})` : `OUT OF BOUNDS (${bounds}): ${problems.join('; ')}`);
  if (problems.length > 0) process.exitCode = 1;
}
