import type Database from 'better-sqlite3';
import type { SqlExecutor } from './executor.ts';

const MAX_PREPARED = 64;

/**
 * The monitor store's view of a better-sqlite3 database. Statements are prepared once and kept: polls and
 * alert checks run the same few queries over and over. `sqliteExecutor(db).run('DELETE FROM sources')`.
 */
export function sqliteExecutor(db: Database.Database): SqlExecutor {
  const prepared = new Map<string, Database.Statement>();
  const statement = (sql: string): Database.Statement => {
    let found = prepared.get(sql);
    if (found === undefined) {
      found = db.prepare(sql);
      // IN lists vary in length: cap the cache rather than keep one statement per length ever seen.
      if (prepared.size < MAX_PREPARED) prepared.set(sql, found);
    }
    return found;
  };
  return {
    all: async <T>(sql: string, params: readonly unknown[] = []) => statement(sql).all(...params) as T[],
    run: async (sql: string, params: readonly unknown[] = []) => statement(sql).run(...params).changes,
  };
}
