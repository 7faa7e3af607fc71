import { RasdError } from '../core/errors.ts';
import type { Store } from './store.ts';

/**
 * Opens the store a `--db` value names: a `postgres://` (or `postgresql://`) URL opens PostgreSQL, anything
 * else is a SQLite file path. Backends load on demand so the embedded default needs no database driver.
 * `await openStore('rasd.db')`, `await openStore('postgres://127.0.0.1/rasd')`.
 */
export async function openStore(spec: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(spec)) {
    const { openPostgresStore } = await import('./postgres/index.ts');
    return openPostgresStore(spec);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec)) {
    throw new RasdError(
      'E_USAGE',
      `unsupported database address ${JSON.stringify(spec)}: use a SQLite file path or a postgres:// URL`,
    );
  }
  const { openSqliteStore } = await import('./sqlite/index.ts');
  return openSqliteStore(spec);
}
