/**
 * `npm run bench`: every benchmark, each reporting its figures next to a baseline measured in the same run
 * (these machines are noisy: compare ratios, not absolute numbers). Needs ../shared.
 */
import { benchEntities } from './entities.ts';
import { benchQuotes } from './quotes.ts';
import { benchText } from './text.ts';

const limit = Number(process.env.RASD_BENCH_ARTICLES ?? 10_000);
console.log(`rasd benchmarks — ${new Date().toISOString()} — node ${process.version}`);
console.log('\n## Tokenization and sentence splitting');
console.table(benchText(limit));
console.log('\n## Entities (NER model, registry, linking)');
console.table(benchEntities(Math.min(limit, 2000)));
console.log('\n## Quotations');
console.table(benchQuotes(Math.min(limit, 3000)));
