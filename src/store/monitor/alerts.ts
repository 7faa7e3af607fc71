import type { Alert, AlertQuery, DeliveryRecord, NewAlert } from '../../monitor/types.ts';
import type { SqlExecutor } from './executor.ts';
import { alertFromRow } from './rows.ts';

// Alerts and their webhook deliveries. Plain SQL both stores run.

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;

/** Alert ids are the database's integers: anything else names no alert (and must not reach PostgreSQL's bigint). */
const ALERT_ID = /^[0-9]{1,18}$/;

/**
 * Records the alert unless its watchlist already has one for the cluster, or the watchlist is gone. One
 * statement: the UNIQUE (watchlist_id, cluster_id) constraint settles races between processes, and the
 * loser gets no row back. `await recordAlert(db, alert)` → the Alert, or undefined.
 */
export async function recordAlert(db: SqlExecutor, alert: NewAlert): Promise<Alert | undefined> {
  const rows = await db.all(
    `INSERT INTO alerts (watchlist_id, cluster_id, article_id, title, url, outlet, published_at, created_at,
       match_json, delivery_status, attempts, next_attempt_at)
     SELECT CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT),
       CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), 0, CAST(? AS TEXT)
     WHERE EXISTS (SELECT 1 FROM watchlists WHERE id = ?)
     ON CONFLICT (watchlist_id, cluster_id) DO NOTHING
     RETURNING *`,
    [
      alert.watchlistId,
      alert.clusterId,
      alert.articleId,
      alert.title ?? null,
      alert.url ?? null,
      alert.outlet ?? null,
      alert.publishedAt ?? null,
      alert.createdAt,
      JSON.stringify(alert.match),
      alert.deliver ? 'pending' : 'none',
      alert.deliver ? alert.createdAt : null,
      alert.watchlistId,
    ],
  );
  return rows[0] === undefined ? undefined : alertFromRow(rows[0]);
}

/** Alerts newest first, of one watchlist or all. `await listAlerts(db, {watchlistId: 'a1b2c3d4', limit: 20})`. */
export async function listAlerts(db: SqlExecutor, query: AlertQuery): Promise<Alert[]> {
  const limit = Math.min(whole(query.limit, DEFAULT_LIMIT), MAX_LIMIT);
  const offset = whole(query.offset, 0);
  const filter = query.watchlistId === undefined ? '' : 'WHERE watchlist_id = ?';
  const rows = await db.all(
    `SELECT * FROM alerts ${filter} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
    [...(query.watchlistId === undefined ? [] : [query.watchlistId]), limit, offset],
  );
  return rows.map(alertFromRow);
}

/** A count given by a caller as a whole number ≥ 0, `fallback` when absent or not a number. `whole(7.9, 50)` → `7`. */
function whole(value: number | undefined, fallback: number): number {
  return value === undefined || !Number.isFinite(value) ? fallback : Math.max(Math.trunc(value), 0);
}

/** One alert by id. `await getAlert(db, '17')`. */
export async function getAlert(db: SqlExecutor, id: string): Promise<Alert | undefined> {
  if (!ALERT_ID.test(id)) return undefined;
  const rows = await db.all('SELECT * FROM alerts WHERE id = ?', [Number(id)]);
  return rows[0] === undefined ? undefined : alertFromRow(rows[0]);
}

/** Pending deliveries due at `now`, oldest first. `await dueDeliveries(db, now, 20)`. */
export async function dueDeliveries(db: SqlExecutor, now: string, limit: number): Promise<Alert[]> {
  const rows = await db.all(
    `SELECT * FROM alerts WHERE delivery_status = 'pending' AND next_attempt_at <= ?
     ORDER BY next_attempt_at, id LIMIT ?`,
    [now, limit],
  );
  return rows.map(alertFromRow);
}

/**
 * Records a delivery attempt: delivered, pending again at `nextAttemptAt`, or failed for good.
 * `await recordDelivery(db, '17', {at, ok: false, error: 'HTTP 503', nextAttemptAt})`.
 */
export async function recordDelivery(db: SqlExecutor, id: string, attempt: DeliveryRecord): Promise<void> {
  if (!ALERT_ID.test(id)) return;
  const status = attempt.ok ? 'delivered' : attempt.nextAttemptAt === undefined ? 'failed' : 'pending';
  await db.run(
    `UPDATE alerts SET attempts = attempts + 1, delivery_status = ?, next_attempt_at = ?,
       last_error = coalesce(?, last_error), delivered_at = coalesce(?, delivered_at)
     WHERE id = ?`,
    [
      status,
      status === 'pending' ? attempt.nextAttemptAt : null,
      attempt.ok ? null : (attempt.error ?? 'delivery failed'),
      attempt.ok ? attempt.at : null,
      Number(id),
    ],
  );
}
