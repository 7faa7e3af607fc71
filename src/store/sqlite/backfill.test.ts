import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { analyzeArticle } from '../../analyze/index.ts';
import { makeRawArticle } from '../../core/article.ts';
import { createFingerprinter } from '../../dedup/index.ts';
import { backfillReadModels } from './backfill.ts';
import { openSqliteStore } from './sqlite-store.ts';

const TEXT =
  'قال وزير الخارجية السعودي الأمير فيصل بن فرحان إن المملكة تدعم الحل السياسي في اليمن.\n[ad_1]\nوأكدت الأمم المتحدة أن المفاوضات ستستأنف في جنيف.\nSource link';

describe('sqlite read-model backfill (databases written before migration 2)', () => {
  it('rebuilds actor keys, links, removals, headline checks and source names from stored analyses', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'rasd-backfill-')), 'rasd.db');
    const store = await openSqliteStore(file);
    const source = { kind: 'url', url: 'https://www.example.org/a', outlet: 'alpha' } as const;
    const raw = makeRawArticle({
      source,
      title: 'الهلال يفوز على النصر',
      rawText: TEXT,
      publishedAt: '2020-01-02',
    });
    const analysis = analyzeArticle(raw);
    await store.begin();
    await store.addArticle({
      article: analysis.article,
      analysis,
      fingerprint: createFingerprinter()(analysis.article.cleanText),
      sighting: { rawId: raw.id, sourceKey: source.url, source, relation: 'original', similarity: 1 },
    });
    await store.commit();
    const expected = { actors: await store.listActors({}), report: await store.integrityReport({}) };
    assert.ok(
      expected.actors.length > 0 && expected.report.boilerplate.length > 0,
      'the fixture fills the read models',
    );
    await store.close();

    // What a version-1 database looks like once migration 2 has added its empty columns and tables.
    const db = new Database(file);
    db.exec(`UPDATE entities SET actor_key = NULL, country = NULL, role = NULL, surface = NULL;
      UPDATE quotes SET actor_key = NULL; UPDATE events SET actor_key = NULL, target_key = NULL, event_date = NULL;
      UPDATE sightings SET source_name = NULL; DELETE FROM actor_links; DELETE FROM removals; DELETE FROM headline_checks;`);
    const reopened = await openSqliteStore(file);
    assert.deepEqual(await reopened.listActors({}), [], 'emptied');
    backfillReadModels(db);
    db.close();
    assert.deepEqual(await reopened.listActors({}), expected.actors);
    assert.deepEqual(await reopened.integrityReport({}), expected.report);
    await reopened.close();
  });
});
