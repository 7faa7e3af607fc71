import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { RasdError } from '../../core/errors.ts';

/** A gold actor code split in two: `"TUN CVL"` → `{country: 'TUN', agent: 'CVL'}`; `None` is left out. */
export interface PetrarchActor {
  /** ISO 3166 alpha-3, or a PETRARCH pseudo-country (IGO, NGO, KUR, INT). */
  readonly country?: string;
  /** PETRARCH agent code (GOV, MIL, COP, CVL…). */
  readonly agent?: string;
}

/** One `<EventText>`/`<EventCoding>` pair, joined on `eid`. */
export interface PetrarchGoldEvent {
  readonly eid: string;
  /** The PLOVER type (`plover` attribute). */
  readonly type: string;
  /** The CAMEO code, when the file gives one (often empty). */
  readonly cameo?: string;
  /** The words of the event, and of its source and target, as the annotator marked them ('' when none). */
  readonly trigger: string;
  readonly sourceText: string;
  readonly targetText: string;
  readonly source: PetrarchActor;
  readonly target: PetrarchActor;
}

/** One `<Sentence>` of a UniversalPetrarch validation file; the `<Parse>` is not read. */
export interface PetrarchSentence {
  readonly id: string;
  /** ISO date (`20080101` → `2008-01-01`), when the sentence has a well-formed one. */
  readonly date?: string;
  readonly category?: string;
  /** False only for `evaluate="false"`: such sentences are not scored. */
  readonly evaluate: boolean;
  readonly text: string;
  readonly events: readonly PetrarchGoldEvent[];
}

/** The part of a coded event the score reads; rasd's `Event` is one. */
export interface CodedEvent {
  readonly type: string;
  readonly trigger: { readonly text: string };
  readonly source?: PetrarchActor;
  readonly target?: PetrarchActor;
}

/** Counts for one PLOVER type, or for all of them. */
export interface PetrarchTypeScore {
  /** Sentences with a gold event of the type (a sentence with two types counts under each), and gold events. */
  readonly goldSentences: number;
  readonly goldEvents: number;
  /** Of those sentences, the ones with a coded event of the type. */
  readonly found: number;
  /** Coded events of the type in sentences that have gold events, and those whose sentence has the type in its gold. */
  readonly coded: number;
  readonly correct: number;
}

/**
 * Actor agreement over gold events whose sentence has a coded event of the gold type: `gold` gives a value,
 * `coded` of those also have a coded event of the type giving one, `agree` have one giving the gold value.
 */
export interface PetrarchAgreement {
  readonly gold: number;
  readonly coded: number;
  readonly agree: number;
}

export type PetrarchAgreementField = 'sourceCountry' | 'targetCountry' | 'sourceAgent' | 'targetAgent';

export interface PetrarchMiss {
  readonly id: string;
  readonly type: string;
  readonly triggers: readonly string[];
  readonly text: string;
}

export interface PetrarchWrongType {
  readonly id: string;
  readonly goldTypes: readonly string[];
  readonly coded: readonly { readonly type: string; readonly trigger: string }[];
  readonly text: string;
}

export interface PetrarchReport {
  /** Sentences scored, and those left out for `evaluate="false"`. */
  readonly sentences: number;
  readonly notEvaluated: number;
  readonly sentencesWithGold: number;
  readonly sentencesWithCoded: number;
  readonly codedEvents: number;
  /** Coded events in sentences without gold events (no type to compare them with). */
  readonly codedWithoutGold: number;
  /** Sentences with a coded event whose type is none of the sentence's gold types. */
  readonly wrongTypeSentences: number;
  /** The types those wrong events were coded as, with counts. */
  readonly wrongTypes: Readonly<Record<string, number>>;
  readonly total: PetrarchTypeScore;
  /** Per gold type, and per type coded in a gold sentence without being its gold type (no gold sentences then). */
  readonly byType: Readonly<Record<string, PetrarchTypeScore>>;
  readonly agreement: Readonly<Record<PetrarchAgreementField, PetrarchAgreement>>;
  readonly missed: readonly PetrarchMiss[];
  readonly wrongType: readonly PetrarchWrongType[];
}

type Loose = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // The CoNLL-U parse is large and unused: keep it as raw text rather than walking it.
  stopNodes: ['*.Parse'],
  isArray: (name) => name === 'Sentence' || name === 'EventText' || name === 'EventCoding',
});

const list = (value: unknown): Loose[] =>
  Array.isArray(value) ? (value as Loose[]) : value === undefined ? [] : [value as Loose];
const attr = (node: Loose | undefined, name: string): string | undefined => {
  const value = node?.[`@${name}`];
  return typeof value === 'string' ? value : undefined;
};
const textOf = (value: unknown): string =>
  typeof value === 'string'
    ? value
    : typeof (value as Loose)?.['#text'] === 'string'
      ? ((value as Loose)['#text'] as string)
      : '';

/** `"TUN None"` → `{country: 'TUN'}`: country first, agent second, `None` for unknown. */
function actorOf(code: string | undefined): PetrarchActor {
  const [country, ...agent] = (code ?? '').trim().split(/\s+/);
  const known = (s: string | undefined) => (s === undefined || s === '' || s === 'None' ? undefined : s);
  const c = known(country);
  const a = known(agent.join(' '));
  return { ...(c ? { country: c } : {}), ...(a ? { agent: a } : {}) };
}

/**
 * Reads a UniversalPetrarch validation file (`<Validation><Sentences><Sentence …>`). Throws a RasdError naming
 * the file (and the sentence) for malformed XML or an `<EventCoding>` without a PLOVER type.
 * `parsePetrarchGold(xml, 'gold.xml')[0].events[0].source` → `{country: 'TUN'}`.
 */
export function parsePetrarchGold(xml: string, name: string): readonly PetrarchSentence[] {
  // The published protest file (arabic_protest_gsr_validation.xml) stops after </Sentences>: close its root.
  const closed =
    /<Validation[\s>]/.test(xml) && !/<\/Validation>\s*$/.test(xml) ? `${xml}\n</Validation>` : xml;
  const valid = XMLValidator.validate(closed);
  if (valid !== true)
    throw new RasdError(
      'E_BAD_DOCUMENT',
      `not a PETRARCH gold file: ${valid.err.msg} (line ${valid.err.line})`,
      {
        input: name,
      },
    );
  const tree = parser.parse(closed) as Loose;
  const root = tree.Validation as Loose | undefined;
  if (root === undefined)
    throw new RasdError('E_BAD_DOCUMENT', 'not a PETRARCH gold file: no <Validation> root', { input: name });
  return list((root.Sentences as Loose | undefined)?.Sentence).map((node, index): PetrarchSentence => {
    const id = attr(node, 'id') ?? String(index + 1);
    const texts = new Map(list(node.EventText).map((t) => [attr(t, 'eid') ?? '', t]));
    const events = list(node.EventCoding).map((coding): PetrarchGoldEvent => {
      const eid = attr(coding, 'eid') ?? '';
      const type = attr(coding, 'plover')?.trim();
      if (!type)
        throw new RasdError(
          'E_BAD_DOCUMENT',
          `sentence ${id}: <EventCoding eid="${eid}"> has no plover type`,
          {
            input: name,
            record: index + 1,
          },
        );
      const words = texts.get(eid);
      const cameo = attr(coding, 'eventcode')?.trim();
      return {
        eid,
        type,
        ...(cameo ? { cameo } : {}),
        trigger: attr(words, 'eventtext') ?? '',
        sourceText: attr(words, 'sourcetext') ?? '',
        targetText: attr(words, 'targettext') ?? '',
        source: actorOf(attr(coding, 'sourcecode')),
        target: actorOf(attr(coding, 'targetcode')),
      };
    });
    const date = /^(\d{4})(\d{2})(\d{2})$/.exec(attr(node, 'date') ?? '');
    const category = attr(node, 'category');
    return {
      id,
      ...(date ? { date: `${date[1]}-${date[2]}-${date[3]}` } : {}),
      ...(category !== undefined ? { category } : {}),
      evaluate: attr(node, 'evaluate') !== 'false',
      text: textOf(node.Text).trim(),
      events,
    };
  });
}

const emptyScore = () => ({ goldSentences: 0, goldEvents: 0, found: 0, coded: 0, correct: 0 });
const AGREEMENT_FIELDS: readonly [PetrarchAgreementField, 'source' | 'target', 'country' | 'agent'][] = [
  ['sourceCountry', 'source', 'country'],
  ['targetCountry', 'target', 'country'],
  ['sourceAgent', 'source', 'agent'],
  ['targetAgent', 'target', 'agent'],
];

/**
 * Scores a coder on gold sentences, each coded alone by `codeSentence` (called once per scored sentence).
 * Types are compared per sentence (the gold marks no offsets); actors by country and agent code.
 * `evaluatePetrarch(sentences, (s) => codeEvents(s.text)).total.found` → sentences whose gold type was coded.
 */
export function evaluatePetrarch(
  sentences: readonly PetrarchSentence[],
  codeSentence: (sentence: PetrarchSentence) => readonly CodedEvent[],
): PetrarchReport {
  const scored = sentences.filter((s) => s.evaluate);
  const byType = new Map<string, ReturnType<typeof emptyScore>>();
  const agreement = Object.fromEntries(
    AGREEMENT_FIELDS.map(([field]) => [field, { gold: 0, coded: 0, agree: 0 }]),
  ) as Record<PetrarchAgreementField, { gold: number; coded: number; agree: number }>;
  const wrongTypes: Record<string, number> = {};
  const missed: PetrarchMiss[] = [];
  const wrongType: PetrarchWrongType[] = [];
  let sentencesWithCoded = 0;
  let codedEvents = 0;
  let codedWithoutGold = 0;
  for (const sentence of scored) {
    const coded = codeSentence(sentence);
    codedEvents += coded.length;
    if (coded.length > 0) sentencesWithCoded++;
    if (sentence.events.length === 0) {
      codedWithoutGold += coded.length;
      continue;
    }
    const goldTypes = [...new Set(sentence.events.map((g) => g.type))];
    for (const type of goldTypes) {
      const score = byType.get(type) ?? emptyScore();
      byType.set(type, score);
      const golds = sentence.events.filter((g) => g.type === type);
      const sameType = coded.filter((e) => e.type === type);
      score.goldSentences++;
      score.goldEvents += golds.length;
      score.coded += sameType.length;
      score.correct += sameType.length;
      if (sameType.length === 0) {
        missed.push({ id: sentence.id, type, triggers: golds.map((g) => g.trigger), text: sentence.text });
        continue;
      }
      score.found++;
      for (const g of golds)
        for (const [field, role, code] of AGREEMENT_FIELDS) {
          const wanted = g[role][code];
          if (wanted === undefined) continue;
          agreement[field].gold++;
          if (sameType.some((e) => e[role]?.[code] !== undefined)) agreement[field].coded++;
          if (sameType.some((e) => e[role]?.[code] === wanted)) agreement[field].agree++;
        }
    }
    const wrong = coded.filter((e) => !goldTypes.includes(e.type));
    if (wrong.length === 0) continue;
    wrongType.push({
      id: sentence.id,
      goldTypes,
      coded: wrong.map((e) => ({ type: e.type, trigger: e.trigger.text })),
      text: sentence.text,
    });
    for (const e of wrong) {
      wrongTypes[e.type] = (wrongTypes[e.type] ?? 0) + 1;
      // A wrong event is coded in a gold sentence: it lowers precision, under the type it was coded as.
      const score = byType.get(e.type) ?? emptyScore();
      byType.set(e.type, score);
      score.coded++;
    }
  }
  const total = emptyScore();
  for (const score of byType.values())
    for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += score[key];
  return {
    sentences: scored.length,
    notEvaluated: sentences.length - scored.length,
    sentencesWithGold: scored.filter((s) => s.events.length > 0).length,
    sentencesWithCoded,
    codedEvents,
    codedWithoutGold,
    wrongTypeSentences: wrongType.length,
    wrongTypes,
    total,
    byType: Object.fromEntries([...byType].sort(([a], [b]) => a.localeCompare(b))),
    agreement,
    missed,
    wrongType,
  };
}

const pct = (n: number, d: number) => (d === 0 ? '    —  ' : `${((100 * n) / d).toFixed(1).padStart(6)}%`);
const ratio = (n: number, d: number) => `${`${n}/${d}`.padStart(9)} ${pct(n, d)}`;
const clip = (text: string, max = 120) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The table for `rasd eval petrarch`; `verbose` adds the missed and wrong-type sentences.
 * `formatPetrarchReport(report, 'protest.xml')` → lines beginning `protest.xml: 272 sentences…`.
 */
export function formatPetrarchReport(report: PetrarchReport, label = 'petrarch', verbose = false): string {
  const t = report.total;
  const wrong = Object.entries(report.wrongTypes)
    .sort(([, a], [, b]) => b - a)
    .map(([type, n]) => `${type} ${n}`)
    .join(', ');
  const lines = [
    `${label}: ${report.sentences} sentences scored (${report.notEvaluated} evaluate="false" left out), ` +
      `${report.sentencesWithGold} with gold events (${t.goldEvents} events), ${report.sentencesWithCoded} with a coded event (${report.codedEvents} events)`,
    `  sentence recall of the gold type      ${ratio(t.found, t.goldSentences)}`,
    `  event precision vs the gold type      ${ratio(t.correct, t.coded)}`,
    `  sentences with a wrong-type event     ${String(report.wrongTypeSentences).padStart(9)}${wrong ? `   (coded as ${wrong})` : ''}`,
  ];
  if (report.codedWithoutGold > 0)
    lines.push(`  coded events in sentences without gold ${String(report.codedWithoutGold).padStart(8)}`);
  lines.push('  actors, where the gold type was coded:  agree/gold given   agree/both given');
  const names: Record<PetrarchAgreementField, string> = {
    sourceCountry: 'source country',
    targetCountry: 'target country',
    sourceAgent: 'source agent',
    targetAgent: 'target agent',
  };
  for (const [field, name] of Object.entries(names) as [PetrarchAgreementField, string][]) {
    const a = report.agreement[field];
    lines.push(
      `    ${name.padEnd(16)}                 ${ratio(a.agree, a.gold)}   ${ratio(a.agree, a.coded)}`,
    );
  }
  const goldTypes = Object.entries(report.byType).filter(([, s]) => s.goldSentences > 0);
  if (goldTypes.length > 1) {
    lines.push('  type        sentences  found   recall   coded  correct  precision');
    for (const [type, s] of goldTypes)
      lines.push(
        `  ${type.padEnd(10)} ${String(s.goldSentences).padStart(10)} ${String(s.found).padStart(6)} ${pct(s.found, s.goldSentences)} ${String(s.coded).padStart(7)} ${String(s.correct).padStart(8)}    ${pct(s.correct, s.coded)}`,
      );
  }
  if (verbose) {
    lines.push(`  missed (${report.missed.length}):`);
    for (const m of report.missed)
      lines.push(`    - ${m.id} ${m.type} «${m.triggers.join('، ')}»: ${clip(m.text)}`);
    lines.push(`  wrong type (${report.wrongType.length}):`);
    for (const w of report.wrongType)
      lines.push(
        `    - ${w.id} gold ${w.goldTypes.join('/')}, coded ${w.coded.map((c) => `${c.type} «${c.trigger}»`).join(', ')}: ${clip(w.text)}`,
      );
  }
  return lines.join('\n');
}
