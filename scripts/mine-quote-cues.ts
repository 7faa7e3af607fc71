// Mines the reporting vocabulary of the SaudiNewsNet corpus (../shared/corpus/saudinewsnet/articles.jsonl.gz, 31k
// articles, CC BY-NC-SA 4.0): which words open the stretch of text before an إنّ / أنّ / بأنّ clause, a colon or an
// opening quotation mark, and which words follow a closing quotation mark (attribution after the content).
// Writes data/quotes/cue-candidates.tsv with the counts; the reviewed list (data/quotes/cues.tsv) is written by hand
// from it, and scripts/build-quote-cues.ts turns that into data/lexicon/reporting-cues.json.
//   npx tsx scripts/mine-quote-cues.ts [corpus.jsonl.gz] [out.tsv]
import { createReadStream, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { normalizeArabic } from '../src/text/normalize.ts';

const input = process.argv[2] ?? '../shared/corpus/saudinewsnet/articles.jsonl.gz';
const output = process.argv[3] ?? 'data/quotes/cue-candidates.tsv';

type Frame = 'inna' | 'anna' | 'bianna' | 'colon' | 'mark' | 'after';
const FRAMES: readonly Frame[] = ['inna', 'anna', 'bianna', 'colon', 'mark', 'after'];
const counts = new Map<string, Record<Frame, number>>();
const count = (word: string, frame: Frame): void => {
  let row = counts.get(word);
  if (row === undefined) {
    row = { inna: 0, anna: 0, bianna: 0, colon: 0, mark: 0, after: 0 };
    counts.set(word, row);
  }
  row[frame]++;
};

// Words and the punctuation that matters here; everything else separates.
const TOKEN = /[\u0621-\u064A\u0660-\u0669\u066E-\u06D3\u064B-\u065F\u0640]+|[:«»"“”،,.؟?!؛;()]/g;
const OPENERS = new Set(['«', '"', '“']);
const CLOSERS = new Set(['»', '"', '”']);
const BREAKS = new Set(['.', '؟', '?', '!', '؛', ';', '(', ')', ':', '،', ',']);
// How far back from the clause a cue may stand (قال وزير الخارجية الأمريكي جون كيري إن).
const WINDOW = 8;

/**
 * The readings of a word: with a leading و/ف dropped (وقال → قال), and as written when that letter may be its own
 * (واصفا، وفقا): both are counted, the review picks.
 */
function readings(word: string): string[] {
  const w = normalizeArabic(word);
  return /^[وف]/.test(w) && w.length > 3 ? [w.slice(1), w] : [w];
}

function frameOf(raw: string): Frame | undefined {
  const w = raw.replace(/[\u064B-\u065F\u0640]/g, '');
  if (/^(و|ف)?إن(ه|ها|هم|هما|نا|ني|ي)?$/.test(w)) return 'inna';
  if (/^بأن(ه|ها|هم|هما|نا|ني)?$/.test(w)) return 'bianna';
  if (/^أن(ه|ها|هم|هما|نا|ني)?$/.test(w)) return 'anna';
  return undefined;
}

function mine(text: string): void {
  const tokens = text.match(TOKEN) ?? [];
  // Index of the first word of the current stretch (after the last break).
  let stretch = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const frame = frameOf(t) ?? (t === ':' ? 'colon' : OPENERS.has(t) ? 'mark' : undefined);
    if (frame !== undefined && i - stretch <= WINDOW && i > stretch) {
      // The stretch's first word is the cue in verb-first order; the word right before, in other orders.
      const first = tokens[stretch]!;
      for (const r of readings(first)) count(r, frame);
      if (i - 1 > stretch) for (const r of readings(tokens[i - 1]!)) count(r, frame);
    }
    if (CLOSERS.has(t) && i + 1 < tokens.length) {
      // «…»، بحسب ما قاله / «…» قال: the first word after the closing mark (and a comma).
      let k = i + 1;
      if (tokens[k] === '،' || tokens[k] === ',') k++;
      const next = tokens[k];
      if (next !== undefined && !BREAKS.has(next) && !OPENERS.has(next))
        for (const r of readings(next)) count(r, 'after');
    }
    if (BREAKS.has(t) || OPENERS.has(t) || CLOSERS.has(t)) stretch = i + 1;
  }
}

const stream = createReadStream(input).pipe(createGunzip());
let articles = 0;
for await (const line of createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })) {
  if (line.trim() === '') continue;
  const { text } = JSON.parse(line) as { text?: string };
  if (typeof text !== 'string') continue;
  mine(text);
  articles++;
}
// Rarer words are too many to review, and rarely cues: the reviewed list took its entries down to here.
const MIN_TOTAL = 20;
const rows = [...counts]
  .map(([word, row]) => ({ word, row, total: FRAMES.reduce((s, f) => s + row[f], 0) }))
  .filter((r) => r.total >= MIN_TOTAL && r.word.length >= 2)
  .sort((a, b) => b.total - a.total || a.word.localeCompare(b.word));
const header = [
  `# Mined by scripts/mine-quote-cues.ts from ${articles} SaudiNewsNet articles (CC BY-NC-SA 4.0).`,
  '# word: normalized; a word opening with و/ف is counted both without and with that letter (وقال، واصفا); counts of the word opening (or standing last in) the stretch of at most',
  `# ${WINDOW} words before an إنّ clause, an أنّ clause, a بأنّ clause, a colon, an opening quotation mark; after: first word`,
  `# after a closing mark. Words seen fewer than ${MIN_TOTAL} times are left out. Most rows are subjects, not cues: see cues.tsv.`,
  ['word', 'total', ...FRAMES].join('\t'),
];
writeFileSync(
  output,
  `${[...header, ...rows.map((r) => [r.word, r.total, ...FRAMES.map((f) => r.row[f])].join('\t'))].join('\n')}\n`,
);
process.stdout.write(`${articles} articles, ${rows.length} candidates → ${output}\n`);
