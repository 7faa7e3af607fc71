// Scores the quote finder against a judged held-out sample (data/quotes/judged/NAME.tsv, drawn by
// scripts/sample-quote-heldout.ts): the judged quotes are the gold (every quote the judge found in the articles, the
// predicted ones with their right span and speaker, and the missed ones), the current code predicts again.
// Strict, as `rasd eval quotes`: a prediction matches a gold quote when it covers ≥ 90% of it and is ≥ 50% inside it;
// the speaker is right when it is the gold's person or body (a registry entity by its own name; otherwise the words
// given, one of the names the judge listed, or holding the full name), and an unnamed source is right when it is
// flagged unnamed and keeps a word of its description.
// Predictions that match no gold quote and were not judged before are listed: judge them and add them to the file as
// rows qN (verdict no, or part when they cover part of a listed quote).
//   npx tsx scripts/score-quote-heldout.ts [--name heldout] [-v]
import { readFileSync } from 'node:fs';
import { loadCorpus } from '../bench/corpus.ts';
import { analyzeArticle } from '../src/analyze/index.ts';
import type { Entity, Quote } from '../src/core/annotations.ts';
import { makeRawArticle } from '../src/core/article.ts';
import { normalizeArabic } from '../src/text/normalize.ts';

const at = process.argv.indexOf('--name');
const NAME = at < 0 ? 'heldout' : process.argv[at + 1]!;
const VERBOSE = process.argv.includes('-v');
const FILE = new URL(`../data/quotes/judged/${NAME}.tsv`, import.meta.url).pathname;
const MIN_GOLD_COVERAGE = 0.9;
const MIN_PREDICTION_PRECISION = 0.5;

interface Row {
  article: number;
  row: string;
  quote: string;
  verdict: string;
  goldText: string;
  goldSpeaker: string;
  goldForm: string;
}

const rows: Row[] = readFileSync(FILE, 'utf8')
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith('article\t'))
  .map((line) => {
    const c = line.split('\t');
    return {
      article: Number(c[0]),
      row: c[2]!,
      quote: c[7]!,
      verdict: c[8]!,
      goldText: c[9]!,
      goldSpeaker: c[10]!,
      goldForm: c[11]!,
    };
  });
const unjudged = rows.filter((r) => r.verdict === '');
if (unjudged.length > 0)
  throw new Error(
    `${unjudged.length} rows not judged yet, first: ${unjudged[0]!.article} ${unjudged[0]!.row}`,
  );

interface Gold {
  text: string;
  speaker: string;
  form: string;
}
const gold = new Map<number, Gold[]>();
// Predictions judged before, by their text: seen again, they are known, not new.
const judged = new Map<number, Set<string>>();
// Those judged not to be quotes.
const refused = new Map<number, Set<string>>();
for (const r of rows) {
  if (!gold.has(r.article)) gold.set(r.article, []);
  // Rows pN: predicted by the commit that drew the sample; qN: predicted later by changed code, judged when first seen.
  if (r.row.startsWith('p') || r.row.startsWith('q')) {
    if (!judged.has(r.article)) judged.set(r.article, new Set());
    judged.get(r.article)!.add(r.quote);
  }
  // part: a later prediction covering part of a quote already listed (a wrong span, no new quote); none: an
  // article read and found to hold no quote.
  if (r.verdict === 'part' || r.verdict === 'none') continue;
  if (r.verdict === 'no') {
    if (!refused.has(r.article)) refused.set(r.article, new Set());
    refused.get(r.article)!.add(r.quote);
    continue;
  }
  gold.get(r.article)!.push({ text: r.goldText || r.quote, speaker: r.goldSpeaker, form: r.goldForm });
}

const key = (s: string): string =>
  normalizeArabic(s)
    .replace(/[«»“”"″()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const bare = (w: string): string => w.replace(/^(و|ف)?(ال|لل)?/, '');

/** The strict speaker rule of the file header. */
function speakerRight(q: Quote, goldSpeaker: string, entities: ReadonlyMap<string, Entity>): boolean {
  const speaker = q.speaker;
  if (speaker === undefined || goldSpeaker === '-' || goldSpeaker === '') return false;
  if (goldSpeaker.startsWith('unnamed ')) {
    if (!speaker.anonymous) return false;
    const words = new Set(key(speaker.text).split(' ').map(bare));
    return key(goldSpeaker.slice('unnamed '.length))
      .split(' ')
      .map(bare)
      .some((w) => w.length >= 3 && words.has(w));
  }
  const names = goldSpeaker.split('|').map(key);
  const entity = speaker.entityId === undefined ? undefined : entities.get(speaker.entityId);
  // A registry entity is judged by its own names: a man sharing a family name is another man.
  const registry = entity?.id.startsWith('actor:') === true;
  const candidates = registry ? [entity!.name, entity!.arabicName ?? ''] : [speaker.text, entity?.name ?? ''];
  return (
    candidates
      .map(key)
      .filter((c) => c !== '')
      // Equal to a listed name, or holding one of two words or more (المعارض الصيني آي ويوي).
      .some((c) => names.includes(c) || names.some((n) => n.includes(' ') && ` ${c} `.includes(` ${n} `)))
  );
}

const corpus = loadCorpus<{ source: string; title: string; text: string; date_extracted?: string }>();
let goldCount = 0;
let predicted = 0;
let matched = 0;
let found = 0;
let speakers = 0;
let forms = 0;
const newOnes: string[] = [];
const misses: string[] = [];
for (const [index, golds] of [...gold].sort((a, b) => a[0] - b[0])) {
  const article = corpus[index]!;
  const doc = analyzeArticle(
    makeRawArticle({
      source: { kind: 'file', location: `saudinewsnet#${index}` },
      rawText: article.text,
      title: article.title,
      ...(article.date_extracted ? { publishedAt: article.date_extracted.slice(0, 10) } : {}),
    }),
  );
  const text = doc.article.cleanText;
  const quotes = doc.annotations.quotes ?? [];
  const entities = new Map((doc.annotations.entities ?? []).map((e) => [e.id, e]));
  const used = new Set<number>();
  predicted += quotes.length;
  goldCount += golds.length;
  for (const g of golds) {
    const start = text.indexOf(g.text);
    if (start < 0) throw new Error(`${index}: gold text not in the clean text: ${g.text.slice(0, 60)}`);
    const end = start + g.text.length;
    let best = -1;
    let bestOverlap = 0;
    quotes.forEach((q, n) => {
      const overlap = Math.max(0, Math.min(end, q.end) - Math.max(start, q.start));
      if (overlap > bestOverlap && overlap >= MIN_PREDICTION_PRECISION * (q.end - q.start)) {
        best = n;
        bestOverlap = overlap;
      }
    });
    if (best < 0 || bestOverlap < MIN_GOLD_COVERAGE * g.text.length) {
      misses.push(`${index} missed (${g.speaker}): ${g.text.slice(0, 70)}`);
      continue;
    }
    found++;
    used.add(best);
    const q = quotes[best]!;
    if (q.form === g.form) forms++;
    if (speakerRight(q, g.speaker, entities)) speakers++;
    else misses.push(`${index} speaker ${q.speaker?.text ?? '—'} ≠ ${g.speaker}: ${g.text.slice(0, 50)}`);
  }
  quotes.forEach((q, n) => {
    if (used.has(n)) return;
    if (judged.get(index)?.has(q.text)) {
      const why = refused.get(index)?.has(q.text) ? 'not a quote' : 'wrong span';
      misses.push(`${index} ${why} (judged): ${q.text.slice(0, 70)}`);
      return;
    }
    newOnes.push(`${index}\t${q.form}\t${q.cue?.text ?? ''}\t${q.speaker?.text ?? ''}\t${q.text}`);
  });
  matched += used.size;
}
const precision = predicted === 0 ? 0 : matched / predicted;
const recall = goldCount === 0 ? 0 : found / goldCount;
const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
console.log(
  `${NAME}: gold ${goldCount}, predicted ${predicted}, matched ${matched}, found ${found}\n` +
    `  precision ${pct(precision)}  recall ${pct(recall)}  F1 ${pct(f1)}\n` +
    `  speaker right ${speakers}/${found} (${pct(found === 0 ? 0 : speakers / found)})  form right ${forms}/${found}`,
);
if (newOnes.length > 0) {
  console.log(`  predictions not judged yet (${newOnes.length}): judge them and add them to ${NAME}.tsv`);
  for (const line of newOnes) console.log(`    ? ${line}`);
}
if (VERBOSE) for (const m of misses) console.log(`    - ${m}`);
