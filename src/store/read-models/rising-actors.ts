import type { RisingActor } from '../types.ts';
import type { SqlReader } from './reader.ts';
import { placeholders } from './sql-parts.ts';
import { ARTICLE_DAY, articlesWithin, dayNumber, shiftDay } from './trend-days.ts';

/** Ids per `IN (…)` list: well under both databases' limits on parameters. */
const CHUNK = 500;

/**
 * For each of `days`, the `limit` actors named in more articles that day than over the `baselineDays` days
 * before it (missing days count 0): score = (count − baseline) / √(baseline + 1), positive scores and at
 * least 2 articles only, highest first, then by id.
 * `await risingActors(db, ['2015-07-20'], 14, 10)` → `Map {'2015-07-20' => [{id: 'actor:un', count: 3, …}]}`.
 */
export async function risingActors(
  db: SqlReader,
  days: readonly string[],
  baselineDays: number,
  limit: number,
): Promise<Map<string, RisingActor[]>> {
  const sorted = [...days].sort();
  if (sorted.length === 0) return new Map();
  const [first, last] = [sorted[0]!, sorted[sorted.length - 1]!];
  const since = shiftDay(first, -baselineDays);
  const articles = articlesWithin(since, last);
  // Articles per actor and day (an actor can be several entities of one article) over the window and its baseline, only for actors named in 2 articles on
  // some day of the window: the others can never be listed, and they are most of the actors.
  const rows = await db.all<{ day: string; actor_key: string; n: unknown }>(
    `WITH named AS (
       SELECT DISTINCT ${ARTICLE_DAY} AS day, e.actor_key, e.article_id
       FROM articles a JOIN entities e ON e.article_id = a.id
       WHERE a.id IN (${articles.sql}) AND e.actor_key IS NOT NULL AND ${ARTICLE_DAY} >= ? AND ${ARTICLE_DAY} <= ?
     ), daily AS (
       SELECT day, actor_key, count(*) AS n FROM named GROUP BY day, actor_key
     )
     SELECT day, actor_key, n FROM daily
     WHERE actor_key IN (SELECT actor_key FROM daily WHERE n >= 2 AND day >= ?)`,
    [...articles.params, since, last, first],
  );
  // Keyed by day number, so counting back over the baseline is integer arithmetic.
  const counts = new Map<string, Map<number, number>>();
  for (const r of rows) {
    const perDay = counts.get(r.actor_key) ?? new Map<number, number>();
    perDay.set(dayNumber(String(r.day)), Number(r.n));
    counts.set(r.actor_key, perDay);
  }
  const byDay = new Map<string, Omit<RisingActor, 'name' | 'type'>[]>();
  for (const day of days) {
    const today = dayNumber(day);
    const rising = [];
    for (const [id, perDay] of counts) {
      const count = perDay.get(today) ?? 0;
      if (count < 2) continue;
      let before = 0;
      for (const [n, named] of perDay) if (n < today && n >= today - baselineDays) before += named;
      const baseline = before / baselineDays;
      const score = (count - baseline) / Math.sqrt(baseline + 1);
      if (score > 0) rising.push({ id, count, baseline: round(baseline), score: round(score) });
    }
    // Ties broken by id in JavaScript, not by the database: both stores give the same order.
    rising.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    byDay.set(day, rising.slice(0, limit));
  }
  const names = await actorNames(db, [...new Set([...byDay.values()].flat().map((a) => a.id))]);
  return new Map(
    [...byDay].map(([day, list]) => [
      day,
      list.map(({ id, ...rest }) => ({ id, ...(names.get(id) ?? { name: id, type: 'MISC' }), ...rest })),
    ]),
  );
}

/** Each actor's name and type as the actor list gives them. */
async function actorNames(
  db: SqlReader,
  ids: readonly string[],
): Promise<Map<string, { name: string; type: string }>> {
  const names = new Map<string, { name: string; type: string }>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const rows = await db.all<{ id: string; name: string; type: string }>(
      `SELECT actor_key AS id, max(name) AS name, max(type) AS type FROM entities
       WHERE actor_key IN (${placeholders(chunk.length)}) GROUP BY actor_key`,
      chunk,
    );
    for (const r of rows) names.set(r.id, { name: r.name, type: r.type });
  }
  return names;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
