// The event trigger lexicon, built from its sources (pure: text in, lexicon out; the script around it does the I/O).
//
// Sources: the hand-written core (data/events/sources/triggers.tsv), the PETRARCH Arabic verb dictionary
// (CAMEO.ar.0.5.txt, Open Event Data Alliance, MIT) with every verb and pattern whose CAMEO code PLOVER codes, and
// the reviewed refusals of PETRARCH entries (data/events/sources/petrarch-refused.tsv). Lemmas, not forms: the
// morphology (src/analyze/morph) recognizes every inflection of each verb and noun.
import type { EventType } from '../../src/core/annotations.ts';
import type {
  CollectiveActorRecord,
  EventLexiconFile,
  HomographRecord,
  NounLemmaRecord,
  TriggerRecord,
  VerbLemmaRecord,
} from '../../src/analyze/events/lexicon-file.ts';
import { EVENT_TYPES, ploverEventOfCameo } from '../../src/analyze/events/ontology.ts';
import { createMorphIndex } from '../../src/analyze/morph/index.ts';
import { RasdError } from '../../src/core/errors.ts';
import { normalizeArabic } from '../../src/text/normalize.ts';

export interface LexiconSources {
  readonly triggersTsv: string;
  readonly collectivesTsv: string;
  readonly homographsTsv: string;
  /** CAMEO.ar.0.5.txt and the refusals, when ../shared is there. */
  readonly petrarch?: { readonly dictionary: string; readonly refusedTsv: string };
}

export interface LexiconBuild {
  readonly file: EventLexiconFile;
  /** Every PETRARCH entry read, with its id (for the refusal file) and what became of it. */
  readonly petrarchEntries: readonly PetrarchEntry[];
}

/** Tab-separated rows of a source table, without comments and blank lines, with their line numbers. */
export function readRows(text: string, name: string, columns: number): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const cells = line.split('\t').map((c) => c.trim());
    if (cells.length !== columns) {
      throw new RasdError(
        'E_BAD_RECORD',
        `expected ${columns} tab-separated columns, found ${cells.length}`,
        { input: name, record: index + 1 },
      );
    }
    rows.push({ line: index + 1, cells });
  });
  return rows;
}

const DIACRITICS = /[\u064B-\u065F\u0670\u0640]/g;

/**
 * The imperfect(s) of a verb given only as its perfect (PETRARCH lists perfects): by the shape of the word — a
 * prefixed form (أطلق، اعتقل، استهدف، انسحب) drops its alef, a hollow verb (قال) may take و or ي, a defective one
 * (دعا، رمى) ends in و or ي. `presentsOf('اعتقل')` → `['يعتقل']`.
 */
export function presentsOf(pastRaw: string): string[] {
  const past = pastRaw.replace(DIACRITICS, '');
  const out = new Set<string>();
  const last = past.at(-1)!;
  const defective = last === 'ى' || last === 'ا';
  const body = defective ? past.slice(0, -1) : past;
  const tail = (stem: string): void => {
    if (defective) {
      out.add(`ي${stem}ي`);
      if (last === 'ا') out.add(`ي${stem}و`);
    } else out.add(`ي${stem}`);
  };
  const first = past[0];
  if (past.length <= 2) out.add(`ي${past}`);
  else if (past.length === 3) {
    if (!defective && past[1] === 'ا') {
      for (const middle of ['و', 'ي', 'ا']) out.add(`ي${past[0]}${middle}${past[2]}`);
    } else if (first === 'و' && !defective) {
      out.add(`ي${past}`);
      out.add(`ي${past.slice(1)}`);
    } else tail(body);
  } else if (first === 'أ' || first === 'ا' || first === 'إ') {
    const rest = body.slice(1);
    // أصاب → يصيب، أقام → يقيم (Form IV hollow).
    if (past.length === 4 && !defective && past[2] === 'ا') out.add(`ي${past[1]}ي${past[3]}`);
    tail(rest);
  } else tail(body);
  return [...out];
}

// ---------------------------------------------------------------------------------------------------------------
// The hand-written core

type FormGroup = {
  pos: 'verb' | 'noun';
  verbs?: VerbLemmaRecord[];
  nouns?: NounLemmaRecord[];
  words?: string[];
};

function expandForms(spec: string, where: string): FormGroup[] {
  const verbs: VerbLemmaRecord[] = [];
  const nouns: NounLemmaRecord[] = [];
  const verbWords: string[] = [];
  for (const item of spec.split(',')) {
    const [kind, body] = [item.slice(0, 2), item.slice(2)];
    if (kind === 'v:') {
      const [past, present] = body.split('/');
      if (past === undefined || present === undefined || past === '' || present === '') {
        throw new RasdError('E_BAD_RECORD', `${where}: verb "${item}" needs PAST/PRESENT`);
      }
      verbs.push({ past, present });
    } else if (kind === 'n:') {
      const [form, ...plurals] = body.split('|');
      nouns.push(plurals.length > 0 ? { form: form!, plurals } : { form: form! });
    } else if (kind === 'w:') verbWords.push(normalizeArabic(body));
    else throw new RasdError('E_BAD_RECORD', `${where}: form "${item}" must start with v:, n: or w:`);
  }
  const groups: FormGroup[] = [];
  if (verbs.length > 0 || verbWords.length > 0) {
    groups.push({
      pos: 'verb',
      ...(verbs.length > 0 ? { verbs } : {}),
      ...(verbWords.length > 0 ? { words: verbWords } : {}),
    });
  }
  if (nouns.length > 0) groups.push({ pos: 'noun', nouns });
  return groups;
}

const unique = (words: readonly string[]): string[] => [...new Set(words.map(normalizeArabic))];
/** Words as written (the morphology reads hamza seats, ة and ى), one per normalized spelling. */
function uniqueAsWritten(words: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const word of words) {
    const written = word.replace(DIACRITICS, '');
    if (!seen.has(normalizeArabic(written))) seen.set(normalizeArabic(written), written);
  }
  return [...seen.values()];
}
const list = (cell: string): string[] => (cell === '-' ? [] : uniqueAsWritten(cell.split(',')));

function readTriggers(text: string): TriggerRecord[] {
  const triggers: TriggerRecord[] = [];
  for (const { line, cells } of readRows(text, 'triggers.tsv', 8)) {
    const [forms, requires, type, mode, source, target, flags, unless] = cells as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const where = `triggers.tsv:${line}`;
    if (!(EVENT_TYPES as readonly string[]).includes(type))
      throw new RasdError('E_BAD_RECORD', `${where}: unknown PLOVER type "${type}"`);
    if (source !== 'subject')
      throw new RasdError('E_BAD_RECORD', `${where}: source must be "subject", found "${source}"`);
    const flagSet = new Set(flags === '-' ? [] : flags.split(','));
    for (const flag of flagSet) {
      if (flag !== 'reciprocal' && flag !== 'patient' && flag !== 'undergoer' && flag !== 'violence')
        throw new RasdError('E_BAD_RECORD', `${where}: unknown flag "${flag}"`);
    }
    for (const group of expandForms(forms, where)) {
      triggers.push({
        ...(group.verbs !== undefined ? { verbs: group.verbs } : {}),
        ...(group.nouns !== undefined ? { nouns: group.nouns } : {}),
        ...(group.words !== undefined ? { words: group.words } : {}),
        requires: list(requires),
        ...(unless === '-' ? {} : { unless: list(unless) }),
        type: type as EventType,
        ...(mode === '-' ? {} : { mode }),
        pos: group.pos,
        target: target === '-' ? [] : target.split(','),
        reciprocal: flagSet.has('reciprocal'),
        ...(flagSet.has('patient') ? { patient: true } : {}),
        ...(flagSet.has('undergoer') ? { undergoer: true } : {}),
        ...(flagSet.has('violence') ? { violence: true } : {}),
        origin: 'data/events/sources/triggers.tsv',
      });
    }
  }
  return triggers;
}

function readHomographs(text: string): HomographRecord[] {
  return readRows(text, 'homographs.tsv', 3).map(({ line, cells }) => {
    const [word, lemma, reason] = cells as [string, string, string];
    if (reason === '')
      throw new RasdError('E_BAD_RECORD', `homographs.tsv:${line}: a homograph needs its reason`);
    if (lemma !== '*' && !/^[vn]:/.test(lemma))
      throw new RasdError('E_BAD_RECORD', `homographs.tsv:${line}: lemma must be v:…, n:… or *`);
    return { word: normalizeArabic(word), lemma: lemma === '*' ? '*' : normalizeArabic(lemma) };
  });
}

function readCollectives(text: string): CollectiveActorRecord[] {
  return readRows(text, 'collective-actors.tsv', 3).map(({ cells }) => {
    const [forms, name, code] = cells as [string, string, string];
    return { forms: unique(forms.split(',')), name, code };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// PETRARCH

/** One verb line or pattern of the PETRARCH dictionary, as read. */
export interface PetrarchEntry {
  /** Stable key for the refusal file: `verb|BLOCK|WORD|CODE` or `pattern|BLOCK|PATTERN|CODE`. */
  readonly id: string;
  readonly kind: 'verb' | 'pattern';
  readonly block: string;
  readonly code: string;
  readonly type?: EventType;
  readonly mode?: string;
  /** The verbs the entry applies to (its own verb, or all the verbs of its block for a pattern). */
  readonly verbs: readonly string[];
  /** The word that must follow the verb (the pattern's first content word, or the verb's particle). */
  readonly requires: readonly string[];
  /** What became of it: imported, refused (with the reason), or skipped (why). */
  readonly status: 'imported' | 'refused' | 'skipped';
  readonly note?: string;
}

// Prepositions and particles inside patterns: not the word to look for unless nothing else is there.
const PARTICLES = new Set([
  'ل',
  'ب',
  'ك',
  'في',
  'على',
  'علي',
  'إلى',
  'الى',
  'الي',
  'من',
  'عن',
  'مع',
  'هوو',
  'ضد',
  'حول',
  'بشأن',
]);

function parseSynsets(text: string): Map<string, string[]> {
  const sets = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('####### VERB PATTERNS')) break;
    if (line.startsWith('&')) {
      current = [];
      sets.set(line.split(/\s/)[0]!, current);
    } else if (line.startsWith('+') && current !== undefined) {
      // +درهم_مغربي_ : the head word is what follows a verb.
      const head = line
        .slice(1)
        .split('_')
        .find((w) => w !== '');
      if (head !== undefined) current.push(head);
    }
  }
  return sets;
}

/** A verb as PETRARCH writes it (حصل+على، قام+ب جولة): the verb and the word it needs after it, if any. */
function splitVerb(raw: string): { verb: string; needs?: string } {
  const words = raw
    .replace(DIACRITICS, '')
    .split(/[+\s_]+/)
    .filter((w) => w !== '');
  const verb = words[0] ?? '';
  const rest = words.slice(1).filter((w) => w.length > 1);
  const content = rest.filter((w) => !PARTICLES.has(w) && w !== 'هوو');
  const needs = content[0] ?? rest[0];
  return needs === undefined ? { verb } : { verb, needs };
}

/** The words a pattern needs after its verb: its first content word (a synset gives all its members). */
function patternRequires(
  body: string,
  synsets: Map<string, string[]>,
  refusedMembers: ReadonlySet<string>,
): { words: string[]; note?: string } {
  const tokens = body
    .replace(/[(){}]/g, ' ')
    .split(/\s+/)
    .filter((t) => t !== '');
  const star = tokens.indexOf('*');
  if (star < 0) return { words: [], note: 'no verb position' };
  if (tokens.slice(0, star).some((t) => !/^[$+\-]$/.test(t)))
    return { words: [], note: 'words before the verb' };
  const after = tokens
    .slice(star + 1)
    .filter((t) => !/^[$+\-]$/.test(t) && !t.startsWith('+') && !t.startsWith('$'));
  const content = after.find((t) => !PARTICLES.has(t.replace(DIACRITICS, '')));
  const word = content ?? after[0];
  if (word === undefined) return { words: [], note: 'nothing after the verb' };
  if (word.startsWith('&')) {
    const members = synsets.get(word)?.filter((m) => !refusedMembers.has(`${word}|${m}`));
    return members === undefined || members.length === 0
      ? { words: [], note: `unknown synset ${word}` }
      : { words: members };
  }
  return { words: [word.replace(/_/g, ' ').split(' ')[0]!] };
}

export function readPetrarch(
  text: string,
  refused: ReadonlyMap<string, string>,
  refusedMembers: ReadonlySet<string> = new Set(),
): PetrarchEntry[] {
  const synsets = parseSynsets(text);
  const entries: PetrarchEntry[] = [];
  const start = text.indexOf('####### VERB PATTERNS');
  let block: { name: string; verbs: string[] } | undefined;
  const add = (
    kind: PetrarchEntry['kind'],
    body: string,
    code: string,
    verbs: string[],
    requires: string[],
    note?: string,
  ): void => {
    const id = `${kind}|${block!.name}|${body}|${code}`;
    const event = ploverEventOfCameo(code);
    const reason = refused.get(id);
    let status: PetrarchEntry['status'] = 'imported';
    let why = note;
    if (note !== undefined) status = 'skipped';
    else if (event === undefined) {
      status = 'skipped';
      why = `CAMEO ${code}: no PLOVER event`;
    } else if (reason !== undefined) {
      status = 'refused';
      why = reason;
    }
    entries.push({
      id,
      kind,
      block: block!.name,
      code,
      ...(event !== undefined
        ? { type: event.type, ...(event.mode !== undefined ? { mode: event.mode } : {}) }
        : {}),
      verbs,
      requires,
      status,
      ...(why !== undefined ? { note: why } : {}),
    });
  };
  for (const raw of text.slice(start).split('\n').slice(1)) {
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '' || line.startsWith('#')) continue;
    const header = /^---\s*(.+?)\s*\[([^\]]*)\]\s*---/.exec(line);
    if (header !== null) {
      const name = header[1]!.trim();
      block = { name, verbs: [splitVerb(name).verb] };
      if (/^\d+$/.test(header[2]!)) {
        const { verb, needs } = splitVerb(name);
        add('verb', name, header[2]!, [verb], needs === undefined ? [] : [needs]);
      }
      continue;
    }
    if (block === undefined) continue;
    if (line.startsWith('-')) {
      const pattern = /^-\s*(.*?)\s*\[(\d+)\]/.exec(line);
      if (pattern === null) continue;
      const { words, note } = patternRequires(pattern[1]!, synsets, refusedMembers);
      add('pattern', pattern[1]!.replace(/\s+/g, ' '), pattern[2]!, [...block.verbs], words, note);
      continue;
    }
    const verbLine = /^([^#[]+?)\s*(?:\[(\d+)\])?\s*(?:#.*)?$/.exec(line);
    if (verbLine === null) continue;
    const { verb, needs } = splitVerb(verbLine[1]!);
    if (verb.length < 2) continue;
    if (!block.verbs.includes(verb)) block.verbs.push(verb);
    if (verbLine[2] !== undefined)
      add('verb', verbLine[1]!.trim(), verbLine[2], [verb], needs === undefined ? [] : [needs]);
  }
  return entries;
}

/** PETRARCH entries as trigger records: one per (verbs, type, mode), the patterns' nouns merged into `requires`. */
function petrarchTriggers(
  entries: readonly PetrarchEntry[],
  refusedVerbs: ReadonlySet<string>,
): TriggerRecord[] {
  const groups = new Map<
    string,
    { verbs: Set<string>; requires: Set<string>; type: EventType; mode?: string }
  >();
  for (const entry of entries) {
    if (entry.status !== 'imported' || entry.type === undefined) continue;
    const verbs = entry.verbs.filter((v) => !refusedVerbs.has(v));
    if (verbs.length === 0) continue;
    const key = `${[...verbs].sort().join(',')}|${entry.type}|${entry.mode ?? ''}|${entry.requires.length === 0 ? 'bare' : 'requires'}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = {
        verbs: new Set(verbs),
        requires: new Set(),
        type: entry.type,
        ...(entry.mode !== undefined ? { mode: entry.mode } : {}),
      };
      groups.set(key, group);
    }
    for (const word of entry.requires) group.requires.add(word.replace(DIACRITICS, ''));
  }
  const out: TriggerRecord[] = [];
  for (const group of groups.values()) {
    const verbs = [...group.verbs]
      .flatMap((past) => presentsOf(past).map((present) => ({ past, present })))
      .filter(readable);
    if (verbs.length === 0) continue;
    out.push({
      verbs,
      requires: uniqueAsWritten([...group.requires]),
      type: group.type,
      ...(group.mode !== undefined ? { mode: group.mode } : {}),
      pos: 'verb',
      target: ['object', 'على', 'مع', 'الى', 'ضد', 'ل', 'ب', 'من'],
      reciprocal: false,
      origin: 'PETRARCH CAMEO.ar.0.5.txt',
    });
  }
  return out;
}

/** Whether the morphology takes the verb (PETRARCH writes some lemmas in shapes no verb has). */
function readable(verb: VerbLemmaRecord): boolean {
  try {
    createMorphIndex([{ kind: 'verb', id: 'check', past: verb.past, present: verb.present }]);
    return true;
  } catch {
    return false;
  }
}

/**
 * The refusal table: `id<TAB>reason` rows; an id `verb|*|WORD|*` refuses a verb in every block and pattern, and
 * `member|&SYNSET|WORD|*` a word of a synset wherever a pattern asks for that synset.
 */
function readRefusals(text: string): {
  entries: Map<string, string>;
  verbs: Set<string>;
  members: Set<string>;
} {
  const entries = new Map<string, string>();
  const verbs = new Set<string>();
  const members = new Set<string>();
  for (const { line, cells } of readRows(text, 'petrarch-refused.tsv', 2)) {
    const [id, reason] = cells as [string, string];
    if (reason === '')
      throw new RasdError('E_BAD_RECORD', `petrarch-refused.tsv:${line}: a refusal needs its reason`);
    const parts = id.split('|');
    if (parts.length !== 4)
      throw new RasdError('E_BAD_RECORD', `petrarch-refused.tsv:${line}: id must be kind|block|entry|code`);
    if (parts[0] === 'verb' && parts[1] === '*' && parts[3] === '*') verbs.add(parts[2]!);
    else if (parts[0] === 'member') members.add(`${parts[1]}|${parts[2]}`);
    else entries.set(id, reason);
  }
  return { entries, verbs, members };
}

export function buildEventLexicon(sources: LexiconSources): LexiconBuild {
  const core = readTriggers(sources.triggersTsv);
  for (const record of core) {
    for (const verb of record.verbs ?? []) {
      if (!readable(verb))
        throw new RasdError(
          'E_BAD_RECORD',
          `triggers.tsv: the morphology cannot read the verb ${verb.past}/${verb.present}`,
        );
    }
  }
  let petrarchEntries: PetrarchEntry[] = [];
  let imported: TriggerRecord[] = [];
  if (sources.petrarch !== undefined) {
    const refusals = readRefusals(sources.petrarch.refusedTsv);
    petrarchEntries = readPetrarch(sources.petrarch.dictionary, refusals.entries, refusals.members).map(
      (e) =>
        e.status === 'imported' && e.verbs.every((v) => refusals.verbs.has(v))
          ? { ...e, status: 'refused' as const, note: 'verb refused' }
          : e,
    );
    imported = petrarchTriggers(petrarchEntries, refusals.verbs);
  }
  const file: EventLexiconFile = {
    generatedBy:
      'scripts/build-event-lexicon.ts from data/events/sources/*.tsv and PETRARCH — do not edit by hand; run npm run build:events',
    sources: [
      'data/events/sources/triggers.tsv, homographs.tsv, collective-actors.tsv: hand-written for rasd',
      ...(sources.petrarch !== undefined
        ? [
            'PETRARCH Arabic verb dictionary CAMEO.ar.0.5.txt (Open Event Data Alliance, github openeventdata, MIT): every verb and verb pattern whose CAMEO code PLOVER codes, less the refusals in data/events/sources/petrarch-refused.tsv',
          ]
        : []),
    ],
    triggers: [...core, ...imported],
    homographs: readHomographs(sources.homographsTsv),
    collectives: readCollectives(sources.collectivesTsv),
  };
  return { file, petrarchEntries };
}

/** Lemmas per PLOVER type, for the README and the build log. */
export function lexiconSize(
  file: EventLexiconFile,
): Map<EventType, { records: number; lemmas: number; core: number }> {
  const sizes = new Map<EventType, { records: number; lemmas: number; core: number }>();
  for (const record of file.triggers) {
    const size = sizes.get(record.type) ?? { records: 0, lemmas: 0, core: 0 };
    const lemmas = new Set([
      ...(record.verbs ?? []).map((v) => `v:${v.past}`),
      ...(record.nouns ?? []).map((n) => `n:${n.form}`),
      ...(record.words ?? []),
    ]).size;
    size.records++;
    size.lemmas += lemmas;
    if (record.origin.startsWith('data/')) size.core += lemmas;
    sizes.set(record.type, size);
  }
  return sizes;
}
