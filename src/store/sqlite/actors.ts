import type Database from 'better-sqlite3';
import { normalizeArabic } from '../../text/normalize.ts';
import type { ActorDetail, ActorEvent, ActorProfile, ActorQuery, ActorQuote, ActorSummary, CoActor } from '../types.ts';
import { compact, containsPattern, parseData, placeholders } from './sql-parts.ts';

type Row = Record<string, unknown>;

const SUMMARY_COLUMNS = `e.actor_key AS id, max(e.name) AS name, max(e.type) AS type, max(e.country) AS country,
  max(e.role) AS role, count(DISTINCT e.article_id) AS articles, sum(e.mentions) AS mentions`;

/** Actors by articles naming them, then id. `listActors(db, {text: 'بوتين'})` finds Vladimir Putin by an Arabic form. */
export function listActors(db: Database.Database, query: ActorQuery): ActorSummary[] {
  const where = ['e.actor_key IS NOT NULL'];
  const params: unknown[] = [];
  if (query.type !== undefined) {
    where.push('e.type = ?');
    params.push(query.type);
  }
  const text = normalizeArabic(query.text?.trim() ?? '').toLowerCase();
  if (text !== '') {
    const pattern = containsPattern(text);
    where.push(`(lower(e.norm_name) LIKE ? ESCAPE '\\' OR lower(e.surface) LIKE ? ESCAPE '\\' OR e.actor_key = ?)`);
    params.push(pattern, pattern, query.text);
  }
  const rows = db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM entities e WHERE ${where.join(' AND ')} GROUP BY e.actor_key ORDER BY articles DESC, id LIMIT ? OFFSET ?`)
    .all(...params, query.limit ?? 50, query.offset ?? 0) as Row[];
  return withActivity(db, rows);
}

/** One actor with its quotes, events and co-actors; undefined when no article names it. */
export function getActor(db: Database.Database, id: string, limit = 100): ActorProfile | undefined {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM entities e WHERE e.actor_key = ? GROUP BY e.actor_key`).get(id) as Row | undefined;
  if (row === undefined) return undefined;
  const [summary] = withActivity(db, [row]);
  const details = detailsOf(db, id);
  const actor = { ...summary!, ...details } as ActorDetail;
  return { actor, quotes: quotesOf(db, id, limit), events: eventsOf(db, id, limit), coActors: coActorsOf(db, id, limit) };
}

/** Adds quote and event counts to summary rows. */
function withActivity(db: Database.Database, rows: Row[]): ActorSummary[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id as string);
  const list = placeholders(ids.length);
  const quotes = countBy(db.prepare(`SELECT actor_key AS id, count(*) AS n FROM quotes WHERE actor_key IN (${list}) GROUP BY actor_key`).all(...ids));
  const asSource = countBy(db.prepare(`SELECT actor_key AS id, count(*) AS n FROM events WHERE actor_key IN (${list}) GROUP BY actor_key`).all(...ids));
  const asTarget = countBy(
    db.prepare(`SELECT target_key AS id, count(*) AS n FROM events WHERE target_key IN (${list}) AND (actor_key IS NULL OR actor_key <> target_key) GROUP BY target_key`).all(...ids),
  );
  return rows.map((r) =>
    compact<ActorSummary>({
      ...r,
      mentions: Number(r.mentions ?? 0),
      quotes: quotes.get(r.id as string) ?? 0,
      events: (asSource.get(r.id as string) ?? 0) + (asTarget.get(r.id as string) ?? 0),
    }),
  );
}

function countBy(rows: unknown[]): Map<string, number> {
  return new Map((rows as { id: string; n: number }[]).map((r) => [r.id, Number(r.n)]));
}

/** Wikidata id and the titles articles give the actor, from the stored entity records. */
function detailsOf(db: Database.Database, id: string): { wikidata?: string; titles?: string[] } {
  let wikidata: string | undefined;
  const titles = new Map<string, number>();
  for (const json of db.prepare('SELECT data FROM entities WHERE actor_key = ? LIMIT 1000').pluck().all(id)) {
    const data = parseData(json);
    if (typeof data.wikidata === 'string') wikidata ??= data.wikidata;
    for (const title of Array.isArray(data.titles) ? data.titles : []) {
      if (typeof title === 'string') titles.set(title, (titles.get(title) ?? 0) + 1);
    }
  }
  const sorted = [...titles].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([t]) => t);
  return { ...(wikidata ? { wikidata } : {}), ...(sorted.length > 0 ? { titles: sorted.slice(0, 20) } : {}) };
}

const NEWEST_FIRST = 'a.published_at IS NULL, a.published_at DESC, a.rowid DESC';

function quotesOf(db: Database.Database, id: string, limit: number): ActorQuote[] {
  const rows = db
    .prepare(
      `SELECT q.article_id, q.start, q."end", q.text, q.type, q.data, a.title, a.published_at FROM quotes q
       JOIN articles a ON a.id = q.article_id WHERE q.actor_key = ? ORDER BY ${NEWEST_FIRST}, q.idx LIMIT ?`,
    )
    .all(id, limit) as Row[];
  return rows.map((r) => {
    const cue = parseData(r.data).cue as { text?: unknown } | undefined;
    return compact<ActorQuote>({
      articleId: r.article_id,
      title: r.title,
      publishedAt: r.published_at,
      start: r.start,
      end: r.end,
      text: r.text,
      form: r.type,
      cue: typeof cue?.text === 'string' ? cue.text : undefined,
    });
  });
}

function eventsOf(db: Database.Database, id: string, limit: number): ActorEvent[] {
  const rows = db
    .prepare(
      `SELECT ev.article_id, ev.start, ev."end", ev.text, ev.type, ev.data, ev.actor_key, a.title, a.published_at FROM events ev
       JOIN articles a ON a.id = ev.article_id WHERE ev.actor_key = ? OR ev.target_key = ? ORDER BY ${NEWEST_FIRST}, ev.idx LIMIT ?`,
    )
    .all(id, id, limit) as Row[];
  return rows.map((r) => {
    const data = parseData(r.data);
    const role = r.actor_key === id ? 'source' : 'target';
    const other = (role === 'source' ? data.target : (data.source ?? data.actor)) as Record<string, unknown> | undefined;
    const time = data.time as { value?: unknown; text?: unknown } | undefined;
    return compact<ActorEvent>({
      articleId: r.article_id,
      title: r.title,
      publishedAt: r.published_at,
      start: r.start,
      end: r.end,
      text: r.text,
      type: r.type,
      mode: typeof data.mode === 'string' ? data.mode : undefined,
      role,
      other:
        other === undefined
          ? undefined
          : compact({ name: String(other.name ?? other.text ?? ''), entityId: other.entityId, country: other.country }),
      time: typeof time?.value === 'string' ? time.value : typeof time?.text === 'string' ? time.text : undefined,
    });
  });
}

function coActorsOf(db: Database.Database, id: string, limit: number): CoActor[] {
  const rows = db
    .prepare(
      `SELECT o.actor_key AS id, max(o.name) AS name, max(o.type) AS type, count(DISTINCT o.article_id) AS weight
       FROM entities e JOIN entities o ON o.article_id = e.article_id AND o.actor_key <> e.actor_key
       WHERE e.actor_key = ? GROUP BY o.actor_key ORDER BY weight DESC, id LIMIT ?`,
    )
    .all(id, limit) as Row[];
  return rows.map((r) => ({ id: r.id as string, name: r.name as string, type: r.type as string, weight: Number(r.weight) }));
}
