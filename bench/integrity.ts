import { existsSync, readFileSync } from 'node:fs';
import { parseStanceCsv, type StancePair } from '../src/analyze/integrity/evaluate.ts';
import type { CorpusRecord } from '../src/analyze/integrity/pairs.ts';
import { evaluateIntegrity, formatIntegrityReport } from '../src/analyze/integrity/report.ts';
import { loadCorpus, SHARED_DIR } from './corpus.ts';

const STANCE_FILES = ['dev.csv', 'test.csv'].map((f) => `${SHARED_DIR}datasets/ans-stance/${f}`);

/**
 * Headline–body consistency on real news (held-out SaudiNewsNet pairs, with a plain baseline from the same
 * run) and on ANS headline pairs (dev + test splits). `RASD_BENCH_ARTICLES=N` caps the held-out articles.
 * Run: npx tsx bench/integrity.ts
 */
export function benchIntegrity(limit?: number): string {
  const started = performance.now();
  const records = loadCorpus<CorpusRecord>();
  const stance: StancePair[] = STANCE_FILES.filter(existsSync).flatMap((f) =>
    parseStanceCsv(readFileSync(f, 'utf8')),
  );
  const report = evaluateIntegrity(
    records,
    stance.length > 0 ? stance : undefined,
    limit !== undefined ? { limit } : {},
  );
  return `${formatIntegrityReport(report)}\n(${((performance.now() - started) / 1000).toFixed(0)} s)`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const limit = process.env.RASD_BENCH_ARTICLES;
  process.stdout.write(`${benchIntegrity(limit !== undefined ? Number(limit) : undefined)}\n`);
}
