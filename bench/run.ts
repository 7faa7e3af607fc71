/**
 * `npm run bench`: every benchmark, each reporting its figures next to a baseline measured in the same run
 * (these machines are noisy: compare ratios, not absolute numbers). Needs ../shared.
 */
import { spawnSync } from 'node:child_process';
import { benchEntities } from './entities.ts';
import { benchEvents } from './events.ts';
import { benchHtml } from './html.ts';
import { benchQuotes } from './quotes.ts';
import { benchText } from './text.ts';
import { benchTimes } from './times.ts';

const limit = Number(process.env.RASD_BENCH_ARTICLES ?? 10_000);
console.log(`rasd benchmarks — ${new Date().toISOString()} — node ${process.version}`);
console.log('\n## Tokenization and sentence splitting');
console.table(benchText(limit));
console.log('\n## Entities (NER model, registry, linking)');
console.table(benchEntities(Math.min(limit, 2000)));
console.log('\n## Quotations');
console.table(benchQuotes(Math.min(limit, 3000)));
console.log('\n## Date expressions');
console.table(benchTimes(Math.min(limit, 500)));
console.log('\n## Events (PLOVER coding)');
console.table(benchEvents(Math.min(limit, 500)));
console.log('\n## HTML extraction (rasd vs Readability alone)');
console.table(benchHtml());
// The ingest benchmark samples memory of its own process: run it as one (BENCH_REPEAT, BENCH_LIMIT, BENCH_ANALYZED).
console.log('\n## Ingest, deduplication, storage and search');
spawnSync(process.execPath, ['--import', 'tsx', new URL('./ingest.ts', import.meta.url).pathname], { stdio: 'inherit' });
// Fresh processes of the compiled CLI beside `node -e 0` (BENCH_CLI_RUNS).
console.log('\n## CLI cold start: median of 10 runs beside node -e 0');
spawnSync(process.execPath, ['--import', 'tsx', new URL('./cli-start.ts', import.meta.url).pathname], { stdio: 'inherit' });
// Stores of 62k and ≥ 250k articles built first (minutes; BENCH_SEARCH_DIR keeps them for later runs).
console.log('\n## Search at scale: the corpus stored twice and replicated to ≥ 250k articles');
spawnSync(process.execPath, ['--import', 'tsx', new URL('./search.ts', import.meta.url).pathname], { stdio: 'inherit' });
// Worker processes and databases of its own: also a separate process (BENCH_SCALE_ARTICLES).
console.log('\n## Scaling out: queue with 1 and 2 workers (PostgreSQL) vs one process (SQLite)');
spawnSync(process.execPath, ['--import', 'tsx', new URL('./scale.ts', import.meta.url).pathname], { stdio: 'inherit' });
// The server as a child process under concurrent search/analyze/ingest (RASD_LOAD_SECONDS, RASD_LOAD_CLIENTS).
console.log('\n## Server under load (loopback: search, article, analyze, ingest)');
spawnSync(process.execPath, ['--import', 'tsx', new URL('./load.ts', import.meta.url).pathname], { stdio: 'inherit' });
// Live monitoring: one polling round over 1,000 sources with nothing new (BENCH_SOURCES) vs plain GETs.
console.log('\n## Monitoring: polling overhead, 1,000 sources answering 304');
spawnSync(process.execPath, ['--import', 'tsx', new URL('./monitor.ts', import.meta.url).pathname], { stdio: 'inherit' });
// Live monitoring: a feed on loopback polled every second, alerts to a local webhook (RASD_DELAY_ITEMS).
console.log('\n## Monitoring: delay from a feed item appearing to its alert reaching a webhook');
spawnSync(process.execPath, ['--import', 'tsx', new URL('./alert-delay.ts', import.meta.url).pathname], { stdio: 'inherit' });
