import type { Row } from '../read-models/reader.ts';

/**
 * What the monitor store needs from a database: rows of a `?`-placeholder query (also `… RETURNING`), and
 * statements that report how many rows they changed. Each store adapts its driver to it, as with `SqlReader`,
 * so SQLite and PostgreSQL run the same SQL.
 *
 * `await executor.run('DELETE FROM watchlists WHERE id = ?', ['a1b2c3d4'])` → `1`.
 */
export interface SqlExecutor {
  all<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a statement; resolves to the number of rows it inserted, updated or deleted. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
}
