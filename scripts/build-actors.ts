// Builds data/actors/actors.json from the hand-written tables in data/actors/sources/*.tsv and, as a second
// source, the people of the PETRARCH Arabic actor dictionary (when ../shared is present).
// Run: npm run build:actors [-- --no-petrarch]
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  ActorRecord,
  ActorRoleRecord,
  ActorsFile,
  DemonymRecord,
  TitleRecord,
} from '../src/analyze/entities/registry/actors-file.ts';
import type { EntityType } from '../src/core/annotations.ts';
import { normalizeArabic } from '../src/text/normalize.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const SOURCES = join(ROOT, 'data/actors/sources');
const OUT = join(ROOT, 'data/actors/actors.json');
const PETRARCH = join(ROOT, '../shared/datasets/petrarch-arabic/actor_dict_ar_v4.txt');
// Tables that are not actors.
const SPECIAL = new Set([
  'titles.tsv',
  'title-words.tsv',
  'blocked.tsv',
  'name-parts.tsv',
  'institutions.tsv',
]);
const TYPES = new Set<EntityType>(['PER', 'ORG', 'LOC', 'MISC']);
const ISO3 = /^[A-Z]{3}$/;
const DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
const ARABIC_ONLY = /^[\u0600-\u06FF\u0750-\u077F0-9+\- ]+$/;

interface Row {
  readonly file: string;
  readonly line: number;
  readonly fields: Readonly<Record<string, string>>;
}

const problems: string[] = [];
function problem(row: { file: string; line: number }, message: string): void {
  problems.push(`${row.file}:${row.line}: ${message}`);
}

/** Reads a table: `#` comments, an optional `# defaults: k=v …` line, a header, tab-separated rows. */
function readTable(file: string): Row[] {
  const rows: Row[] = [];
  let header: string[] | undefined;
  let defaults: Record<string, string> = {};
  readFileSync(join(SOURCES, file), 'utf8')
    .split('\n')
    .forEach((text, index) => {
      const line = index + 1;
      if (text.startsWith('# defaults:')) {
        defaults = Object.fromEntries(
          text
            .slice('# defaults:'.length)
            .trim()
            .split(/\s+/)
            .map((pair) => pair.split('=') as [string, string]),
        );
        return;
      }
      if (text.trim() === '' || text.startsWith('#')) return;
      const cells = text.split('\t').map((c) => c.trim());
      if (header === undefined) {
        header = cells;
        return;
      }
      if (cells.length !== header.length) {
        problem({ file, line }, `expected ${header.length} columns, found ${cells.length}`);
        return;
      }
      const fields: Record<string, string> = { ...defaults };
      header.forEach((name, i) => {
        if (cells[i] !== '') fields[name] = cells[i]!;
      });
      rows.push({ file, line, fields });
    });
  return rows;
}

/** `Kim Jong Un` → `kim-jong-un`; `Côte d'Ivoire` → `cote-d-ivoire`. */
function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\+/g, '-plus')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split('|')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

function parseRoles(row: Row, value: string | undefined, country: string | undefined): ActorRoleRecord[] {
  return splitList(value).map((spec) => {
    const [keyScope = '', from = '', to = ''] = spec.split(':');
    const [key = '', scopeName] = keyScope.split('@');
    let scope = scopeName ?? country ?? '';
    if (scope !== '' && !ISO3.test(scope)) scope = `actor:${scope}`;
    if (scope === '') problem(row, `role ${spec}: no country or scope`);
    for (const date of [from, to])
      if (date !== '' && !DATE.test(date)) problem(row, `role ${spec}: bad date ${date}`);
    const role: { -readonly [K in keyof ActorRoleRecord]: ActorRoleRecord[K] } = { key, scope };
    if (from !== '') role.from = from;
    if (to !== '') role.to = to;
    return role;
  });
}

function actorFromRow(row: Row): ActorRecord | undefined {
  const f = row.fields;
  const name = f.name;
  if (name === undefined) {
    problem(row, 'no name');
    return undefined;
  }
  const type = f.type as EntityType;
  if (!TYPES.has(type)) problem(row, `type ${f.type} is not PER/ORG/LOC/MISC`);
  const country = f.iso3 ?? f.country;
  if (country !== undefined && !ISO3.test(country))
    problem(row, `country ${country} is not ISO 3166 alpha-3`);
  if (f.wikidata !== undefined && !/^Q\d+$/.test(f.wikidata))
    problem(row, `wikidata ${f.wikidata} is not a Q-id`);
  const ar = splitList(f.arabic);
  if (ar.length === 0) problem(row, `${name}: no Arabic variant`);
  for (const v of ar)
    if (!ARABIC_ONLY.test(v)) problem(row, `${name}: variant "${v}" has non-Arabic characters`);
  const actor: { -readonly [K in keyof ActorRecord]: ActorRecord[K] } = {
    id: `actor:${f.id ?? slug(name)}`,
    name,
    type,
    kind: f.kind ?? 'other',
    ar,
    source: `data/actors/sources/${row.file}`,
  };
  if (country !== undefined) actor.country = country;
  if (f.role !== undefined) actor.role = f.role;
  if (f.wikidata !== undefined) actor.wikidata = f.wikidata;
  if (f.metonym === 'country') actor.metonymOf = country;
  const roles = parseRoles(row, f.roles, country);
  if (roles.length > 0) actor.roles = roles;
  return actor;
}

/** The feminine of a masculine demonym, word by word: الكوري الشمالي → الكورية الشمالية. */
function feminine(masculine: string): string {
  return masculine
    .split(' ')
    .map((w) => (w.endsWith('ي') ? `${w}ة` : w))
    .join(' ');
}

/**
 * The institutions of every country with a demonym (institutions.tsv): one actor per country and row. A name
 * a hand-written actor already has stays with it, and that actor takes the row's other names instead.
 */
function institutionActors(
  countries: readonly { actor: ActorRecord; demonyms: readonly string[] }[],
  handWritten: ActorRecord[],
): ActorRecord[] {
  const owner = new Map<string, number>();
  handWritten.forEach((a, i) => {
    for (const v of a.ar) owner.set(normalizeArabic(v), i);
  });
  const made: ActorRecord[] = [];
  for (const row of readTable('institutions.tsv')) {
    const f = row.fields;
    for (const { actor: country, demonyms } of countries) {
      const variants = [
        ...new Set(
          splitList(f.arabic).flatMap((pattern) =>
            demonyms.map((m) => pattern.replace('{m}', m).replace('{f}', feminine(m))),
          ),
        ),
      ];
      const taken = variants.map((v) => owner.get(normalizeArabic(v)));
      const holder = taken.find((i) => i !== undefined);
      const free = variants.filter((_, i) => taken[i] === undefined);
      if (holder !== undefined) {
        const actor = handWritten[holder]!;
        handWritten[holder] = { ...actor, ar: [...actor.ar, ...free] };
        for (const v of free) owner.set(normalizeArabic(v), holder);
        continue;
      }
      const actor: { -readonly [K in keyof ActorRecord]: ActorRecord[K] } = {
        id: `${country.id}-${f.key}`,
        name: (f.name ?? '').replace('{country}', country.name),
        type: 'ORG',
        kind: f.kind ?? 'other',
        ar: variants,
        source: 'data/actors/sources/institutions.tsv',
      };
      if (country.country !== undefined) actor.country = country.country;
      if (f.role !== undefined) actor.role = f.role;
      made.push(actor);
    }
  }
  return made;
}

/** Masculine definite demonym → the four forms news uses: الروسي الروسية روسي روسية (word by word). */
function demonymForms(masculine: string): string[] {
  const bare = (phrase: string) =>
    phrase
      .split(' ')
      .map((w) => (w.startsWith('ال') ? w.slice(2) : w))
      .join(' ');
  return [masculine, feminine(masculine), bare(masculine), bare(feminine(masculine))];
}

function main(): void {
  const usePetrarch = !process.argv.includes('--no-petrarch') && existsSync(PETRARCH);
  const actors: ActorRecord[] = [];
  const demonyms: DemonymRecord[] = [];
  const countryActor = new Map<string, string>();
  const countries: { actor: ActorRecord; demonyms: string[] }[] = [];
  const files = readdirSync(SOURCES)
    .filter((f) => f.endsWith('.tsv') && !SPECIAL.has(f))
    .sort();
  // Countries first: capitals point at them.
  files.sort((a, b) => Number(b === 'countries.tsv') - Number(a === 'countries.tsv'));
  for (const file of files) {
    for (const row of readTable(file)) {
      const actor = actorFromRow(row);
      if (actor === undefined) continue;
      if (actor.kind === 'country' && actor.country !== undefined) {
        countryActor.set(actor.country, actor.id);
        countries.push({ actor, demonyms: splitList(row.fields.demonym) });
        for (const demonym of splitList(row.fields.demonym)) {
          for (const form of demonymForms(demonym)) demonyms.push({ form, country: actor.country });
        }
      }
      actors.push(actor);
    }
  }
  actors.push(...institutionActors(countries, actors));
  // Metonyms point at the country's actor, which must exist.
  const resolved = actors.map((actor) => {
    if (actor.metonymOf === undefined) return actor;
    const target = countryActor.get(actor.metonymOf);
    if (target === undefined)
      problems.push(`${actor.source}: ${actor.name}: no country actor for ${actor.metonymOf}`);
    return { ...actor, metonymOf: target ?? actor.metonymOf };
  });
  const ids = new Set<string>();
  for (const actor of resolved) {
    if (ids.has(actor.id)) problems.push(`${actor.source}: duplicate id ${actor.id}`);
    ids.add(actor.id);
  }
  for (const actor of resolved) {
    for (const role of actor.roles ?? []) {
      if (role.scope.startsWith('actor:') && !ids.has(role.scope)) {
        problems.push(`${actor.source}: ${actor.name}: role scope ${role.scope} is not an actor`);
      }
    }
  }
  const titles: TitleRecord[] = readTable('titles.tsv').map((row) => ({
    key: row.fields.key ?? '',
    accepts: splitList(row.fields.accepts),
    ar: splitList(row.fields.arabic),
  }));
  const titleWords = readTable('title-words.tsv').map((row) => row.fields.word ?? '');
  const blocked = readTable('blocked.tsv').map((row) => row.fields.arabic ?? '');
  const nameParts = readTable('name-parts.tsv').map((row) => row.fields.word ?? '');

  let mined: ActorRecord[] = [];
  if (usePetrarch) {
    const known = new Set(resolved.flatMap((a) => a.ar.map((v) => normalizeArabic(v))));
    mined = minePetrarch(readFileSync(PETRARCH, 'utf8'), {
      known,
      titleWords,
      countries: new Set(countryActor.keys()),
    });
    for (const actor of mined) if (ids.has(actor.id)) problems.push(`petrarch: duplicate id ${actor.id}`);
  }
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  const file: ActorsFile = {
    generatedBy:
      'scripts/build-actors.ts from data/actors/sources/*.tsv — do not edit by hand; run npm run build:actors',
    sources: [
      'data/actors/sources/*.tsv: hand-written for rasd',
      ...(usePetrarch
        ? [
            'PETRARCH Arabic actor dictionary actor_dict_ar_v4.txt (Open Event Data Alliance, github openeventdata/UniversalPetrarch, MIT): people with dated roles',
          ]
        : []),
    ],
    actors: [...resolved, ...mined],
    demonyms,
    titles,
    titleWords,
    blocked,
    nameParts,
  };
  // One actor per line: compact, yet a diff shows which entry changed.
  const lines = file.actors.map((a) => JSON.stringify(a));
  const json = `{"generatedBy":${JSON.stringify(file.generatedBy)},\n"sources":${JSON.stringify(file.sources)},\n"demonyms":${JSON.stringify(demonyms)},\n"titles":${JSON.stringify(titles)},\n"titleWords":${JSON.stringify(titleWords)},\n"blocked":${JSON.stringify(blocked)},\n"nameParts":${JSON.stringify(nameParts)},\n"actors":[\n${lines.join(',\n')}\n]}\n`;
  writeFileSync(OUT, json);
  const byType = new Map<string, number>();
  for (const a of file.actors) byType.set(a.type, (byType.get(a.type) ?? 0) + 1);
  console.log(
    `wrote ${OUT}: ${file.actors.length} actors (${resolved.length} hand-written, ${mined.length} from PETRARCH; ${[...byType].map(([t, n]) => `${t} ${n}`).join(', ')}), ${demonyms.length} demonym forms`,
  );
}

// --- PETRARCH people -------------------------------------------------------------------------------------
// The dictionary lists names with underscores between words and CAMEO codes, some with dated roles
// (`[IRQGOV 20101221-20140908]`). Many entries carry titles or lemmatized nouns; only plain personal names
// of two to four words with at least one dated role are taken, and only when no hand-written entry has them.

const PETRARCH_NOISE = new Set(
  [
    'حكومة',
    'الذي',
    'التي',
    'حرس',
    'ثورة',
    'وزراء',
    'وزراي',
    'جمهورية',
    'دولة',
    'قوة',
    'جيش',
    'حزب',
    'حركة',
    'مجلس',
    'شعب',
    'رئيس',
    'وزير',
    'نائب',
    'ناطق',
    'عضو',
    'برلمان',
    'منظمة',
    'اتحاد',
    'شرطة',
    'الوزيرطارق',
  ].map((w) => normalizeArabic(w)),
);
const TRANSLIT: Readonly<Record<string, string>> = {
  ا: 'a',
  ب: 'b',
  ت: 't',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  ع: 'a',
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  و: 'w',
  ي: 'y',
  ء: '',
  ' ': '-',
};

interface PetrarchContext {
  /** Normalized variants of the hand-written actors. */
  readonly known: ReadonlySet<string>;
  readonly titleWords: readonly string[];
  readonly countries: ReadonlySet<string>;
}

function petrarchDate(yyyymmdd: string): string {
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/** People with dated roles from the PETRARCH dictionary, as actors with Arabic canonical names. */
function minePetrarch(text: string, ctx: PetrarchContext): ActorRecord[] {
  const titleWords = new Set(ctx.titleWords.map((w) => normalizeArabic(w)));
  const knownWords = new Set([...ctx.known].filter((v) => !v.includes(' ')));
  const entries: { name: string; codes: { code: string; from?: string; to?: string }[] }[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[\u200e\u200f]/g, '');
    const role = /^\s+\[([A-Z]+)\s+(\d{8})-(\d{8})\]/.exec(line);
    if (role !== null) {
      const [, code = '', from = '', to = ''] = role;
      // An end before the start (18000101) means the role is still held.
      entries
        .at(-1)
        ?.codes.push({ code, from: petrarchDate(from), ...(to > from ? { to: petrarchDate(to) } : {}) });
      continue;
    }
    const entry = /^\s*([^\s[]+)/.exec(line);
    if (entry !== null) entries.push({ name: entry[1]!, codes: [] });
  }
  const out: ActorRecord[] = [];
  const seen = new Set<string>();
  for (const { name: rawName, codes } of entries) {
    if (codes.length === 0) continue;
    const words = rawName.split('_').filter((w) => w !== '');
    if (words.length < 2 || words.length > 4 || words.some((w) => !/^[\u0621-\u064A]{2,}$/.test(w))) continue;
    const norms = words.map((w) => normalizeArabic(w));
    if (norms.some((w) => PETRARCH_NOISE.has(w) || titleWords.has(w.replace(/^ال/, '')) || knownWords.has(w)))
      continue;
    const name = words.join(' ');
    const norm = norms.join(' ');
    if (ctx.known.has(norm) || seen.has(norm)) continue;
    seen.add(norm);
    const latest = codes.reduce((a, b) => ((b.from ?? '') > (a.from ?? '') ? b : a));
    const prefix = latest.code.slice(0, 3);
    let id = `actor:ar-${[...norm].map((ch) => TRANSLIT[ch] ?? '').join('')}`;
    for (let n = 2; out.some((a) => a.id === id); n++) id = `${id.replace(/-\d+$/, '')}-${n}`;
    out.push({
      id,
      name,
      type: 'PER',
      kind: 'person',
      ...(ctx.countries.has(prefix) ? { country: prefix } : {}),
      role: `CAMEO ${latest.code}`,
      roles: codes.map((c) => ({
        key: `cameo-${c.code.slice(3).toLowerCase() || 'actor'}`,
        scope: c.code.slice(0, 3),
        ...(c.from ? { from: c.from } : {}),
        ...(c.to ? { to: c.to } : {}),
      })),
      ar: [name],
      source: 'petrarch-arabic/actor_dict_ar_v4.txt',
    });
  }
  return out;
}

main();
