import { type Db, numbered } from '../postgres/sql.ts';
import type { SqlExecutor } from './executor.ts';

/**
 * The monitor store's view of PostgreSQL: `db()` gives the pool, or the client of the open batch so monitor
 * writes inside a batch belong to it. `postgresExecutor(() => pool).run('DELETE FROM sources')`.
 */
export function postgresExecutor(db: () => Db): SqlExecutor {
  return {
    all: async <T>(sql: string, params: readonly unknown[] = []) =>
      (await db().query(numbered(sql), [...params])).rows as T[],
    run: async (sql: string, params: readonly unknown[] = []) =>
      (await db().query(numbered(sql), [...params])).rowCount ?? 0,
  };
}
