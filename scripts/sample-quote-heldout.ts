// Draws a held-out sample for the quote finder (issue 19): articles rich in reported speech from SaudiNewsNet outlets
// that quotes-dev does not use, none a near copy of a quotes-dev article (wire stories recur across outlets), none
// holding a sentence the quote tests use. Each article's predicted quotes are written as rows for a judge, who then adds
// the quotes the finder missed (scripts/score-quote-heldout.ts scores the judged file).
// "Rich in reported speech" is counted without the cue lexicon (so unknown cues are not left out): content openers
// (إنّ/بأنّ and their pronoun forms, opening quotation marks).
//   npx tsx scripts/sample-quote-heldout.ts [--seed 20251219] [--articles 40] [--name heldout] [--texts DIR]
//     [--exclude heldout]   (a later draw leaves out the articles of earlier judged samples)
// Writes data/quotes/judged/NAME.tsv; with --texts, each drawn article's clean text as DIR/INDEX.txt for reading.
import { execSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadCorpus, SHARED_DIR } from '../bench/corpus.ts';
import { seededRandom } from '../bench/random.ts';
import { analyzeArticle } from '../src/analyze/index.ts';
import { makeRawArticle } from '../src/core/article.ts';
import { normalizeArabic } from '../src/text/normalize.ts';

const option = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(name);
  return at < 0 ? fallback : process.argv[at + 1]!;
};
const SEED = Number(option('--seed', '20251219'));
const ARTICLES = Number(option('--articles', '40'));
const NAME = option('--name', 'heldout');
const TEXTS = option('--texts', '');
// Earlier judged samples whose articles a new draw leaves out (comma-separated names in data/quotes/judged/).
const EXCLUDE = option('--exclude', '').split(',').filter(Boolean);
if (!/^[a-z0-9-]+$/.test(NAME)) throw new Error(`--name must be letters, digits and dashes: ${NAME}`);
const OUT = new URL(`../data/quotes/judged/${NAME}.tsv`, import.meta.url).pathname;

// Outlets of quotes-dev (../shared/corpus/quotes-dev/README.md): the held-out sample draws from the others.
const DEV_OUTLETS = new Set(['alriyadh', 'aawsat', 'sabq', 'alyaum', 'alweeam']);
// Short enough to read whole, long enough to hold several reports.
const MIN_WORDS = 150;
const MAX_WORDS = 700;
const MIN_OPENERS = 6;
const MAX_PER_OUTLET = 8;
// Share of an article's word 5-grams found in another text above which it is a copy of it.
const COPY_SHARE = 0.2;

interface CorpusRecord {
  source: string;
  title: string;
  text: string;
  url?: string;
  date_extracted?: string;
}

const OPENER = /(?:^|[\s(«"“])(?:و|ف)?(?:إن|بأن)(?:ه|ها|هم|هما|نا|ني)?(?=[\s،,])|[«“]/g;

function shingles(text: string): Set<string> {
  const words = normalizeArabic(text).split(/\s+/).filter(Boolean);
  const out = new Set<string>();
  for (let i = 0; i + 5 <= words.length; i++) out.add(words.slice(i, i + 5).join(' '));
  return out;
}

function copyShare(a: Set<string>, b: Set<string>): number {
  if (a.size === 0) return 0;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / a.size;
}

const devDir = `${SHARED_DIR}corpus/quotes-dev/`;
const devTexts = readdirSync(devDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => shingles((JSON.parse(readFileSync(`${devDir}${f}`, 'utf8')) as { text: string }).text));
// Arabic strings of the quote tests: an article holding one is not held out.
const testStrings = [
  'src/analyze/quotes/quotes.test.ts',
  'src/analyze/quotes/vocabulary.test.ts',
  'src/analyze/quotes/heldout-classes.test.ts',
]
  .flatMap(
    (file) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8').match(/'[^'\n]{40,}'/g) ?? [],
  )
  .map((s) => s.slice(1, 41));

const excluded = new Set(
  EXCLUDE.flatMap((name) =>
    readFileSync(new URL(`../data/quotes/judged/${name}.tsv`, import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => /^\d/.test(line))
      .map((line) => Number(line.split('\t')[0])),
  ),
);
const corpus = loadCorpus<CorpusRecord>();
const eligible: number[] = [];
corpus.forEach((article, index) => {
  if (DEV_OUTLETS.has(article.source) || excluded.has(index)) return;
  const words = article.text.split(/\s+/).filter(Boolean).length;
  if (words < MIN_WORDS || words > MAX_WORDS) return;
  if ((article.text.match(OPENER) ?? []).length < MIN_OPENERS) return;
  eligible.push(index);
});

const next = seededRandom(SEED);
const order = [...eligible];
for (let i = order.length - 1; i > 0; i--) {
  const j = Math.floor(next() * (i + 1));
  [order[i], order[j]] = [order[j]!, order[i]!];
}
const chosen: number[] = [];
const chosenShingles: Set<string>[] = [];
const perOutlet = new Map<string, number>();
for (const index of order) {
  if (chosen.length >= ARTICLES) break;
  const article = corpus[index]!;
  if ((perOutlet.get(article.source) ?? 0) >= MAX_PER_OUTLET) continue;
  if (testStrings.some((s) => article.text.includes(s))) continue;
  const own = shingles(article.text);
  if ([...devTexts, ...chosenShingles].some((other) => copyShare(own, other) > COPY_SHARE)) continue;
  chosen.push(index);
  chosenShingles.push(own);
  perOutlet.set(article.source, (perOutlet.get(article.source) ?? 0) + 1);
}
chosen.sort((a, b) => a - b);

const commit = execSync('git rev-parse --short HEAD').toString().trim();
const clean = (s: string) => s.replace(/[\t\n]+/g, ' ');
const rows: string[] = [];
let predicted = 0;
if (TEXTS !== '') mkdirSync(TEXTS, { recursive: true });
for (const index of chosen) {
  const article = corpus[index]!;
  const doc = analyzeArticle(
    makeRawArticle({
      source: { kind: 'file', location: `saudinewsnet#${index}` },
      rawText: article.text,
      title: article.title,
      ...(article.date_extracted ? { publishedAt: article.date_extracted.slice(0, 10) } : {}),
    }),
  );
  if (TEXTS !== '')
    writeFileSync(
      `${TEXTS}/${index}.txt`,
      `${article.source} ${article.url ?? ''}\n${doc.article.cleanText}\n`,
    );
  const entities = new Map((doc.annotations.entities ?? []).map((e) => [e.id, e]));
  // An article with no predicted quote still gets a row: the judge adds its quotes, or marks it none.
  if ((doc.annotations.quotes ?? []).length === 0)
    rows.push([index, article.source, '-', '', '', '', '', '', '', '', '', '', ''].join('\t'));
  (doc.annotations.quotes ?? []).forEach((q, n) => {
    predicted++;
    const entity = q.speaker?.entityId === undefined ? undefined : entities.get(q.speaker.entityId);
    const speaker =
      q.speaker === undefined ? '' : `${q.speaker.text}${q.speaker.anonymous ? ' (unnamed)' : ''}`;
    rows.push(
      [
        index,
        article.source,
        `p${n + 1}`,
        q.form,
        clean(q.cue?.text ?? ''),
        clean(speaker),
        clean(entity?.name ?? ''),
        clean(q.text),
        '',
        '',
        '',
        '',
        '',
      ].join('\t'),
    );
  });
}
const header = [
  `# Held-out judged sample for the quote finder (issue 19): ${chosen.length} SaudiNewsNet articles drawn with seed ${SEED} by scripts/sample-quote-heldout.ts`,
  `# from outlets not in quotes-dev (${[...DEV_OUTLETS].join(', ')} left out), ${MIN_WORDS}–${MAX_WORDS} words, at least ${MIN_OPENERS} content openers (إنّ/بأنّ forms, opening quotation marks),`,
  `# at most ${MAX_PER_OUTLET} per outlet, none sharing more than ${COPY_SHARE * 100}% of its 5-grams with a quotes-dev article or an earlier pick${EXCLUDE.length > 0 ? `, none in ${EXCLUDE.join(', ')}` : ''}. Predicted by commit ${commit}: ${predicted} quotes.`,
  '# Columns: article (line index in articles.jsonl.gz), outlet, row (pN predicted, mN missed: added by the judge), form, cue, speaker, entity (as predicted);',
  '# quote (predicted text, or for a missed row the gold text); verdict: ok | span | speaker | span+speaker | no (not a quote);',
  '# gold_text (the right span when the verdict has span, in the clean text); gold_speaker (a full name as written, other mentions of the same person after |, or "unnamed <description as written>"; "-" for none);',
  '# gold_form (direct | indirect | mixed); note.',
];
mkdirSync(new URL('../data/quotes/judged/', import.meta.url).pathname, { recursive: true });
writeFileSync(
  OUT,
  `${header.join('\n')}\narticle\toutlet\trow\tform\tcue\tspeaker\tentity\tquote\tverdict\tgold_text\tgold_speaker\tgold_form\tnote\n${rows.join('\n')}\n`,
);
console.log(
  `${chosen.length} articles (${[...perOutlet].map(([o, n]) => `${o} ${n}`).join(', ')}), ${predicted} predicted quotes → ${OUT}`,
);
