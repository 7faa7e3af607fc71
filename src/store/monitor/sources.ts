import type { PollRecord, SourceInput, SourceRecord } from '../../monitor/types.ts';
import type { Row } from '../read-models/reader.ts';
import { placeholders } from '../read-models/sql-parts.ts';
import { batches } from './batches.ts';
import type { SqlExecutor } from './executor.ts';
import { sourceFromRow } from './rows.ts';
import { sourceId } from './source-id.ts';

// Sources and the items they listed: plain SQL both stores run (see executor.ts).

/**
 * Adds a source, due at once, or updates the interval (and the name and kind, when given) of the one with
 * this URL, keeping its health; its next poll comes one new interval from now at the latest.
 * `await addSource(db, {url: 'https://x/rss', everyMs: 900_000}, now)`.
 */
export async function addSource(db: SqlExecutor, input: SourceInput, now: string): Promise<SourceRecord> {
  const soonest = new Date(Date.parse(now) + input.everyMs).toISOString();
  const rows = await db.all(
    // A shorter interval takes effect at once: the next poll comes no later than one new interval from now.
    `INSERT INTO sources (id, url, kind, name, every_ms, added_at, next_poll_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (url) DO UPDATE SET every_ms = excluded.every_ms,
       kind = coalesce(excluded.kind, sources.kind), name = coalesce(excluded.name, sources.name),
       next_poll_at = CASE WHEN sources.next_poll_at > ? THEN ? ELSE sources.next_poll_at END
     RETURNING *`,
    [sourceId(input.url), input.url, input.kind ?? null, input.name ?? null, input.everyMs, now, now, soonest, soonest],
  );
  return sourceFromRow(rows[0]!);
}

/** The source with this id or URL. `await getSource(db, 'https://x/rss')`. */
export async function getSource(db: SqlExecutor, idOrUrl: string): Promise<SourceRecord | undefined> {
  const rows = await db.all('SELECT * FROM sources WHERE id = ? OR url = ?', [idOrUrl, idOrUrl]);
  return rows[0] === undefined ? undefined : sourceFromRow(rows[0]);
}

/** Removes a source by id or URL; its seen items go with it (ON DELETE CASCADE). `await removeSource(db, id)` → `true`. */
export async function removeSource(db: SqlExecutor, idOrUrl: string): Promise<boolean> {
  return (await db.run('DELETE FROM sources WHERE id = ? OR url = ?', [idOrUrl, idOrUrl])) > 0;
}

/** Every source in the order added (sources added at the same instant: by URL). `await listSources(db)`. */
export async function listSources(db: SqlExecutor): Promise<SourceRecord[]> {
  return (await db.all('SELECT * FROM sources ORDER BY added_at, url')).map(sourceFromRow);
}

/** Sources due at `now`, most overdue first. `await dueSources(db, '2026-01-01T00:00:00Z', 10)`. */
export async function dueSources(db: SqlExecutor, now: string, limit: number): Promise<SourceRecord[]> {
  const rows = await db.all(
    'SELECT * FROM sources WHERE next_poll_at <= ? ORDER BY next_poll_at, id LIMIT ?',
    [now, limit],
  );
  return rows.map(sourceFromRow);
}

/**
 * Records a poll in one statement, so concurrent pollers never lose each other's counts.
 * `await recordPoll(db, id, {at, outcome: 'not-modified', httpStatus: 304, …})`.
 */
export async function recordPoll(db: SqlExecutor, id: string, poll: PollRecord): Promise<void> {
  const failed = poll.outcome === 'error';
  const delays = poll.delaysMs.map(Math.round);
  await db.run(
    `UPDATE sources SET kind = coalesce(?, kind), etag = ?, last_modified = ?, next_poll_at = ?, failures = ?,
       last_poll_at = ?, last_status = ?, polls = polls + 1, not_modified = not_modified + ?, errors = errors + ?,
       last_error = coalesce(?, last_error), last_error_at = coalesce(?, last_error_at),
       last_success_at = coalesce(?, last_success_at), items_found = items_found + ?,
       items_ingested = items_ingested + ?, delay_sum_ms = delay_sum_ms + ?, delay_count = delay_count + ?
     WHERE id = ?`,
    [
      poll.kind ?? null,
      poll.etag ?? null,
      poll.lastModified ?? null,
      poll.nextPollAt,
      poll.failures,
      poll.at,
      poll.httpStatus ?? null,
      poll.outcome === 'not-modified' ? 1 : 0,
      failed ? 1 : 0,
      // An error without a message still replaces the previous one: the record says this poll failed.
      failed ? (poll.error ?? 'error') : null,
      failed ? poll.at : null,
      failed ? null : poll.at,
      poll.newItems,
      poll.ingested,
      delays.reduce((sum, delay) => sum + delay, 0),
      delays.length,
      id,
    ],
  );
}

/**
 * The keys this source never listed, in the given order and each once.
 * `await unseenItems(db, id, ['https://x/1', 'https://x/2'])` → `['https://x/2']` when the first was seen.
 */
export async function unseenItems(db: SqlExecutor, id: string, keys: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(keys)];
  const seen = new Set<string>();
  for (const run of batches(wanted)) {
    const rows = await db.all<Row>(
      `SELECT item_key FROM source_items WHERE source_id = ? AND item_key IN (${placeholders(run.length)})`,
      [id, ...run],
    );
    for (const row of rows) seen.add(String(row.item_key));
  }
  return wanted.filter((key) => !seen.has(key));
}

/**
 * Remembers items as seen; keys already seen keep their first date, and a source removed meanwhile gets none
 * (no foreign-key error for a poll that raced its removal). `await markItemsSeen(db, id, ['https://x/1'], now)`.
 */
export async function markItemsSeen(
  db: SqlExecutor,
  id: string,
  keys: readonly string[],
  now: string,
): Promise<void> {
  for (const run of batches([...new Set(keys)])) {
    // CASTs type the parameters for PostgreSQL, which cannot infer them inside a VALUES list.
    await db.run(
      `INSERT INTO source_items (source_id, item_key, seen_at)
       SELECT CAST(? AS TEXT), v.column1, CAST(? AS TEXT)
       FROM (VALUES ${run.map(() => '(CAST(? AS TEXT))').join(', ')}) AS v
       WHERE EXISTS (SELECT 1 FROM sources WHERE id = ?)
       ON CONFLICT DO NOTHING`,
      [id, now, ...run, id],
    );
  }
}
