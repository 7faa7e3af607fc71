/**
 * `rasd ingest --db postgres://…` killed with SIGKILL at seeded random points (RASD_KILL_SEED replays a run):
 * after each kill every stored article is whole (row, search entry, analysis and its layers exactly as an
 * uninterrupted run stores them), and a re-run completes the set with nothing stored twice.
 * Needs PostgreSQL (RASD_TEST_PG); skipped without it, except under CI=true where it fails.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { postgresUnavailable, testSchemas } from '../../src/store/postgres/test-database.ts';
import { rasdAsync, rasdRun, tempDir, writeRecombinedDump } from './helpers.ts';
import { seededRandom } from '../../bench/random.ts';

const TOTAL = 90;
const KILLS = 3;
const SEED = Number(process.env.RASD_KILL_SEED ?? 20261129);

const random = seededRandom;

/** Everything stored about each article except its sequence number and wall-clock time, one line per article. */
const ARTICLE_DIGEST = `
  SELECT a.id, md5(concat_ws('|', a.title, a.published_at, a.author, a.language, a.url, a.outlet, a.host, a.source_json,
           a.raw_text, a.clean_text, a.offset_map, a.content_hash, encode(a.signature, 'hex'), a.words,
           a.search::text, a.title_words, a.body_words)) AS article,
         length(a.search::text) > 0 AS searchable,
         (SELECT n.schema_version || ':' || md5(n.document) FROM analyses n WHERE n.article_id = a.id) AS analysis,
         (SELECT count(*) FROM lsh_bands x WHERE x.article_id = a.id) AS bands,
         (SELECT count(*) FROM entities x WHERE x.article_id = a.id) AS entities,
         (SELECT count(*) FROM quotes x WHERE x.article_id = a.id) AS quotes,
         (SELECT count(*) FROM events x WHERE x.article_id = a.id) AS events,
         (SELECT count(*) FROM actor_links x WHERE x.article_id = a.id) AS links,
         (SELECT count(*) FROM removals x WHERE x.article_id = a.id) AS removals,
         (SELECT count(*) FROM headline_checks x WHERE x.article_id = a.id) AS checks
  FROM articles a ORDER BY a.id`;
const SIGHTINGS = `SELECT raw_id, source_key, cluster_id, relation, similarity, source_json, url, title, published_at
  FROM sightings ORDER BY raw_id, source_key`;

interface Snapshot {
  readonly articles: Map<string, string>;
  readonly sightings: string[];
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const schema = new URL(url).searchParams.get('schema') ?? 'public';
  const base = new URL(url);
  base.searchParams.delete('schema');
  const client = new pg.Client({ connectionString: base.href });
  await client.connect();
  try {
    await client.query(`SET search_path TO ${schema}`);
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function snapshot(url: string): Promise<Snapshot> {
  return withClient(url, async (client) => {
    const exists = await client.query(`SELECT to_regclass('articles') IS NOT NULL AS ok, to_regclass('headline_checks') IS NOT NULL AS migrated`);
    if (exists.rows[0].ok !== true || exists.rows[0].migrated !== true) return { articles: new Map(), sightings: [] };
    const articles = new Map<string, string>();
    for (const row of (await client.query(ARTICLE_DIGEST)).rows) articles.set(row.id as string, JSON.stringify(row));
    const sightings = (await client.query(SIGHTINGS)).rows.map((row) => JSON.stringify(row));
    return { articles, sightings };
  });
}

/** Committed sightings so far (0 before the schema exists). */
async function committed(client: pg.Client): Promise<number> {
  try {
    const { rows } = await client.query('SELECT count(*)::int AS n FROM sightings');
    return rows[0].n as number;
  } catch {
    return 0;
  }
}

const unavailable = await postgresUnavailable();
const schemas = testSchemas();

describe('rasd ingest into PostgreSQL killed with SIGKILL (integration)', {
  skip: unavailable !== undefined && process.env.CI !== 'true' ? unavailable : false,
}, () => {
  after(() => schemas.dropAll());

  it('leaves only whole articles after each kill and resumes to the set an uninterrupted run stores', { timeout: 120_000 }, async (t) => {
    if (unavailable !== undefined) assert.fail(unavailable);
    const dir = tempDir();
    const dump = join(dir, 'dump.jsonl');
    writeRecombinedDump(dump, TOTAL);
    const args = (db: string) => ['ingest', dump, '--db', db, '--batch', '4', '--json'];

    const whole = schemas.next();
    const reference = await rasdRun(args(whole));
    assert.equal(reference.status, 0, reference.stderr);
    const expected = await snapshot(whole);
    assert.equal(expected.sightings.length, TOTAL);
    assert.ok(expected.articles.size > 0 && expected.articles.size < TOTAL, 'the dump has copies');

    const resumed = schemas.next();
    const next = random(SEED);
    const base = new URL(resumed);
    const schema = base.searchParams.get('schema');
    base.searchParams.delete('schema');
    const poll = new pg.Client({ connectionString: base.href });
    await poll.connect();
    await poll.query(`SET search_path TO ${schema}`);
    const atKills: number[] = [];
    try {
      for (let kill = 0; kill < KILLS; kill++) {
        const before = await committed(poll);
        // The first kill falls at a random time after the start (perhaps during migration or the first batch);
        // the next ones once a random number of further sightings is committed.
        const child = rasdAsync(args(resumed));
        let exitCode: number | null | undefined;
        const exited = new Promise<void>((resolve) =>
          child.on('exit', (code) => {
            exitCode = code;
            resolve();
          }),
        );
        if (kill === 0) {
          await sleep(300 + Math.floor(next() * 2500));
        } else {
          const target = before + 1 + Math.floor(next() * ((TOTAL - before) / 2));
          for (let waited = 0; waited < 60_000 && exitCode === undefined && (await committed(poll)) < target; waited += 25) await sleep(25);
        }
        child.kill('SIGKILL');
        await exited;
        const state = await snapshot(resumed);
        atKills.push(state.sightings.length);
        for (const [id, row] of state.articles) {
          assert.equal(row, expected.articles.get(id), `kill ${kill + 1}: article ${id} is stored whole, as an uninterrupted run stores it`);
          assert.match(row, /"searchable":true/, `kill ${kill + 1}: article ${id} has its search entry`);
          assert.doesNotMatch(row, /"analysis":null/, `kill ${kill + 1}: article ${id} has its analysis`);
        }
        for (const sighting of state.sightings) assert.ok(expected.sightings.includes(sighting), `kill ${kill + 1}: sighting ${sighting} as expected`);
        assert.equal(new Set(state.sightings).size, state.sightings.length, `kill ${kill + 1}: no sighting twice`);
      }
    } finally {
      await poll.end();
    }
    t.diagnostic(`seed ${SEED}: ${atKills.join(', ')} of ${TOTAL} sightings committed at the kills`);
    assert.ok(atKills.some((n) => n > 0 && n < TOTAL), `killed mid-run at least once (committed at each kill: ${atKills.join(', ')})`);

    const rerun = await rasdRun(args(resumed));
    assert.equal(rerun.status, 0, rerun.stderr);
    const summary = JSON.parse(rerun.stdout);
    assert.ok(summary.unchanged >= atKills.at(-1)!, `nothing committed was redone (${JSON.stringify(summary)})`);
    const final = await snapshot(resumed);
    assert.deepEqual([...final.articles.keys()], [...expected.articles.keys()], 'the same articles, each once');
    assert.deepEqual(final.articles, expected.articles, 'each stored whole');
    assert.deepEqual(final.sightings, expected.sightings, 'every record seen once');
  });
});
