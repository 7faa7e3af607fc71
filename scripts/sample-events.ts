// Draws the judged sample of coded events: 300 SaudiNewsNet articles chosen at random with a fixed seed, every
// event coded in them listed with its sentence, and the share of articles and sentences with at least one event.
// Writes data/events/judged/NAME.tsv (one row an event, columns for the judge: type_ok, source_ok, target_ok).
// A held-out draw leaves out the articles of earlier draws and the first 3,000 (read to review homographs):
//   npx tsx scripts/sample-events.ts --seed 20261208 --exclude-seed 20261207[,…] --skip-first 3000 --name held-out
// Run: npx tsx scripts/sample-events.ts [--seed 20261207] [--articles 300] [--name sample]   (needs ../shared)
import { writeFileSync } from 'node:fs';
import { loadCorpus } from '../bench/corpus.ts';
import { analyzeArticle } from '../src/analyze/index.ts';
import type { EventActor } from '../src/core/annotations.ts';
import { makeRawArticle } from '../src/core/article.ts';
import { seededRandom } from '../bench/random.ts';

const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(name);
  return at < 0 ? fallback : Number(process.argv[at + 1]);
};
const SEED = arg('--seed', 20261207);
const ARTICLES = arg('--articles', 300);
const excludeAt = process.argv.indexOf('--exclude-seed');
const EXCLUDE_SEEDS = excludeAt < 0 ? [] : process.argv[excludeAt + 1]!.split(',').map(Number);
const SKIP_FIRST = arg('--skip-first', 0);
const nameAt = process.argv.indexOf('--name');
const NAME = nameAt < 0 ? 'sample' : process.argv[nameAt + 1]!;
if (!/^[a-z0-9-]+$/.test(NAME)) throw new Error(`--name must be letters, digits and dashes: ${NAME}`);
const OUT = new URL(`../data/events/judged/${NAME}.tsv`, import.meta.url).pathname;

const random = seededRandom;

const corpus = loadCorpus<{
  source: string;
  title: string;
  text: string;
  url?: string;
  date_extracted?: string;
}>();
/** The article indices a seed draws (the same draw an earlier run made with that seed). */
function draw(seed: number): Set<number> {
  const next = random(seed);
  const drawn = new Set<number>();
  while (drawn.size < Math.min(ARTICLES, corpus.length)) drawn.add(Math.floor(next() * corpus.length));
  return drawn;
}
const excluded = new Set<number>(EXCLUDE_SEEDS.flatMap((seed) => [...draw(seed)]));
const next = random(SEED);
const chosen = new Set<number>();
while (chosen.size < Math.min(ARTICLES, corpus.length - SKIP_FIRST - excluded.size)) {
  const index = Math.floor(next() * corpus.length);
  if (index >= SKIP_FIRST && !excluded.has(index)) chosen.add(index);
}

const side = (a: EventActor | undefined): string =>
  a === undefined
    ? '?'
    : `${a.arabicName ?? a.name ?? a.text}${a.agent ? ` [${a.agent}]` : ''}${a.country ? ` (${a.country})` : ''}`;
const clean = (s: string): string => s.replace(/[\t\n\r]+/g, ' ');
const rows: string[] = [];
let articlesWithEvents = 0;
let sentences = 0;
let sentencesWithEvents = 0;
for (const index of [...chosen].sort((a, b) => a - b)) {
  const record = corpus[index]!;
  const doc = analyzeArticle(
    makeRawArticle({
      source: { kind: 'file', location: `saudinewsnet#${index}` },
      rawText: record.text,
      ...(record.date_extracted ? { publishedAt: record.date_extracted } : {}),
    } as Parameters<typeof makeRawArticle>[0]),
  );
  const events = doc.annotations.events ?? [];
  if (events.length > 0) articlesWithEvents++;
  for (const sentence of doc.annotations.sentences) {
    sentences++;
    const inside = events.filter((e) => e.start >= sentence.start && e.end <= sentence.end);
    if (inside.length > 0) sentencesWithEvents++;
    for (const e of inside) {
      rows.push(
        [
          index,
          e.type + (e.mode ? `/${e.mode}` : ''),
          clean(e.trigger.text),
          clean(side(e.source)),
          clean(side(e.target)),
          e.modality,
          e.negated ? 'neg' : '',
          e.confidence,
          clean(sentence.text),
          '',
          '',
          '',
          '',
        ].join('\t'),
      );
    }
  }
}
const header = [
  `# Judged sample of coded events: ${chosen.size} SaudiNewsNet articles drawn with seed ${SEED}${EXCLUDE_SEEDS.length > 0 ? `, none of seed ${EXCLUDE_SEEDS.join(' or ')}'s` : ''}${SKIP_FIRST ? `, none of the first ${SKIP_FIRST}` : ''} (scripts/sample-events.ts), ${rows.length} events.`,
  `# Articles with at least one event: ${articlesWithEvents}/${chosen.size}; sentences with at least one event: ${sentencesWithEvents}/${sentences}.`,
  '# type_ok, source_ok, target_ok: 1 right, 0 wrong, - not judged; an unknown side (?) is right when the sentence does not name it. note: why.',
  [
    'article',
    'type',
    'trigger',
    'source',
    'target',
    'modality',
    'negated',
    'confidence',
    'sentence',
    'type_ok',
    'source_ok',
    'target_ok',
    'note',
  ].join('\t'),
];
writeFileSync(OUT, `${[...header, ...rows].join('\n')}\n`);
console.log(
  `${OUT}: ${rows.length} events; articles with events ${articlesWithEvents}/${chosen.size}; sentences ${sentencesWithEvents}/${sentences}`,
);
