// Builds data/events/agents.json: participants named by their role (مسلحون، الشرطة الباكستانية، قوات الأمن) with
// a PETRARCH agent code. Two sources, in this order (the first spelling of a phrase wins):
//   1. data/events/sources/agents.tsv: everyday news vocabulary, hand-written for rasd;
//   2. when ../shared is present, the PETRARCH Arabic agents dictionary agents.all.ar_v3.txt (Open Event Data
//      Alliance, github openeventdata, MIT), less the entries refused in data/events/sources/agents-refused.tsv.
// PETRARCH lines read `phrase_with_underscores [~CODE]`, a few with `{…}` plural forms, `#` comments, or a code
// written IGO~, [~ENV} …] or glued to Arabic words; GOVMIL-style codes keep GOV as the primary code.
// Run: npm run build:agents [-- --no-petrarch]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AgentLexiconFile, AgentRecord } from '../src/analyze/events/agents.ts';
import { RasdError } from '../src/core/errors.ts';
import { normalizeArabic } from '../src/text/normalize.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const SOURCES = join(ROOT, 'data/events/sources');
const OUT = join(ROOT, 'data/events/agents.json');
const PETRARCH = join(ROOT, '../shared/datasets/petrarch-arabic/agents.all.ar_v3.txt');

const CODE = /^(?:[A-Z]{3}){1,3}$/;
const FLAGS = new Set(['s', 'a', 'p', 'd', 'c']);

/** A phrase normalized for the lexicon: words separated by one space. */
function phrase(text: string): string {
  return normalizeArabic(text).split(/\s+/).filter(Boolean).join(' ');
}

const list = (cell: string): string[] => (cell === '-' ? [] : cell.split(',').map(phrase).filter(Boolean));

/** Tab-separated rows of a source table, without comments and blank lines, with their line numbers. */
function readRows(file: string, columns: number): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  readFileSync(join(SOURCES, file), 'utf8')
    .split('\n')
    .forEach((text, index) => {
      if (text.trim() === '' || text.startsWith('#')) return;
      const cells = text.split('\t').map((c) => c.trim());
      if (cells.length !== columns) {
        throw new RasdError(
          'E_BAD_RECORD',
          `expected ${columns} tab-separated columns, found ${cells.length}`,
          { input: file, record: index + 1 },
        );
      }
      rows.push({ line: index + 1, cells });
    });
  return rows;
}

function readHandWritten(): { agents: AgentRecord[]; notAgents: string[] } {
  const agents: AgentRecord[] = [];
  const notAgents: string[] = [];
  for (const { line, cells } of readRows('agents.tsv', 5)) {
    const [singular, plural, code, flags] = cells as [string, string, string, string];
    const where = { input: 'data/events/sources/agents.tsv', record: line };
    if (code === '-') {
      notAgents.push(...list(singular), ...list(plural));
      continue;
    }
    if (!CODE.test(code))
      throw new RasdError('E_BAD_RECORD', `agent code "${code}" is not 1–3 three-letter codes`, where);
    const letters = flags === '-' ? [] : [...flags];
    const unknown = letters.find((f) => !FLAGS.has(f));
    if (unknown !== undefined)
      throw new RasdError('E_BAD_RECORD', `unknown flag "${unknown}" (s, a, p, d, c)`, where);
    const record: AgentRecord = {
      agent: code.slice(0, 3),
      fullAgent: code,
      singular: list(singular),
      plural: list(plural),
      ...(letters.includes('s') ? { sound: true } : {}),
      ...(letters.includes('a') ? { accusative: true } : {}),
      ...(letters.includes('p') ? { possessive: true } : {}),
      ...(letters.includes('d') ? { definite: true } : {}),
      ...(letters.includes('c') ? { needsDemonym: true } : {}),
      origin: 'rasd',
    };
    if ((record.sound || record.accusative) && record.singular.some((s) => s.includes(' '))) {
      throw new RasdError(
        'E_BAD_RECORD',
        'flags s and a are for one-word singulars; list the other forms of a phrase',
        where,
      );
    }
    if (record.singular.length + record.plural.length === 0)
      throw new RasdError('E_BAD_RECORD', 'no spelling', where);
    agents.push(record);
  }
  return { agents, notAgents };
}

/** PETRARCH writes clitics and the article as words of their own (قائد_عام_ل_جيش، ال_مسافر): join them to the next. */
function petrarchPhrase(raw: string): string {
  const words = phrase(raw.replaceAll('_', ' ')).split(' ');
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if ((word === 'ال' || word === 'ل' || word === 'ب' || word === 'و') && i + 1 < words.length)
      words[i + 1] = word + words[i + 1]!;
    else out.push(word);
  }
  return out.join(' ');
}

interface PetrarchEntry {
  readonly line: number;
  readonly raw: string;
  readonly phrase: string;
  readonly plurals: string[];
  readonly code: string;
}

function readPetrarch(file: string): { entries: PetrarchEntry[]; malformed: number } {
  const entries: PetrarchEntry[] = [];
  let malformed = 0;
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, index) => {
      const line = text.replace(/\s#.*$/, '').trim();
      if (line === '' || line.startsWith('#')) return;
      // The code: the first capital letters after "[", with "~" before or after them (IGO~).
      const match = /^(\S+)\s*(?:\{([^}]*)\})?\s*\[\s*~?([A-Z]+)/.exec(line);
      if (match === null || !CODE.test(match[3]!)) {
        malformed++;
        console.warn(`${file}:${index + 1}: no agent code, skipped: ${line}`);
        return;
      }
      const plurals = (match[2] ?? '')
        .split(/[,،]/)
        .map((p) => petrarchPhrase(p.trim()))
        .filter(Boolean);
      entries.push({
        line: index + 1,
        raw: match[1]!,
        phrase: petrarchPhrase(match[1]!),
        plurals,
        code: match[3]!,
      });
    });
  return { entries, malformed };
}

function readRefusals(): Map<string, { codes: Set<string>; line: number; used: boolean }> {
  const refused = new Map<string, { codes: Set<string>; line: number; used: boolean }>();
  for (const { line, cells } of readRows('agents-refused.tsv', 3)) {
    const [raw, code] = cells as [string, string, string];
    const key = petrarchPhrase(raw);
    const entry = refused.get(key) ?? { codes: new Set<string>(), line, used: false };
    entry.codes.add(code);
    refused.set(key, entry);
  }
  return refused;
}

// Participles (مقاتل، مواطن) and relative adjectives used as nouns (جندي، قروي) take the sound plural; others
// (رئيس، تاجر) have broken plurals that PETRARCH does not list. A word PETRARCH writes with the article is a title
// (المشير "the field marshal"), and its sound plural is another word (مشيرين "indicating").
function takesSoundEndings(word: string): boolean {
  if (word.length < 4 || word.startsWith('ال') || word.endsWith('ه') || word.endsWith('ا')) return false;
  return word.startsWith('م') || word.endsWith('ي');
}

function importPetrarch(known: Set<string>): { agents: AgentRecord[]; counts: Record<string, number> } {
  const { entries, malformed } = readPetrarch(PETRARCH);
  const refused = readRefusals();
  const agents: AgentRecord[] = [];
  const counts = { lines: entries.length + malformed, malformed, refused: 0, duplicates: 0, imported: 0 };
  for (const entry of entries) {
    const refusal = refused.get(entry.phrase);
    if (refusal !== undefined && (refusal.codes.has('*') || refusal.codes.has(entry.code))) {
      refusal.used = true;
      counts.refused++;
      continue;
    }
    // Hand-written spellings and the first PETRARCH spelling win: a second code for the same phrase is dropped.
    if (known.has(entry.phrase)) {
      counts.duplicates++;
      continue;
    }
    known.add(entry.phrase);
    const oneWord = !entry.phrase.includes(' ');
    const plural = oneWord && /..(ين|ون)$/.test(entry.phrase) && entry.phrase.length >= 5;
    agents.push({
      agent: entry.code.slice(0, 3),
      fullAgent: entry.code,
      singular: plural ? [] : [entry.phrase],
      plural: plural ? [entry.phrase, ...entry.plurals] : entry.plurals,
      ...(oneWord && !plural && takesSoundEndings(entry.phrase) ? { sound: true } : {}),
      origin: 'petrarch',
    });
    counts.imported++;
  }
  // A refusal that names no line of the dictionary has gone stale: the reviewed list must match the file.
  for (const [key, refusal] of refused) {
    if (!refusal.used) {
      throw new RasdError('E_BAD_RECORD', `refused phrase "${key}" is not in ${PETRARCH}`, {
        input: 'data/events/sources/agents-refused.tsv',
        record: refusal.line,
      });
    }
  }
  return { agents, counts };
}

const handWritten = readHandWritten();
const known = new Set(handWritten.agents.flatMap((a) => [...a.singular, ...a.plural]));
for (const p of handWritten.notAgents) known.add(p);
const usePetrarch = !process.argv.includes('--no-petrarch') && existsSync(PETRARCH);
const petrarch = usePetrarch ? importPetrarch(known) : undefined;
const agents = [...handWritten.agents, ...(petrarch?.agents ?? [])];

const file: AgentLexiconFile = {
  generatedBy:
    'scripts/build-event-agents.ts from data/events/sources/agents.tsv — do not edit by hand; run npm run build:agents',
  sources: [
    'data/events/sources/agents.tsv: hand-written for rasd',
    ...(usePetrarch
      ? [
          'PETRARCH Arabic agents dictionary agents.all.ar_v3.txt (Open Event Data Alliance, github openeventdata, MIT), less data/events/sources/agents-refused.tsv',
        ]
      : []),
  ],
  notAgents: handWritten.notAgents,
  agents,
};
// One record a line: the file stays small and its diffs readable.
const body = [
  '{',
  `"generatedBy": ${JSON.stringify(file.generatedBy)},`,
  `"sources": ${JSON.stringify(file.sources)},`,
  `"notAgents": ${JSON.stringify(file.notAgents)},`,
  '"agents": [',
  agents.map((a) => JSON.stringify(a)).join(',\n'),
  ']',
  '}',
].join('\n');
writeFileSync(OUT, `${body}\n`);
console.log(
  `${OUT}: ${handWritten.agents.length} hand-written agents, ${handWritten.notAgents.length} not-agent phrases` +
    (petrarch === undefined
      ? ', PETRARCH not used'
      : `; PETRARCH: ${petrarch.counts.lines} lines, ${petrarch.counts.imported} imported, ${petrarch.counts.refused} refused, ` +
        `${petrarch.counts.duplicates} duplicates, ${petrarch.counts.malformed} without a code`),
);
