/**
 * `npm run eval`: every evaluation against the gold data in ../shared, printed one after another
 * (quotations, entities, NER, headline integrity, events, date expressions). Needs ../shared; the shipped product does not.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { SHARED_DIR } from './corpus.ts';

const RASD = new URL('../bin/rasd.js', import.meta.url).pathname;
if (!existsSync(SHARED_DIR)) {
  console.error(`evaluations need ${SHARED_DIR}`);
  process.exit(1);
}
const quotesDev = `${SHARED_DIR}corpus/quotes-dev/`;
const runs: [string, string[]][] = [
  ['Quotations: the seed', ['eval', 'quotes', `${SHARED_DIR}corpus/seed/gold.json`]],
  [
    'Quotations: quotes-dev',
    [
      'eval',
      'quotes',
      ...readdirSync(quotesDev)
        .filter((f) => f.endsWith('.json'))
        .map((f) => `${quotesDev}${f}`),
    ],
  ],
  [
    'Entities: the seed and quotes-dev (gold surfaces found, typed, linked)',
    [
      'eval',
      'entities',
      `${SHARED_DIR}corpus/seed/gold.json`,
      ...readdirSync(quotesDev)
        .filter((f) => f.endsWith('.json'))
        .map((f) => `${quotesDev}${f}`),
    ],
  ],
  ['NER: ANERcorp test split', ['eval', 'ner', `${SHARED_DIR}datasets/anercorp/ANERCorp_CamelLab_test.txt`]],
  ['Headline integrity', ['eval', 'integrity']],
  ['Events: the seed', ['eval', 'events', `${SHARED_DIR}corpus/seed/gold.json`, '--published', '2023-09-15']],
  [
    'Events: UniversalPetrarch Arabic protest validation sentences',
    ['eval', 'petrarch', `${SHARED_DIR}datasets/petrarch-arabic/arabic_protest_gsr_validation.xml`],
  ],
];
let failed = 0;
for (const [title, args] of runs) {
  console.log(`\n## ${title}\n$ rasd ${args.map((a) => a.replace(SHARED_DIR, '../shared/')).join(' ')}`);
  const run = spawnSync(process.execPath, [RASD, ...args], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
// Date expressions: the Recognizers-Text Arabic cases (a script, not a CLI command: the cases are test data).
console.log('\n## Date expressions: Recognizers-Text Arabic DateTime cases\n$ npx tsx scripts/eval-times.ts');
const times = spawnSync(
  process.execPath,
  ['--import', 'tsx', new URL('../scripts/eval-times.ts', import.meta.url).pathname],
  {
    stdio: 'inherit',
  },
);
if (times.status !== 0) failed++;
process.exit(failed === 0 ? 0 : 1);
