import pg from 'pg';
import { RasdError } from '../../core/errors.ts';
import { MIGRATIONS } from './migrations.ts';

export interface PostgresTarget {
  /** The connection string handed to `pg`, without rasd's own parameters. */
  readonly connectionString: string;
  /** Schema holding rasd's tables (`?schema=` in the URL); the user's default search path when absent. */
  readonly schema?: string;
  /** The URL without its password, for messages. */
  readonly display: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Reads a `postgres://` URL; `?schema=NAME` (rasd's own parameter) puts the store in that schema, so one
 * database can hold several stores. `parsePostgresUrl('postgres://u@h/db?schema=news')` → schema `news`.
 */
export function parsePostgresUrl(url: string): PostgresTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RasdError('E_USAGE', 'not a valid PostgreSQL URL', { input: url });
  }
  const schema = parsed.searchParams.get('schema') ?? undefined;
  parsed.searchParams.delete('schema');
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new RasdError(
      'E_USAGE',
      `schema name ${JSON.stringify(schema)} must be lower-case letters, digits and _`,
      { input: url },
    );
  }
  const display = new URL(parsed.href);
  if (display.password !== '') display.password = '***';
  return {
    connectionString: parsed.href,
    ...(schema === undefined ? {} : { schema }),
    display: display.href,
  };
}

/**
 * A connection pool whose sessions all work in the target schema. `max` stays small: a store is one
 * ingest or one server process, and PostgreSQL's default limit is 100 connections for everyone.
 */
export function createPool(target: PostgresTarget, max = 4): pg.Pool {
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max,
    ...(target.schema === undefined ? {} : { options: `-c search_path=${target.schema}` }),
  });
  // An idle client losing its server (restart, network) must not crash the process; the next query reports it.
  pool.on('error', () => {});
  return pool;
}

/**
 * Creates the schema if needed and applies the migrations not yet applied, all in one transaction. An
 * advisory lock makes concurrent openers (several workers starting at once) take turns.
 */
export async function migrate(pool: pg.Pool, target: PostgresTarget): Promise<void> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw new RasdError('E_NOT_FOUND', `cannot connect to PostgreSQL: ${(error as Error).message}`, {
      input: target.display,
    });
  }
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('rasd migrations ' || $1))`, [
      target.schema ?? '',
    ]);
    if (target.schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS ${target.schema}`);
    await client.query(
      'CREATE TABLE IF NOT EXISTS rasd_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM rasd_migrations',
    );
    const current = rows[0]?.version ?? 0;
    if (current > MIGRATIONS.length) {
      throw new RasdError(
        'E_SCHEMA_VERSION',
        `database schema ${current} is newer than this rasd (${MIGRATIONS.length})`,
        { input: target.display },
      );
    }
    for (let version = current; version < MIGRATIONS.length; version++) {
      await client.query(MIGRATIONS[version]!);
      await client.query('INSERT INTO rasd_migrations (version) VALUES ($1)', [version + 1]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    if (error instanceof RasdError) throw error;
    throw new RasdError('E_SCHEMA_VERSION', `cannot migrate the database: ${(error as Error).message}`, {
      input: target.display,
    });
  } finally {
    client.release();
  }
}
