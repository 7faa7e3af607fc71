import assert from 'node:assert/strict';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { dumpDatabase, rasdAsync, rasdRun, tempDir, writeRecombinedDump } from './helpers.ts';

const TOTAL = 1200;

/** A JSONL dump of TOTAL real-text records (new stories, exact and near copies). */
function writeLargeDump(path: string): void {
  writeRecombinedDump(path, TOTAL);
}

function committedSightings(file: string): number {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT count(*) AS n FROM sightings').pluck().get() as number;
    } finally {
      db.close();
    }
  } catch {
    return 0; // Not created or not migrated yet.
  }
}

describe('rasd ingest killed with SIGKILL (integration)', () => {
  it('resumes to exactly the database an uninterrupted run builds', async () => {
    const dir = tempDir();
    const dump = join(dir, 'large.jsonl');
    writeLargeDump(dump);
    const args = (db: string) => ['ingest', dump, '--db', db, '--no-analyze', '--batch', '25', '--json'];

    const whole = join(dir, 'whole.db');
    const reference = await rasdRun(args(whole));
    assert.equal(reference.status, 0, reference.stderr);

    const resumed = join(dir, 'resumed.db');
    const child = rasdAsync(args(resumed));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    let seen = 0;
    for (let waited = 0; waited < 120_000 && seen < 150; waited += 50) {
      await sleep(50);
      seen = committedSightings(resumed);
    }
    child.kill('SIGKILL');
    await exited;
    const atKill = committedSightings(resumed);
    assert.ok(atKill > 0 && atKill < TOTAL, `killed mid-run (${atKill} of ${TOTAL} committed)`);

    const rerun = await rasdRun(args(resumed));
    assert.equal(rerun.status, 0, rerun.stderr);
    const summary = JSON.parse(rerun.stdout);
    assert.ok(summary.unchanged >= atKill, 'nothing committed was redone');
    assert.equal(dumpDatabase(resumed), dumpDatabase(whole));
  });
});
