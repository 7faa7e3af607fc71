import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Where tests find PostgreSQL: `RASD_TEST_PG`, else the local server's `postgres` database. */
export const TEST_PG_URL = process.env.RASD_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The reason PostgreSQL cannot be used, or undefined when it answers. */
export async function postgresUnavailable(url = TEST_PG_URL): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return `PostgreSQL not reachable at ${url}: ${(error as Error).message}`;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Hands out store URLs each in a fresh schema (`rasd_test_<random>`) of the test database, and drops them all
 * at the end. `const schemas = testSchemas(); openPostgresStore(schemas.next()); … await schemas.dropAll()`.
 */
export function testSchemas(url = TEST_PG_URL) {
  const created: string[] = [];
  return {
    next(): string {
      const schema = `rasd_test_${randomBytes(6).toString('hex')}`;
      created.push(schema);
      const withSchema = new URL(url);
      withSchema.searchParams.set('schema', schema);
      return withSchema.href;
    },
    async dropAll(): Promise<void> {
      if (created.length === 0) return;
      const client = new pg.Client({ connectionString: url });
      // No server, no schemas were made: the tests themselves report the missing database.
      if (
        await client.connect().then(
          () => false,
          () => true,
        )
      )
        return;
      try {
        for (const schema of created.splice(0)) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
