// Node 20's test runner does not expand globs: find every *.test.ts under src/ and test/ and run them.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuild } from './ensure-build.mjs';

function findTests(dir) {
  const found = [];
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return found;
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

const filter = process.argv.slice(2);
const files = [...findTests('src'), ...findTests('test')]
  .filter((file) => filter.length === 0 || filter.some((part) => file.includes(part)))
  .sort();
// The tests under test/ run the CLI (bin/rasd.js runs dist/): build it first if src changed since.
if (files.some((file) => file.startsWith('test'))) ensureBuild();
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
