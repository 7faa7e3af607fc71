/**
 * `npm run eval`: every evaluation against the gold data in ../shared, printed one after another
 * (quotations, NER, headline integrity). Needs ../shared; the shipped product does not.
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
    ['eval', 'quotes', ...readdirSync(quotesDev).filter((f) => f.endsWith('.json')).map((f) => `${quotesDev}${f}`)],
  ],
  ['NER: ANERcorp test split', ['eval', 'ner', `${SHARED_DIR}datasets/anercorp/ANERCorp_CamelLab_test.txt`]],
  ['Headline integrity', ['eval', 'integrity']],
];
let failed = 0;
for (const [title, args] of runs) {
  console.log(`\n## ${title}\n$ rasd ${args.map((a) => a.replace(SHARED_DIR, '../shared/')).join(' ')}`);
  const run = spawnSync(process.execPath, [RASD, ...args], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
