import { randomUUID } from 'node:crypto';
import type { Watchlist, WatchlistInput } from '../../monitor/types.ts';
import type { SqlExecutor } from './executor.ts';
import { watchlistFromRow } from './rows.ts';

// Watchlists: saved queries, each with an optional webhook. Plain SQL both stores run.

/** Saves a watchlist under a short random id. `await addWatchlist(db, {name: 'Peskov', query: {speaker: 'بيسكوف'}}, now)`. */
export async function addWatchlist(db: SqlExecutor, input: WatchlistInput, now: string): Promise<Watchlist> {
  const rows = await db.all(
    `INSERT INTO watchlists (id, name, query_json, webhook_url, webhook_secret, created_at)
     VALUES (?, ?, ?, ?, ?, ?) RETURNING *`,
    [
      randomUUID().slice(0, 8),
      input.name,
      JSON.stringify(input.query),
      input.webhook?.url ?? null,
      input.webhook?.secret ?? null,
      now,
    ],
  );
  return watchlistFromRow(rows[0]!);
}

/** Every watchlist, oldest first. `await listWatchlists(db)`. */
export async function listWatchlists(db: SqlExecutor): Promise<Watchlist[]> {
  return (await db.all('SELECT * FROM watchlists ORDER BY created_at, id')).map(watchlistFromRow);
}

/** One watchlist by id. `await getWatchlist(db, 'a1b2c3d4')`. */
export async function getWatchlist(db: SqlExecutor, id: string): Promise<Watchlist | undefined> {
  const rows = await db.all('SELECT * FROM watchlists WHERE id = ?', [id]);
  return rows[0] === undefined ? undefined : watchlistFromRow(rows[0]);
}

/** Removes a watchlist; its alerts go with it (ON DELETE CASCADE). `await removeWatchlist(db, 'a1b2c3d4')` → `true`. */
export async function removeWatchlist(db: SqlExecutor, id: string): Promise<boolean> {
  return (await db.run('DELETE FROM watchlists WHERE id = ?', [id])) > 0;
}
