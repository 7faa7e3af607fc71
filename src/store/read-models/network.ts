import type {
  Network,
  NetworkEdge,
  NetworkNode,
  NetworkQuery,
  Timeline,
  TimelineDay,
  TimelineQuery,
} from '../types.ts';
import { articleConditions, compact, dayWithin, placeholders } from './sql-parts.ts';
import type { SqlReader } from './reader.ts';

/**
 * The actor network of the articles within the query's bounds: the `limit` most named actors as nodes, and
 * between them co-occurrence in articles, quotes naming one another and events. See `NetworkEdge`.
 */
export async function actorNetwork(db: SqlReader, query: NetworkQuery): Promise<Network> {
  const filter = articleConditions(query);
  const nodeRows = await db.all(
    `SELECT e.actor_key AS id, max(e.name) AS name, max(e.type) AS type, max(e.country) AS country,
        count(DISTINCT e.article_id) AS weight
       FROM entities e JOIN articles a ON a.id = e.article_id
       WHERE e.actor_key IS NOT NULL AND ${filter.sql} GROUP BY e.actor_key ORDER BY weight DESC, id LIMIT ?`,
    [...filter.params, query.limit ?? 100],
  );
  const nodes = nodeRows.map((r) => compact<NetworkNode>({ ...r, weight: Number(r.weight) }));
  if (nodes.length < 2) return { nodes, edges: [] };
  const ids = nodes.map((n) => n.id);
  const list = placeholders(ids.length);
  const edges = new Map<
    string,
    { a: string; b: string; cooccur: number; quotes: number; events: number; forward: number }
  >();
  const edgeOf = (x: string, y: string) => {
    const [a, b] = x < y ? [x, y] : [y, x];
    const key = `${a}\u0000${b}`;
    let edge = edges.get(key);
    if (edge === undefined) {
      edge = { a, b, cooccur: 0, quotes: 0, events: 0, forward: 0 };
      edges.set(key, edge);
    }
    return edge;
  };
  const pairs = await db.all(
    `SELECT e1.actor_key AS x, e2.actor_key AS y, count(DISTINCT e1.article_id) AS n
       FROM entities e1 JOIN entities e2 ON e2.article_id = e1.article_id AND e1.actor_key < e2.actor_key
       JOIN articles a ON a.id = e1.article_id
       WHERE e1.actor_key IN (${list}) AND e2.actor_key IN (${list}) AND ${filter.sql} GROUP BY e1.actor_key, e2.actor_key`,
    [...ids, ...ids, ...filter.params],
  );
  for (const p of pairs) edgeOf(p.x as string, p.y as string).cooccur += Number(p.n);
  const links = await db.all(
    `SELECT l.kind, l.source_key AS x, l.target_key AS y, count(*) AS n FROM actor_links l JOIN articles a ON a.id = l.article_id
       WHERE l.source_key IN (${list}) AND l.target_key IN (${list}) AND ${filter.sql} GROUP BY l.kind, l.source_key, l.target_key`,
    [...ids, ...ids, ...filter.params],
  );
  for (const l of links) {
    const edge = edgeOf(l.x as string, l.y as string);
    const n = Number(l.n);
    if (l.kind === 'quote') edge.quotes += n;
    else edge.events += n;
    // Orientation votes: links from a to b count for a→b, the others against.
    edge.forward += l.x === edge.a ? n : -n;
  }
  const out: NetworkEdge[] = [...edges.values()].map((e) => {
    const [source, target] = e.forward < 0 ? [e.b, e.a] : [e.a, e.b];
    return {
      source,
      target,
      weight: e.cooccur + e.quotes + e.events,
      cooccur: e.cooccur,
      quotes: e.quotes,
      events: e.events,
    };
  });
  out.sort(
    (x, y) =>
      y.weight - x.weight ||
      (x.source < y.source ? -1 : x.source > y.source ? 1 : x.target < y.target ? -1 : 1),
  );
  return { nodes, edges: out };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Articles per publication day and events per day and type (the event's own date when resolved, else its article's). */
export async function timeline(db: SqlReader, query: TimelineQuery): Promise<Timeline> {
  const days = new Map<string, { articles: number; events: Record<string, number> }>();
  const dayOf = (date: string) => {
    let day = days.get(date);
    if (day === undefined) {
      day = { articles: 0, events: {} };
      days.set(date, day);
    }
    return day;
  };
  const actorOnly = articleConditions(query.actor === undefined ? {} : { actor: query.actor });
  const articleRows = await db.all(
    `SELECT substr(a.published_at, 1, 10) AS day, count(*) AS n FROM articles a
       WHERE a.published_at IS NOT NULL AND ${actorOnly.sql} GROUP BY substr(a.published_at, 1, 10)`,
    [...actorOnly.params],
  );
  for (const r of articleRows) {
    const day = String(r.day);
    if (ISO_DAY.test(day) && dayWithin(day, query.from, query.to)) dayOf(day).articles += Number(r.n);
  }
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.type !== undefined) {
    where.push('ev.type = ?');
    params.push(query.type);
  }
  if (query.actor !== undefined) {
    where.push('(ev.actor_key = ? OR ev.target_key = ?)');
    params.push(query.actor, query.actor);
  }
  const eventRows = await db.all(
    `SELECT coalesce(ev.event_date, substr(a.published_at, 1, 10)) AS day, ev.type, count(*) AS n
     FROM events ev JOIN articles a ON a.id = ev.article_id ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
     GROUP BY coalesce(ev.event_date, substr(a.published_at, 1, 10)), ev.type`,
    params,
  );
  for (const r of eventRows) {
    const day = String(r.day);
    if (!ISO_DAY.test(day) || !dayWithin(day, query.from, query.to)) continue;
    const events = dayOf(day).events;
    events[String(r.type)] = (events[String(r.type)] ?? 0) + Number(r.n);
  }
  const out: TimelineDay[] = [...days]
    .sort(([x], [y]) => (x < y ? -1 : 1))
    .map(([date, d]) => ({ date, ...d }));
  return { days: out };
}
