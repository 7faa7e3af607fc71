import { normalizeArabic } from '../../text/normalize.ts';
import { compact, containsPattern, parseData, placeholders } from './sql-parts.ts';
import type {
  ActorDetail,
  ActorEvent,
  ActorProfile,
  ActorQuery,
  ActorQuote,
  ActorSummary,
  CoActor,
} from '../types.ts';
import type { Row, SqlReader } from './reader.ts';

// Counts are cast to INTEGER: PostgreSQL returns bigint counts as text.
const SUMMARY_COLUMNS = `e.actor_key AS id, max(e.name) AS name, max(e.type) AS type, max(e.country) AS country,
  max(e.role) AS role, CAST(count(DISTINCT e.article_id) AS INTEGER) AS articles, CAST(sum(e.mentions) AS INTEGER) AS mentions`;

/** Actors by articles naming them, then id. `await listActors(pool, {text: 'بوتين'})` finds Vladimir Putin by an Arabic form. */
export async function listActors(db: SqlReader, query: ActorQuery): Promise<ActorSummary[]> {
  const where = ['e.actor_key IS NOT NULL'];
  const params: unknown[] = [];
  if (query.type !== undefined) {
    where.push('e.type = ?');
    params.push(query.type);
  }
  const text = normalizeArabic(query.text?.trim() ?? '').toLowerCase();
  if (text !== '') {
    const pattern = containsPattern(text);
    where.push(
      `(lower(e.norm_name) LIKE ? ESCAPE '\\' OR lower(e.surface) LIKE ? ESCAPE '\\' OR e.actor_key = ?)`,
    );
    params.push(pattern, pattern, query.text);
  }
  const rows = await db.all(
    `SELECT ${SUMMARY_COLUMNS} FROM entities e WHERE ${where.join(' AND ')} GROUP BY e.actor_key ORDER BY articles DESC, id LIMIT ? OFFSET ?`,
    [...params, query.limit ?? 50, query.offset ?? 0],
  );
  return withActivity(db, rows);
}

/** One actor with its quotes, events and co-actors; undefined when no article names it. */
export async function getActor(db: SqlReader, id: string, limit = 100): Promise<ActorProfile | undefined> {
  const [row] = await db.all(
    `SELECT ${SUMMARY_COLUMNS} FROM entities e WHERE e.actor_key = ? GROUP BY e.actor_key`,
    [id],
  );
  if (row === undefined) return undefined;
  const [summary] = await withActivity(db, [row]);
  const actor = { ...summary!, ...(await detailsOf(db, id)) } as ActorDetail;
  return {
    actor,
    quotes: await quotesOf(db, id, limit),
    events: await eventsOf(db, id, limit),
    coActors: await coActorsOf(db, id, limit),
  };
}

/** Adds quote and event counts to summary rows. */
async function withActivity(db: SqlReader, rows: Row[]): Promise<ActorSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id as string);
  const list = placeholders(ids.length);
  const quotes = countBy(
    await db.all(
      `SELECT actor_key AS id, count(*) AS n FROM quotes WHERE actor_key IN (${list}) GROUP BY actor_key`,
      ids,
    ),
  );
  const asSource = countBy(
    await db.all(
      `SELECT actor_key AS id, count(*) AS n FROM events WHERE actor_key IN (${list}) GROUP BY actor_key`,
      ids,
    ),
  );
  const asTarget = countBy(
    await db.all(
      `SELECT target_key AS id, count(*) AS n FROM events WHERE target_key IN (${list}) AND (actor_key IS NULL OR actor_key <> target_key) GROUP BY target_key`,
      ids,
    ),
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

function countBy(rows: Row[]): Map<string, number> {
  return new Map(rows.map((r) => [r.id as string, Number(r.n)]));
}

/** Wikidata id and the titles articles give the actor, from the stored entity records. */
async function detailsOf(db: SqlReader, id: string): Promise<{ wikidata?: string; titles?: string[] }> {
  let wikidata: string | undefined;
  const titles = new Map<string, number>();
  for (const row of await db.all('SELECT data FROM entities WHERE actor_key = ? LIMIT 1000', [id])) {
    const data = parseData(row.data);
    if (typeof data.wikidata === 'string') wikidata ??= data.wikidata;
    for (const title of Array.isArray(data.titles) ? data.titles : []) {
      if (typeof title === 'string') titles.set(title, (titles.get(title) ?? 0) + 1);
    }
  }
  const sorted = [...titles].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([t]) => t);
  return { ...(wikidata ? { wikidata } : {}), ...(sorted.length > 0 ? { titles: sorted.slice(0, 20) } : {}) };
}

/** Newest articles first, undated ones last, then the latest ingested. */
const newestFirst = (db: SqlReader) =>
  `(a.published_at IS NULL), a.published_at DESC, ${db.ingestOrder} DESC`;

async function quotesOf(db: SqlReader, id: string, limit: number): Promise<ActorQuote[]> {
  const rows = await db.all(
    `SELECT q.article_id, q.start, q."end", q.text, q.type, q.data, a.title, a.published_at FROM quotes q
     JOIN articles a ON a.id = q.article_id WHERE q.actor_key = ? ORDER BY ${newestFirst(db)}, q.idx LIMIT ?`,
    [id, limit],
  );
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

async function eventsOf(db: SqlReader, id: string, limit: number): Promise<ActorEvent[]> {
  const rows = await db.all(
    `SELECT ev.article_id, ev.start, ev."end", ev.text, ev.type, ev.data, ev.actor_key, a.title, a.published_at FROM events ev
     JOIN articles a ON a.id = ev.article_id WHERE ev.actor_key = ? OR ev.target_key = ? ORDER BY ${newestFirst(db)}, ev.idx LIMIT ?`,
    [id, id, limit],
  );
  return rows.map((r) => {
    const data = parseData(r.data);
    const role = r.actor_key === id ? 'source' : 'target';
    const other = (role === 'source' ? data.target : (data.source ?? data.actor)) as
      | Record<string, unknown>
      | undefined;
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
          : compact({
              name: String(other.name ?? other.text ?? ''),
              entityId: other.entityId,
              country: other.country,
            }),
      time:
        typeof time?.value === 'string' ? time.value : typeof time?.text === 'string' ? time.text : undefined,
    });
  });
}

async function coActorsOf(db: SqlReader, id: string, limit: number): Promise<CoActor[]> {
  const rows = await db.all(
    `SELECT o.actor_key AS id, max(o.name) AS name, max(o.type) AS type, count(DISTINCT o.article_id) AS weight
     FROM entities e JOIN entities o ON o.article_id = e.article_id AND o.actor_key <> e.actor_key
     WHERE e.actor_key = ? GROUP BY o.actor_key ORDER BY weight DESC, id LIMIT ?`,
    [id, limit],
  );
  return rows.map((r) => ({
    id: r.id as string,
    name: r.name as string,
    type: r.type as string,
    weight: Number(r.weight),
  }));
}
