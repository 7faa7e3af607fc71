import type { Alert, SourceHealth, SourceRecord, Watchlist } from '../../monitor/types.ts';
import type { Row } from '../read-models/reader.ts';
import { compact, parseData } from '../read-models/sql-parts.ts';

// Row → record mappers shared by both stores. PostgreSQL returns BIGINT columns as strings and SQLite returns
// integers, so every count goes through Number(); absent values come back null and are dropped by compact().

/** A nullable numeric column as a number. `count('12')` → `12`, `count(null)` → `undefined`. */
function count(value: unknown): number | undefined {
  return value === null || value === undefined ? undefined : Number(value);
}

/** A `sources` row as a record. `sourceFromRow(row).health.polls` → `3`. */
export function sourceFromRow(row: Row): SourceRecord {
  const delayCount = Number(row.delay_count);
  const health = compact<SourceHealth>({
    lastPollAt: row.last_poll_at,
    lastSuccessAt: row.last_success_at,
    lastErrorAt: row.last_error_at,
    lastError: row.last_error,
    lastStatus: count(row.last_status),
    polls: Number(row.polls),
    notModified: Number(row.not_modified),
    errors: Number(row.errors),
    failures: Number(row.failures),
    itemsFound: Number(row.items_found),
    itemsIngested: Number(row.items_ingested),
    meanDelayMs: delayCount > 0 ? Number(row.delay_sum_ms) / delayCount : undefined,
  });
  return compact<SourceRecord>({
    id: row.id,
    url: row.url,
    kind: row.kind,
    name: row.name,
    everyMs: Number(row.every_ms),
    addedAt: row.added_at,
    etag: row.etag,
    lastModified: row.last_modified,
    nextPollAt: row.next_poll_at,
    health,
  });
}

/** A `watchlists` row as a record. `watchlistFromRow(row).query` → `{speaker: 'بيسكوف'}`. */
export function watchlistFromRow(row: Row): Watchlist {
  const webhook =
    row.webhook_url === null || row.webhook_url === undefined
      ? undefined
      : compact({ url: row.webhook_url, secret: row.webhook_secret });
  return compact<Watchlist>({
    id: row.id,
    name: row.name,
    query: parseData(row.query_json),
    webhook,
    createdAt: row.created_at,
  });
}

/** An `alerts` row as a record; the numeric id becomes a string. `alertFromRow(row).id` → `'17'`. */
export function alertFromRow(row: Row): Alert {
  const match = parseData(row.match_json);
  return compact<Alert>({
    id: String(row.id),
    watchlistId: row.watchlist_id,
    clusterId: row.cluster_id,
    articleId: row.article_id,
    title: row.title,
    url: row.url,
    outlet: row.outlet,
    publishedAt: row.published_at,
    createdAt: row.created_at,
    match: { reasons: Array.isArray(match.reasons) ? match.reasons : [] },
    delivery: compact({
      status: row.delivery_status,
      attempts: Number(row.attempts),
      nextAttemptAt: row.next_attempt_at,
      lastError: row.last_error,
      deliveredAt: row.delivered_at,
    }),
  });
}
