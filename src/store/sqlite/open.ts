import Database from 'better-sqlite3';
import { RasdError } from '../../core/errors.ts';
import { backfillReadModels } from './backfill.ts';
import { MIGRATIONS } from './migrations.ts';

/**
 * Opens (creating if needed) a SQLite database and brings its schema up to date.
 * WAL lets readers (search) run while an ingest writes; `synchronous = NORMAL` is durable against a killed
 * process (not power loss), which is what resumable ingestion needs, at a fraction of FULL's cost.
 * `openDatabase(':memory:')` → a migrated in-memory database.
 */
export function openDatabase(file: string): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (error) {
    throw new RasdError('E_NOT_FOUND', `cannot open database: ${(error as Error).message}`, { input: file });
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const before = migrate(db, file);
  // Databases written before the read models (migration 2) get them filled from what they store.
  if (before === 1) backfillReadModels(db);
  return db;
}

/** Applies the migrations not yet applied, each in its own transaction; returns the version found. */
export function migrate(db: Database.Database, file: string): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new RasdError(
      'E_SCHEMA_VERSION',
      `database schema ${current} is newer than this rasd (${MIGRATIONS.length})`,
      { input: file },
    );
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return current;
}
