/**
 * `npx tsx scripts/eval-times.ts [DIR]`: scores time recognition on the Recognizers-Text Arabic DateTime specs
 * (../shared/datasets/recognizers-text-arabic/DateTime). Spans are scored on the extractor and parser files
 * whose kinds rasd models (dates, date periods of a week/month/year, clock times); values on the parser files,
 * against the case's reference date. Ranges, durations, sets and holidays are out of scope and are counted apart.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateTimes, formatTimeReport, parseRecognizerCases } from '../src/analyze/time/evaluate.ts';

const DIR =
  process.argv[2] ??
  new URL('../../shared/datasets/recognizers-text-arabic/DateTime/', import.meta.url).pathname;
const FILES = [
  'DateExtractor',
  'DateParser',
  'DatePeriodExtractor',
  'DatePeriodParser',
  'TimeExtractor',
  'TimeParser',
  'MergedExtractor',
];

console.log(`time recognition on ${DIR}`);
for (const name of FILES) {
  const file = join(DIR, `${name}.json`);
  const cases = parseRecognizerCases(JSON.parse(readFileSync(file, 'utf8')), file);
  console.log(formatTimeReport(name, evaluateTimes(cases)));
}
