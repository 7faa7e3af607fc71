import type {
  DuplicateCluster,
  IntegrityQuery,
  IntegrityReport,
  MismatchedHeadline,
  SourceProfile,
} from '../types.ts';
import { compact } from './sql-parts.ts';
import type { SqlReader } from './reader.ts';

/** Longest removed line shown in a source profile. */
const SHOWN_TEXT = 120;

/**
 * What the store knows about the integrity of what it holds: stories copied across sources, titles that do
 * not fit their body, boilerplate removed, and per-source profiles. Boilerplate and headline checks exist for
 * stored (original) articles only: copies are recognized and not analyzed again.
 */
export async function integrityReport(db: SqlReader, query: IntegrityQuery): Promise<IntegrityReport> {
  const limit = query.limit ?? 20;
  const mismatched = await db.all(
    `SELECT h.article_id AS "articleId", a.title, h.suggested, h.score FROM headline_checks h JOIN articles a ON a.id = h.article_id
     WHERE h.verdict = 'unrelated' AND a.title IS NOT NULL ORDER BY h.score, ${db.ingestOrder} LIMIT ?`,
    [limit],
  );
  const boilerplate = await db.all(
    'SELECT reason, count(*) AS count FROM removals GROUP BY reason ORDER BY count DESC, reason',
  );
  return {
    duplicateClusters: await duplicateClusters(db, limit),
    mismatchedHeadlines: mismatched.map((r) => compact<MismatchedHeadline>(r)),
    boilerplate: boilerplate.map((r) => ({ reason: String(r.reason), count: Number(r.count) })),
    sources: await sourceProfiles(db, limit),
  };
}

async function duplicateClusters(db: SqlReader, limit: number): Promise<DuplicateCluster[]> {
  const rows = await db.all(
    `SELECT s.cluster_id, a.title, count(*) AS copies FROM sightings s JOIN articles a ON a.id = s.cluster_id
     GROUP BY s.cluster_id, a.title HAVING count(*) > 1 ORDER BY copies DESC, s.cluster_id LIMIT ?`,
    [limit],
  );
  const clusters: DuplicateCluster[] = [];
  for (const r of rows) {
    const outlets = await db.all<{ source_name: string }>(
      'SELECT DISTINCT source_name FROM sightings WHERE cluster_id = ? AND source_name IS NOT NULL ORDER BY source_name',
      [r.cluster_id],
    );
    clusters.push(
      compact<DuplicateCluster>({
        clusterId: r.cluster_id,
        articleId: r.cluster_id,
        title: r.title,
        copies: Number(r.copies),
        outlets: outlets.map((o) => o.source_name),
      }),
    );
  }
  return clusters;
}

async function sourceProfiles(db: SqlReader, limit: number): Promise<SourceProfile[]> {
  const rows = await db.all(
    `SELECT s.source_name AS source, count(*) AS sightings,
        sum(CASE WHEN s.relation = 'original' THEN 1 ELSE 0 END) AS originals,
        sum(CASE WHEN s.relation <> 'original' AND coalesce(o.source_name, '') <> s.source_name THEN 1 ELSE 0 END) AS copied,
        sum(CASE WHEN s.relation = 'original' AND EXISTS (SELECT 1 FROM sightings c WHERE c.cluster_id = s.cluster_id
          AND c.relation <> 'original' AND coalesce(c.source_name, '') <> s.source_name) THEN 1 ELSE 0 END) AS republished,
        sum(CASE WHEN h.verdict IS NOT NULL THEN 1 ELSE 0 END) AS checked,
        sum(CASE WHEN h.verdict = 'unrelated' THEN 1 ELSE 0 END) AS mismatched,
        sum(coalesce(r.n, 0)) AS removals
       FROM sightings s
       LEFT JOIN sightings o ON o.cluster_id = s.cluster_id AND o.relation = 'original'
       LEFT JOIN headline_checks h ON h.article_id = s.cluster_id AND s.relation = 'original'
       LEFT JOIN (SELECT article_id, count(*) AS n FROM removals GROUP BY article_id) r ON r.article_id = s.cluster_id AND s.relation = 'original'
       WHERE s.source_name IS NOT NULL
       GROUP BY s.source_name ORDER BY sightings DESC, source LIMIT ?`,
    [limit],
  );
  const share = (part: unknown, whole: unknown) =>
    Number(whole) > 0 ? round(Number(part) / Number(whole)) : 0;
  const profiles: SourceProfile[] = [];
  for (const r of rows) {
    const top = await db.all(
      `SELECT r.text, count(*) AS count FROM removals r JOIN sightings s ON s.cluster_id = r.article_id AND s.relation = 'original'
       WHERE s.source_name = ? GROUP BY r.text ORDER BY count DESC, r.text LIMIT 5`,
      [r.source],
    );
    profiles.push({
      source: String(r.source),
      articles: Number(r.sightings),
      mismatchedShare: share(r.mismatched, r.checked),
      nearDuplicateShare: share(r.copied, r.sightings),
      republishedShare: share(r.republished, r.originals),
      boilerplatePerArticle: share(r.removals, r.originals),
      topBoilerplate: top.map((t) => ({ text: String(t.text).slice(0, SHOWN_TEXT), count: Number(t.count) })),
    });
  }
  return profiles;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
