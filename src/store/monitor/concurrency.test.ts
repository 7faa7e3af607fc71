import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { NewAlert } from '../../monitor/types.ts';
import { openPostgresStore } from '../postgres/postgres-store.ts';
import { postgresUnavailable, testSchemas } from '../postgres/test-database.ts';
import { openSqliteStore } from '../sqlite/sqlite-store.ts';

// Two workers storing copies of one story must raise one alert between them, on either store.

const run = promisify(execFile);
const T0 = '2026-01-01T00:00:00.000Z';

const alert = (watchlistId: string, clusterId: string, articleId: string): NewAlert => ({
  watchlistId,
  clusterId,
  articleId,
  createdAt: T0,
  match: { reasons: [] },
  deliver: false,
});

describe('monitor store concurrency: sqlite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rasd-monitor-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('records one alert per story when two connections to one file race', async () => {
    const file = join(dir, 'two-stores.db');
    const [first, second] = [await openSqliteStore(file), await openSqliteStore(file)];
    try {
      const { id } = await first.monitor.addWatchlist({ name: 'w', query: {} }, T0);
      const results = await Promise.all(
        ['c1', 'c1', 'c2'].flatMap((cluster, i) => [
          first.monitor.recordAlert(alert(id, cluster, `a${i}`)),
          second.monitor.recordAlert(alert(id, cluster, `b${i}`)),
        ]),
      );
      assert.equal(results.filter((r) => r !== undefined).length, 2);
      assert.deepEqual((await second.monitor.listAlerts({})).map((a) => a.clusterId).sort(), ['c1', 'c2']);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('records one alert per story when two processes race on one file', async () => {
    const file = join(dir, 'two-processes.db');
    const store = await openSqliteStore(file);
    const { id } = await store.monitor.addWatchlist({ name: 'w', query: {} }, T0);
    await store.close();
    const worker = fileURLToPath(new URL('./race-worker.ts', import.meta.url));
    const count = 1000;
    const startAt = String(Date.now() + 2000);
    const outputs = await Promise.all(
      [1, 2, 3].map(() =>
        run(process.execPath, ['--import', 'tsx', worker, file, id, String(count), startAt]),
      ),
    );
    const recorded = outputs.map(({ stdout }) => Number(stdout));
    assert.equal(
      recorded.reduce((sum, n) => sum + n, 0),
      count,
      `recorded per process: ${recorded.join(', ')}`,
    );
    const check = await openSqliteStore(file);
    try {
      // Exactly `count` alerts stored: the last one is at offset count - 1, none after it.
      assert.equal((await check.monitor.listAlerts({ offset: count - 1 })).length, 1);
      assert.equal((await check.monitor.listAlerts({ offset: count })).length, 0);
    } finally {
      await check.close();
    }
  });
});

const unavailable = await postgresUnavailable();
const schemas = testSchemas();
after(() => schemas.dropAll());

describe('monitor store concurrency: postgresql', () => {
  if (unavailable !== undefined) {
    if (process.env.CI === 'true') it('reaches PostgreSQL (required on CI)', () => assert.fail(unavailable));
    else it('needs PostgreSQL', { skip: unavailable }, () => {});
    return;
  }

  it('records one alert per story when two stores race', async () => {
    const url = schemas.next();
    const [first, second] = [await openPostgresStore(url), await openPostgresStore(url)];
    try {
      const { id } = await first.monitor.addWatchlist({ name: 'w', query: {} }, T0);
      const clusters = Array.from({ length: 40 }, (_, i) => `c${i}`);
      const results = await Promise.all(
        clusters.flatMap((cluster) => [
          first.monitor.recordAlert(alert(id, cluster, `a-${cluster}`)),
          second.monitor.recordAlert(alert(id, cluster, `b-${cluster}`)),
        ]),
      );
      assert.equal(results.filter((r) => r !== undefined).length, clusters.length);
      assert.equal((await first.monitor.listAlerts({ limit: 500 })).length, clusters.length);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('lets the second of two open batches yield to the first', async () => {
    const url = schemas.next();
    const [first, second] = [await openPostgresStore(url), await openPostgresStore(url)];
    try {
      const { id } = await first.monitor.addWatchlist({ name: 'w', query: {} }, T0);
      await Promise.all([first.begin(), second.begin()]);
      assert.ok(await first.monitor.recordAlert(alert(id, 'c1', 'a1')));
      // The second insert waits on the first batch's row, then finds the story alerted.
      const racing = second.monitor.recordAlert(alert(id, 'c1', 'b1'));
      await first.commit();
      assert.equal(await racing, undefined);
      await second.commit();
      const alerts = await second.monitor.listAlerts({});
      assert.deepEqual(
        alerts.map((a) => a.articleId),
        ['a1'],
      );
    } finally {
      await first.close();
      await second.close();
    }
  });
});
