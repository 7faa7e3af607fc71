import type { Trends, TrendsQuery } from '../types.ts';
import type { SqlReader } from './reader.ts';
import { risingActors } from './rising-actors.ts';
import { trendingStories } from './trending-stories.ts';
import { ALL_DAYS, isIsoDay } from './trend-days.ts';

/** Most days one answer covers when bounds are given: keeps a year's trends the largest answer. */
export const MAX_TREND_DAYS = 366;

/**
 * Per day, newest first: the stories carried by the most distinct sources, and the actors named far more
 * than over their own baseline (see `TrendsQuery`). Days when nothing was published or seen are left out.
 * `await trends(db, {days: 7})` → the last 7 days that have articles.
 */
export async function trends(db: SqlReader, query: TrendsQuery): Promise<Trends> {
  const limit = Math.max(1, query.limit ?? 10);
  const baselineDays = Math.max(1, query.baselineDays ?? 14);
  const days = await trendDays(db, query);
  if (days.length === 0) return { days: [] };
  const [first, last] = [days[days.length - 1]!, days[0]!];
  const stories = await trendingStories(db, first, last, limit);
  const actors = await risingActors(db, days, baselineDays, limit);
  return {
    days: days.map((date) => ({
      date,
      stories: stories.get(date) ?? [],
      risingActors: actors.get(date) ?? [],
    })),
  };
}

/**
 * The days with articles published (or stored, when undated) or seen within the query's bounds, newest first;
 * a `to` shorter than a day keeps its whole month or year.
 */
async function trendDays(db: SqlReader, query: TrendsQuery): Promise<string[]> {
  const bounded = query.from !== undefined || query.to !== undefined;
  const where = [`day LIKE '____-__-__'`];
  const params: unknown[] = [];
  if (query.from !== undefined) {
    where.push('day >= ?');
    params.push(query.from.slice(0, 10));
  }
  if (query.to !== undefined) {
    const to = query.to.slice(0, 10);
    where.push(`substr(day, 1, ${to.length}) <= ?`);
    params.push(to);
  }
  const count = bounded ? MAX_TREND_DAYS : Math.min(MAX_TREND_DAYS, Math.max(1, query.days ?? 7));
  const rows = await db.all<{ day: string }>(
    `SELECT day FROM (${ALL_DAYS}) d WHERE ${where.join(' AND ')} ORDER BY day DESC LIMIT ?`,
    [...params, count],
  );
  return rows.map((r) => String(r.day)).filter(isIsoDay);
}
