/**
 * What the browser tests and the screenshot script share: building the UI when it is missing, filling a
 * temporary store through the CLI, running `rasd serve` as a child process, and launching Debian's Chromium.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RASD = join(REPO_ROOT, 'bin', 'rasd.js');

/** Runs `vite build web` unless web/dist already holds a build. */
export function ensureWebBuild(): void {
  if (!existsSync(join(REPO_ROOT, 'web', 'dist', 'index.html'))) buildWeb();
}

/** Builds the UI into web/dist. */
export function buildWeb(): void {
  const vite = join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', 'web', '--logLevel', 'warn'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
}

/** Ingests files into `db` through the CLI, as a user would. */
export function ingestFiles(db: string, files: readonly string[]): void {
  const result = spawnSync(process.execPath, [RASD, 'ingest', ...files, '--db', db], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`rasd ingest failed (${result.status}):\n${result.stderr}`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface ServedStore {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts `rasd serve --db FILE [extraArgs…]` on a free port and waits until /api/health answers. */
export async function serveStore(
  db: string,
  timeoutMs = 40_000,
  extraArgs: readonly string[] = [],
): Promise<ServedStore> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [RASD, 'serve', '--db', db, '--port', String(port), ...extraArgs],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`rasd serve exited (${child.exitCode}):\n${stderr}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`rasd serve did not answer within ${timeoutMs} ms:\n${stderr}`);
}

/** Launches Debian's Chromium headless with the flags that work offline in a container. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
