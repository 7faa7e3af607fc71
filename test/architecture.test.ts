import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = new URL('..', import.meta.url).pathname;
// The analyzer must run in a browser: these folders import no Node module and no I/O package.
const PURE_FOLDERS = ['src/core', 'src/text', 'src/clean', 'src/analyze', 'src/monitor/watchlists'];
const FORBIDDEN = /from\s+['"](node:[^'"]+|fs|path|os|child_process|zlib|http|https|net|better-sqlite3|pg|bullmq|ioredis)['"]/;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

describe('architecture', () => {
  it('keeps Node modules out of the analyzer', () => {
    for (const folder of PURE_FOLDERS) {
      for (const file of sourceFiles(join(ROOT, folder))) {
        const match = FORBIDDEN.exec(readFileSync(file, 'utf8'));
        assert.equal(match, null, `${file.slice(ROOT.length)} imports ${match?.[1]}`);
      }
    }
  });
});
