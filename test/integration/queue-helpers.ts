import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TestContext } from 'node:test';
import pg from 'pg';
import { BIN } from './helpers.ts';

export const REDIS_URL = process.env.RASD_TEST_REDIS ?? 'redis://127.0.0.1:6379';
export const PG_URL = process.env.RASD_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const DISTINCT = new URL('../fixtures/queue/distinct-100.jsonl', import.meta.url).pathname;

/** A queue name no other run uses. */
export function uniqueQueueName(what: string): string {
  return `rasd-test-${what}-${process.pid}-${randomUUID().slice(0, 8)}`;
}

/** True when Redis answers PING. */
export async function redisAnswers(url = REDIS_URL): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

/** True when PostgreSQL accepts a connection. */
export async function postgresAnswers(url = PG_URL): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Whether a test may run: a missing service fails the test on CI (`CI=true`) and skips it elsewhere, with why.
 * `if (!(await needs(t, 'Redis', redisAnswers))) return;`
 */
export async function needs(t: TestContext, service: string, check: () => Promise<boolean>): Promise<boolean> {
  if (await check()) return true;
  const message = `${service} is not reachable`;
  if (process.env.CI === 'true') throw new Error(`${message} (required on CI)`);
  t.skip(`${message}; skipped`);
  return false;
}

/** A fresh schema in the test database, and a function dropping it. */
export async function freshSchema(what: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `rasd_${what}_${process.pid}_${randomUUID().slice(0, 8)}`.replace(/-/g, '_').toLowerCase();
  const url = new URL(PG_URL);
  url.searchParams.set('schema', schema);
  return {
    url: url.href,
    async drop() {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * Writes the 100 distinct fixture articles with an exact copy (same text, another title and URL, so another
 * raw id: only deduplication can tell) of the
 * first `copies`, each copy right after its original's group so that two workers meet them at once.
 * Returns the number of records; the distinct articles are always 100.
 */
export function writeCorpusWithCopies(path: string, copies: number, group = 5): number {
  const records = readFileSync(DISTINCT, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, string>);
  const lines: string[] = [];
  for (let start = 0; start < records.length; start += group) {
    const originals = records.slice(start, start + group);
    lines.push(...originals.map((r) => JSON.stringify(r)));
    lines.push(...originals.filter((_, i) => start + i < copies).map((r) => JSON.stringify({ ...r, url: `${r.url}?copy`, title: `${r.title} | مرآة`, source: `${r.source}-mirror` })));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return lines.length;
}

/** A running `rasd worker` child process with its output collected. */
export interface WorkerProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  output(): string;
}

export function startWorkerProcess(args: readonly string[]): WorkerProcess {
  const child = spawn(process.execPath, [BIN, 'worker', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/** Polls `check` until it returns true or `timeoutMs` passes; returns whether it did. */
export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 100): Promise<boolean> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await sleep(everyMs)) if (await check()) return true;
  return false;
}
