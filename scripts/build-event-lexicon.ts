// Builds data/events/triggers.json from the hand-written data/events/sources/*.tsv and, as a second source, the
// object nouns of the PETRARCH Arabic verb dictionary (CAMEO.ar.0.5.txt, Open Event Data Alliance, MIT), when
// ../shared is present: a PETRARCH pattern "verb + noun [CAMEO code]" whose verb is one of our triggers and whose
// code maps to the same PLOVER type adds the noun to that trigger's `requires` list (قدم + هبة → AID).
// Only AID and CONSULT take PETRARCH nouns: read by hand, its other patterns attach nouns to the wrong sense of a
// verb (قطع + مكتب, شن + منزل, قبل + تشكيل) and would cost precision.
// Run: npm run build:events [-- --no-petrarch]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventType } from '../src/core/annotations.ts';
import type { CollectiveActorRecord, EventLexiconFile, TriggerRecord } from '../src/analyze/events/lexicon-file.ts';
import { EVENT_TYPES, ploverOfCameo } from '../src/analyze/events/ontology.ts';
import { RasdError } from '../src/core/errors.ts';
import { normalizeArabic } from '../src/text/normalize.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const SOURCES = join(ROOT, 'data/events/sources');
const OUT = join(ROOT, 'data/events/triggers.json');
const PETRARCH = join(ROOT, '../shared/datasets/petrarch-arabic/CAMEO.ar.0.5.txt');

/** Tab-separated rows of a source table, without comments and blank lines, with their line numbers. */
function readRows(file: string, columns: number): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  readFileSync(join(SOURCES, file), 'utf8')
    .split('\n')
    .forEach((text, index) => {
      if (text.trim() === '' || text.startsWith('#')) return;
      const cells = text.split('\t').map((c) => c.trim());
      if (cells.length !== columns) {
        throw new RasdError('E_BAD_RECORD', `expected ${columns} tab-separated columns, found ${cells.length}`, { input: file, record: index + 1 });
      }
      rows.push({ line: index + 1, cells });
    });
  return rows;
}

/** Past and present conjugations of a verb given as its 3rd person masculine forms (زار / يزور, التقى / يلتقي). */
export function conjugate(past: string, present: string): string[] {
  const forms = [past];
  const last = past.at(-1);
  if (last === 'ى' || last === 'ا') {
    const stem = past.slice(0, -1);
    forms.push(`${stem}ت`, `${stem}وا`, `${stem}تا`, last === 'ى' ? `${stem}يا` : `${stem}وا`, `${stem}ينا`);
  } else {
    forms.push(`${past}ت`, `${past}وا`, `${past}ا`, `${past}تا`, `${past}نا`);
  }
  const stem = present.slice(1);
  const weak = stem.endsWith('ي') || stem.endsWith('و');
  for (const prefix of ['ي', 'ت', 'ن', 'أ']) {
    forms.push(`${prefix}${stem}`);
    if (prefix === 'ي' || prefix === 'ت') {
      forms.push(weak ? `${prefix}${stem.slice(0, -1)}ون` : `${prefix}${stem}ون`);
      forms.push(weak ? `${prefix}${stem.slice(0, -1)}وا` : `${prefix}${stem}وا`);
      forms.push(`${prefix}${stem}ان`);
    }
  }
  return forms;
}

// Not ي: تعاوني، اجتماعي are adjectives far more often than "my cooperation".
const PRONOUNS = ['ه', 'ها', 'هم', 'هما', 'نا', 'كم'];

/** A verbal noun and its possessed forms (زيارة → زيارته، زيارتها…). */
export function nounForms(noun: string): string[] {
  const stem = noun.endsWith('ة') ? `${noun.slice(0, -1)}ت` : noun;
  return [noun, ...PRONOUNS.map((p) => `${stem}${p}`)];
}

function expandForms(spec: string, where: string): { forms: string[]; pos: 'verb' | 'noun' }[] {
  return spec.split(',').map((item) => {
    const [kind, body] = [item.slice(0, 2), item.slice(2)];
    if (kind === 'v:') {
      const [past, present] = body.split('/');
      if (past === undefined || present === undefined) throw new RasdError('E_BAD_RECORD', `${where}: verb "${item}" needs PAST/PRESENT`);
      return { forms: conjugate(past, present), pos: 'verb' as const };
    }
    if (kind === 'n:') return { forms: nounForms(body), pos: 'noun' as const };
    if (kind === 'w:') return { forms: [body], pos: 'verb' as const };
    throw new RasdError('E_BAD_RECORD', `${where}: form "${item}" must start with v:, n: or w:`);
  });
}

const unique = (words: readonly string[]): string[] => [...new Set(words.map(normalizeArabic))];

function readTriggers(): TriggerRecord[] {
  const triggers: TriggerRecord[] = [];
  for (const { line, cells } of readRows('triggers.tsv', 7)) {
    const [forms, requires, type, mode, source, target, flags] = cells as [string, string, string, string, string, string, string];
    const where = `triggers.tsv:${line}`;
    if (!(EVENT_TYPES as readonly string[]).includes(type)) throw new RasdError('E_BAD_RECORD', `${where}: unknown PLOVER type "${type}"`);
    if (source !== 'subject') throw new RasdError('E_BAD_RECORD', `${where}: source must be "subject", found "${source}"`);
    for (const group of expandForms(forms, where)) {
      triggers.push({
        forms: unique(group.forms),
        requires: requires === '-' ? [] : unique(requires.split(',')),
        type: type as EventType,
        ...(mode === '-' ? {} : { mode }),
        pos: group.pos,
        target: target === '-' ? [] : target.split(','),
        reciprocal: flags === 'reciprocal',
        origin: 'data/events/sources/triggers.tsv',
      });
    }
  }
  return triggers;
}

function readCollectives(): CollectiveActorRecord[] {
  return readRows('collective-actors.tsv', 3).map(({ cells }) => {
    const [forms, name, code] = cells as [string, string, string];
    return { forms: unique(forms.split(',')), name, code };
  });
}

/** PETRARCH verb blocks: the verbs listed under a `--- verb [code] ---` header and their single-noun patterns. */
function petrarchNouns(file: string): { verbs: Set<string>; nouns: { noun: string; type: EventType }[] }[] {
  const blocks: { verbs: Set<string>; nouns: { noun: string; type: EventType }[] }[] = [];
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('####### VERB PATTERNS');
  let block: (typeof blocks)[number] | undefined;
  for (const line of text.slice(start).split('\n')) {
    if (line.startsWith('---')) {
      block = { verbs: new Set(), nouns: [] };
      blocks.push(block);
      continue;
    }
    if (block === undefined) continue;
    const pattern = /^- \* ?([\u0600-\u06FF]+) +\[(\d+)\]/.exec(line);
    if (pattern !== null) {
      const type = ploverOfCameo(pattern[2]!);
      if (type !== undefined) block.nouns.push({ noun: normalizeArabic(pattern[1]!), type });
      continue;
    }
    const verb = /^([\u0600-\u06FF]+)\s+#/.exec(line);
    if (verb !== null) block.verbs.add(normalizeArabic(verb[1]!));
  }
  return blocks;
}

const PETRARCH_TYPES = new Set<EventType>(['AID', 'CONSULT']);

function addPetrarch(triggers: TriggerRecord[]): TriggerRecord[] {
  const blocks = petrarchNouns(PETRARCH);
  let added = 0;
  const out = triggers.map((trigger) => {
    if (trigger.requires.length === 0 || !PETRARCH_TYPES.has(trigger.type)) return trigger;
    const extra = new Set<string>();
    for (const block of blocks) {
      if (!trigger.forms.some((f) => block.verbs.has(f))) continue;
      for (const { noun, type } of block.nouns) if (type === trigger.type && !trigger.requires.includes(noun)) extra.add(noun);
    }
    added += extra.size;
    return extra.size === 0
      ? trigger
      : { ...trigger, requires: [...trigger.requires, ...extra], origin: `${trigger.origin} + PETRARCH CAMEO.ar.0.5.txt` };
  });
  console.log(`PETRARCH: ${added} object nouns added`);
  return out;
}

const usePetrarch = !process.argv.includes('--no-petrarch') && existsSync(PETRARCH);
const triggers = usePetrarch ? addPetrarch(readTriggers()) : readTriggers();
const file: EventLexiconFile = {
  generatedBy: 'scripts/build-event-lexicon.ts from data/events/sources/*.tsv — do not edit by hand; run npm run build:events',
  sources: [
    'data/events/sources/triggers.tsv, collective-actors.tsv: hand-written for rasd',
    ...(usePetrarch
      ? ['PETRARCH Arabic verb dictionary CAMEO.ar.0.5.txt (Open Event Data Alliance, github openeventdata, MIT): object nouns of verb patterns, CAMEO codes mapped to PLOVER']
      : []),
  ],
  triggers,
  collectives: readCollectives(),
};
writeFileSync(OUT, `${JSON.stringify(file, null, 1)}\n`);
console.log(`${OUT}: ${triggers.length} triggers, ${triggers.reduce((n, t) => n + t.forms.length, 0)} forms`);
