// Rebuilds dist/ (tsc -p tsconfig.build.json) when a source file is newer than the last build, so tests and
// benchmarks that run bin/rasd.js never run stale compiled code. `node scripts/ensure-build.mjs`, or
// `await ensureBuild()`. A lock directory keeps two runs in one checkout from writing dist/ at once.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STAMP = join(ROOT, 'dist', '.tsbuildinfo');
const LOCK = join(ROOT, 'dist', '.building');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
      newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function stale() {
  if (!existsSync(STAMP)) return true;
  const built = statSync(STAMP).mtimeMs;
  return ['src', 'tsconfig.json', 'tsconfig.build.json'].some((name) => {
    const path = join(ROOT, name);
    return name === 'src' ? newestSource(path) > built : statSync(path).mtimeMs > built;
  });
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Builds dist/ if it is missing or older than src/; returns true when it built. */
export function ensureBuild() {
  if (!stale()) return false;
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Another run is building: wait for it, unless its lock is left over from a killed run.
      if (Date.now() - statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs > 300_000)
        rmSync(LOCK, { recursive: true, force: true });
      sleep(500);
    }
  }
  try {
    if (!stale()) return false;
    process.stderr.write('building dist/ (src changed since the last build)…\n');
    const started = new Date();
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const run = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], {
      stdio: 'inherit',
    });
    // Status 2: type errors, files emitted all the same (the lint reports the errors); anything else is fatal.
    if (run.status !== 0 && run.status !== 2) throw new Error('tsc -p tsconfig.build.json failed');
    // tsc leaves its build info alone when nothing changed (a file only touched): date the build by its
    // start, so a file saved while tsc ran still counts as newer next time.
    utimesSync(STAMP, started, started);
    return true;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureBuild();
