import type pg from 'pg';

/** A pool, or the client holding the open batch (reads inside a batch see its writes). */
export type Db = pg.Pool | pg.PoolClient;

export type Row = Record<string, unknown>;

/**
 * Numbers SQLite-style `?` placeholders as PostgreSQL's `$1, $2, …`, so read-model queries stay line for line
 * those of the SQLite store. Only for rasd's own SQL: a `?` inside a string literal would be renumbered too.
 * `numbered('a = ? AND b = ?')` → `'a = $1 AND b = $2'`.
 */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** All rows of a `?`-placeholder query. `await all(db, 'SELECT 1 AS x WHERE ? = 1', [1])` → `[{x: 1}]`. */
export async function all<T = Row>(db: Db, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  const result = await db.query(numbered(sql), [...params]);
  return result.rows as T[];
}
