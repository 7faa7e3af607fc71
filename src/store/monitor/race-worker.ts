/**
 * Test helper, run as its own process by concurrency.test.ts: opens the SQLite store at argv[2] and, from the
 * instant argv[5] (epoch ms) on, records an alert of watchlist argv[3] for clusters c0…c(argv[4]-1), printing how
 * many it got. Several at once on one file must share the clusters between them, each alerted once.
 * `node --import tsx src/store/monitor/race-worker.ts rasd.db a1b2c3d4 50 1767225600000` → prints `23`.
 */
import { openSqliteStore } from '../sqlite/sqlite-store.ts';

const [file, watchlistId, count, startAt] = process.argv.slice(2);
const store = await openSqliteStore(file!);
// Processes start at different speeds: waiting for a common instant makes them really race.
await new Promise((resolve) => setTimeout(resolve, Math.max(Number(startAt ?? 0) - Date.now(), 0)));
let recorded = 0;
for (let i = 0; i < Number(count); i++) {
  const alert = await store.monitor.recordAlert({
    watchlistId: watchlistId!,
    clusterId: `c${i}`,
    articleId: `a${i}-${process.pid}`,
    createdAt: new Date().toISOString(),
    match: { reasons: [] },
    deliver: true,
  });
  if (alert !== undefined) recorded++;
}
await store.close();
process.stdout.write(String(recorded));
