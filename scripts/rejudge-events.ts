// Re-codes the articles of the judged draws (data/events/judged/*.tsv) with the coder as it is now and compares:
// each judged event still coded the same way keeps its judgment; an event whose sides changed is printed with the
// old judgment and note beside the new sides, for a person to look at; new and vanished events are counted.
// A development aid: the judged files are what the rules were fixed from, so the figures a fresh draw gives decide.
// Run: npx tsx scripts/rejudge-events.ts [--only held-out-3] [--changed] [--wrong: unchanged events with a wrong side]   (needs ../shared)
// The layers before the event stage are cached in /tmp/rasd-rejudge-cache.json (delete it after upstream changes).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadCorpus } from '../bench/corpus.ts';
import { codeEvents, type EventInput } from '../src/analyze/events/index.ts';
import type { EventActor } from '../src/core/annotations.ts';
import { eventInputOf } from './event-inputs.ts';

const JUDGED = new URL('../data/events/judged/', import.meta.url).pathname;
const CACHE = '/tmp/rasd-rejudge-cache.json';
const onlyAt = process.argv.indexOf('--only');
const ONLY = onlyAt < 0 ? undefined : process.argv[onlyAt + 1];
const SHOW_CHANGED = process.argv.includes('--changed');
const SHOW_WRONG = process.argv.includes('--wrong');

interface Judged {
  file: string;
  article: number;
  type: string;
  trigger: string;
  source: string;
  target: string;
  modality: string;
  sentence: string;
  typeOk: string;
  sourceOk: string;
  targetOk: string;
  note: string;
}

const judged: Judged[] = [];
for (const name of readdirSync(JUDGED).filter((f) => f.endsWith('.tsv'))) {
  const file = name.replace(/\.tsv$/, '');
  if (ONLY !== undefined && file !== ONLY) continue;
  for (const line of readFileSync(JUDGED + name, 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#') || line.startsWith('article\t')) continue;
    const c = line.split('\t');
    judged.push({
      file,
      article: Number(c[0]),
      type: c[1]!,
      trigger: c[2]!,
      source: c[3]!,
      target: c[4]!,
      modality: c[5]!,
      sentence: c[8]!,
      typeOk: c[9]!,
      sourceOk: c[10]!,
      targetOk: c[11]!,
      note: c[12] ?? '',
    });
  }
}

const articles = [...new Set(judged.map((j) => j.article))].sort((a, b) => a - b);
let cache: Record<string, EventInput> = existsSync(CACHE) ? JSON.parse(readFileSync(CACHE, 'utf8')) : {};
const missing = articles.filter((a) => cache[a] === undefined);
if (missing.length > 0) {
  const corpus = loadCorpus<{ source: string; title: string; text: string; date_extracted?: string }>();
  for (const index of missing) {
    const record = corpus[index]!;
    cache[index] = eventInputOf(record.text, `saudinewsnet#${index}`, record.date_extracted);
  }
  writeFileSync(CACHE, JSON.stringify(cache));
  cache = JSON.parse(readFileSync(CACHE, 'utf8'));
}

const side = (a: EventActor | undefined): string =>
  a === undefined
    ? '?'
    : `${a.arabicName ?? a.name ?? a.text}${a.agent ? ` [${a.agent}]` : ''}${a.country ? ` (${a.country})` : ''}`;
const clean = (s: string): string => s.replace(/[\t\n\r]+/g, ' ');

interface Coded {
  type: string;
  trigger: string;
  source: string;
  target: string;
  modality: string;
  sentence: string;
}
const key = (article: number, c: { type: string; trigger: string; sentence: string }): string =>
  `${article}\u0001${c.type}\u0001${c.trigger}\u0001${c.sentence}`;

const now = new Map<string, Coded[]>();
let codedCount = 0;
for (const index of articles) {
  const input = cache[index]!;
  for (const e of codeEvents(input)) {
    const sentence = input.sentences.find((s) => e.start >= s.start && e.end <= s.end);
    if (sentence === undefined) continue;
    const coded: Coded = {
      type: e.type + (e.mode ? `/${e.mode}` : ''),
      trigger: clean(e.trigger.text),
      source: clean(side(e.source)),
      target: clean(side(e.target)),
      modality: e.modality,
      sentence: clean(input.text.slice(sentence.start, sentence.end)),
    };
    const k = key(index, coded);
    now.set(k, [...(now.get(k) ?? []), coded]);
    codedCount++;
  }
}

let same = 0;
let changed = 0;
let vanished = 0;
let keptAllRight = 0;
let lostAllRight = 0;
let fixedCandidates = 0;
let modalityChanged = 0;
const changes: string[] = [];
const matchedNow = new Set<Coded>();
for (const j of judged) {
  const candidates = now.get(key(j.article, j)) ?? [];
  const exact = candidates.find((c) => !matchedNow.has(c) && c.source === j.source && c.target === j.target);
  const allRight = j.typeOk === '1' && j.sourceOk === '1' && j.targetOk === '1';
  if (exact !== undefined) {
    matchedNow.add(exact);
    same++;
    if (exact.modality !== j.modality) {
      modalityChanged++;
      if (SHOW_CHANGED)
        changes.push(
          `MODALITY ${j.file} #${j.article} ${j.type} [${j.trigger}] ${j.modality} → ${exact.modality} (judged ${j.typeOk}${j.sourceOk}${j.targetOk}: ${j.note})`,
        );
    }
    if (allRight) keptAllRight++;
    else if (SHOW_WRONG && (j.typeOk === '1' || process.argv.includes('--types')))
      changes.push(
        `WRONG ${j.file} #${j.article} ${j.type} [${j.trigger}] ${j.source} → ${j.target} (judged ${j.typeOk}${j.sourceOk}${j.targetOk}: ${j.note})\n   ${j.sentence.slice(0, 300)}`,
      );
    continue;
  }
  const other = candidates.find((c) => !matchedNow.has(c));
  if (other === undefined) {
    vanished++;
    if (allRight) lostAllRight++;
    if (SHOW_CHANGED)
      changes.push(
        `GONE ${j.file} #${j.article} ${j.type} [${j.trigger}] ${j.source} → ${j.target} (judged ${j.typeOk}${j.sourceOk}${j.targetOk}: ${j.note})`,
      );
    continue;
  }
  matchedNow.add(other);
  changed++;
  if (allRight) lostAllRight++;
  else if (j.typeOk === '1') fixedCandidates++;
  if (SHOW_CHANGED)
    changes.push(
      `CHANGED ${j.file} #${j.article} ${j.type} [${j.trigger}]\n   was ${j.source} → ${j.target} (judged ${j.typeOk}${j.sourceOk}${j.targetOk}: ${j.note})\n   now ${other.source} → ${other.target}\n   ${j.sentence.slice(0, 300)}`,
    );
}
const added = codedCount - matchedNow.size;
if (SHOW_CHANGED || SHOW_WRONG) console.log(changes.join('\n'));
console.log(
  `judged ${judged.length} (all three right ${judged.filter((j) => j.typeOk === '1' && j.sourceOk === '1' && j.targetOk === '1').length}); now coded ${codedCount}: same ${same} (all-right kept ${keptAllRight}), sides changed ${changed} (of which type right but a side wrong before: ${fixedCandidates}), modality changed ${modalityChanged}, vanished ${vanished}, all-right lost ${lostAllRight}, new ${added}`,
);
