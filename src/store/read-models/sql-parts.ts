/** Small helpers shared by the read-model queries (plain SQL both stores run). */

/** `?, ?, ?` for an `IN (…)` list of `count` values. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/** A `LIKE` pattern matching `text` anywhere, its wildcards escaped (use with `ESCAPE '\'`). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface Condition {
  readonly sql: string;
  readonly params: unknown[];
}

/**
 * Conditions on the article aliased `a`: published within `from`…`to` (days; `to` keeps its whole day) and
 * naming `actor`. `articleConditions({from: '2015-07-01'})` → `a.published_at >= ?`.
 */
export function articleConditions(query: { from?: string; to?: string; actor?: string }): Condition {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.from !== undefined) {
    where.push('a.published_at >= ?');
    params.push(query.from);
  }
  if (query.to !== undefined) {
    where.push('substr(a.published_at, 1, length(?)) <= ?');
    params.push(query.to, query.to);
  }
  if (query.actor !== undefined) {
    where.push('a.id IN (SELECT article_id FROM entities WHERE actor_key = ?)');
    params.push(query.actor);
  }
  return { sql: where.length === 0 ? '1 = 1' : where.join(' AND '), params };
}

/** True when an ISO day falls within the bounds, compared as far as each bound is written. */
export function dayWithin(day: string, from?: string, to?: string): boolean {
  if (from !== undefined && day < from.slice(0, 10)) return false;
  if (to !== undefined && day.slice(0, to.length) > to) return false;
  return true;
}

/** Drops null and undefined fields so rows read like the optional-field records of the contract. */
export function compact<T>(record: Record<string, unknown>): T {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== null && value !== undefined),
  ) as T;
}

/** Parses a JSON column, giving an empty record for anything unreadable (the column is ours, so this is rare). */
export function parseData(json: unknown): Record<string, unknown> {
  try {
    const value = JSON.parse(String(json)) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
