/** Days, and the day expressions and filters the trend queries share (plain SQL both stores run). */
import type { Condition } from './sql-parts.ts';

/**
 * A sighting's day: its own publication date, else its article's, else when the article was stored. Needs
 * `s` (sightings) joined to `a` (articles). Dates are ISO strings, so the first ten characters are the day.
 */
export const SIGHTING_DAY = 'substr(coalesce(s.published_at, a.published_at, a.ingested_at), 1, 10)';

/** An article's day: its publication date, else when it was stored. Needs `a` (articles). */
export const ARTICLE_DAY = 'substr(coalesce(a.published_at, a.ingested_at), 1, 10)';

/**
 * Ids of the articles whose day is within `first`…`last` (or a little beyond, for dates that are not ISO:
 * callers still test the day). Only indexed columns are compared, so a window of days reads only its rows.
 * `articlesWithin('2015-07-01', '2015-07-07')` → `{sql: 'SELECT id FROM articles WHERE …', params}`.
 */
export function articlesWithin(first: string, last: string): Condition {
  const end = shiftDay(last, 1);
  return {
    sql: `SELECT id FROM articles WHERE published_at >= ? AND published_at < ?
          UNION SELECT id FROM articles WHERE published_at IS NULL AND ingested_at >= ? AND ingested_at < ?`,
    params: [first, end, first, end],
  };
}

/**
 * Ids of the clusters with a sighting whose day may fall within `first`…`last`: those of articles within it,
 * and those seen with a date of their own within it. `clustersWithin('2015-07-01', '2015-07-07')`.
 */
export function clustersWithin(first: string, last: string): Condition {
  const articles = articlesWithin(first, last);
  return {
    sql: `${articles.sql} UNION SELECT cluster_id FROM sightings WHERE published_at >= ? AND published_at < ?`,
    params: [...articles.params, first, shiftDay(last, 1)],
  };
}

/**
 * Every day something was published or seen (a superset of the sightings' days that only reads indexes and
 * the sightings' own dates). Gives one `day` column.
 */
export const ALL_DAYS = `SELECT substr(published_at, 1, 10) AS day FROM articles WHERE published_at IS NOT NULL
  UNION SELECT substr(ingested_at, 1, 10) FROM articles WHERE published_at IS NULL
  UNION SELECT substr(published_at, 1, 10) FROM sightings WHERE published_at IS NOT NULL`;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** True for a `YYYY-MM-DD` day; stored dates that are not ISO are left out of trends. */
export function isIsoDay(day: string): boolean {
  return ISO_DAY.test(day);
}

/** The day `by` days after `day` (before, when negative), in UTC. `shiftDay('2015-03-01', -1)` → `'2015-02-28'`. */
export function shiftDay(day: string, by: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + by)).toISOString().slice(0, 10);
}

/** Days since 1970-01-01 (UTC), for counting back over a baseline. `dayNumber('1970-01-02')` → `1`. */
export function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / 86_400_000;
}
