import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Command } from 'commander';
import type { StancePair } from '../analyze/integrity/evaluate.ts';
import type { CorpusRecord } from '../analyze/integrity/pairs.ts';
import { RasdError } from '../core/errors.ts';

const SHARED = new URL('../../../shared/', import.meta.url).pathname;
const DEFAULT_CORPUS = join(SHARED, 'corpus/saudinewsnet/articles.jsonl.gz');
const DEFAULT_STANCE = join(SHARED, 'datasets/ans-stance');

/**
 * `rasd eval integrity [--corpus FILE] [--stance DIR] [--limit N] [--json]`: headline–body consistency on
 * held-out real news (own, random and same-outlet-same-day pairs, beside a plain baseline) and on ANS
 * headline pairs. Register under the `eval` command: `registerEvalIntegrity(evalCommand)`.
 */
export function registerEvalIntegrity(evalCommand: Command): void {
  evalCommand
    .command('integrity')
    .description('measure headline–body consistency on held-out SaudiNewsNet pairs and ANS headline pairs')
    .option('--corpus <file>', 'SaudiNewsNet JSON lines, gzipped or not', DEFAULT_CORPUS)
    .option(
      '--stance <dir>',
      'folder with the ANS dev.csv and test.csv (skipped when absent)',
      DEFAULT_STANCE,
    )
    .option('--limit <n>', 'use at most N held-out articles', (v) => Number.parseInt(v, 10))
    .option('--json', 'print the figures as JSON')
    .action(async (options: { corpus: string; stance: string; limit?: number; json?: boolean }) => {
      // The integrity model and vectors load only when this evaluation runs.
      const { evaluateIntegrity, formatIntegrityReport } = await import('../analyze/integrity/report.ts');
      const { parseStanceCsv } = await import('../analyze/integrity/evaluate.ts');
      const records = readCorpus(options.corpus);
      const stance = readStance(options.stance, parseStanceCsv);
      const report = evaluateIntegrity(
        records,
        stance,
        options.limit !== undefined ? { limit: options.limit } : {},
      );
      process.stdout.write(
        `${options.json ? JSON.stringify(report, null, 2) : formatIntegrityReport(report)}\n`,
      );
    });
}

function readCorpus(path: string): CorpusRecord[] {
  if (!existsSync(path)) throw new RasdError('E_NOT_FOUND', 'corpus not found', { input: path });
  const bytes = readFileSync(path);
  const text = (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  const records: CorpusRecord[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      records.push(JSON.parse(line) as CorpusRecord);
    } catch {
      throw new RasdError('E_BAD_RECORD', 'not a JSON line', { input: path, record: i + 1 });
    }
  });
  return records;
}

function readStance(dir: string, parseStanceCsv: (csv: string) => StancePair[]): StancePair[] | undefined {
  const files = ['dev.csv', 'test.csv'].map((f) => join(dir, f)).filter(existsSync);
  if (files.length === 0) return undefined;
  return files.flatMap((f) => parseStanceCsv(readFileSync(f, 'utf8')));
}
