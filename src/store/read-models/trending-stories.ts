import type { TrendingStory } from '../types.ts';
import type { SqlReader } from './reader.ts';
import { SIGHTING_DAY, clustersWithin } from './trend-days.ts';

/**
 * Per day from `first` to `last` (both inclusive), the `limit` stories (clusters) seen at the most distinct
 * sources that day, then the most sightings, then by cluster id so both stores agree on ties.
 * `await trendingStories(db, '2015-07-14', '2015-07-20', 10)` → a map from day to its stories, best first.
 */
export async function trendingStories(
  db: SqlReader,
  first: string,
  last: string,
  limit: number,
): Promise<Map<string, TrendingStory[]>> {
  const clusters = clustersWithin(first, last);
  // A sighting without an outlet or host (a file, stdin) counts as one unnamed source.
  // One pass over the window's sightings, grouped down to (day, story, source); the ranking and each
  // story's outlets both come from that grouping, so the window is scanned once.
  const rows = await db.all(
    `WITH seen AS (
       SELECT ${SIGHTING_DAY} AS day, s.cluster_id, s.source_name, count(*) AS n
       FROM sightings s JOIN articles a ON a.id = s.cluster_id
       WHERE s.cluster_id IN (${clusters.sql}) AND ${SIGHTING_DAY} >= ? AND ${SIGHTING_DAY} <= ?
       GROUP BY ${SIGHTING_DAY}, s.cluster_id, s.source_name
     ), ranked AS (
       SELECT day, cluster_id, count(*) AS sources, sum(n) AS sightings,
         row_number() OVER (PARTITION BY day ORDER BY count(*) DESC, sum(n) DESC, cluster_id) AS pos
       FROM seen GROUP BY day, cluster_id
     )
     SELECT r.day, r.cluster_id, r.sources, r.sightings, r.pos, a.title, seen.source_name
     FROM ranked r JOIN articles a ON a.id = r.cluster_id
     LEFT JOIN seen ON seen.day = r.day AND seen.cluster_id = r.cluster_id AND seen.source_name IS NOT NULL
     WHERE r.pos <= ?
     ORDER BY r.day DESC, r.pos, seen.source_name`,
    [...clusters.params, first, last, limit],
  );
  const byDay = new Map<string, TrendingStory[]>();
  let current: { day: string; id: string; outlets: string[] } | undefined;
  for (const r of rows) {
    const day = String(r.day);
    const id = String(r.cluster_id);
    if (current?.day !== day || current.id !== id) {
      current = { day, id, outlets: [] };
      const story: TrendingStory = {
        clusterId: id,
        articleId: id,
        ...(typeof r.title === 'string' ? { title: r.title } : {}),
        sources: Number(r.sources),
        outlets: current.outlets,
        sightings: Number(r.sightings),
      };
      const list = byDay.get(day) ?? [];
      list.push(story);
      byDay.set(day, list);
    }
    if (typeof r.source_name === 'string') current.outlets.push(r.source_name);
  }
  return byDay;
}
