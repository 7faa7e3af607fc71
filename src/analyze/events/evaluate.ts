import type { Event, EventActor, EventType } from '../../core/annotations.ts';
import type { AnalyzedDocument } from '../../core/document.ts';
import { defaultRegistry, type Registry } from '../entities/registry/index.ts';
import { EVENT_TYPES, goldTypeAlias } from './ontology.ts';

/** A gold file in the seed's format: events with a type, canonical English source and target(s), trigger words. */
export interface EventGold {
  readonly events: readonly {
    readonly type: string;
    readonly source: string;
    readonly target: string | readonly string[];
    readonly trigger?: string;
  }[];
}

export interface TypeScore {
  readonly gold: number;
  readonly predicted: number;
  readonly matched: number;
}

export interface EventReport {
  /** Gold events, and those whose every (source, target) pair was found. */
  readonly goldEvents: number;
  readonly foundEvents: number;
  /** Scores over (type, source, target) pairs: a gold event with two targets is two pairs. */
  readonly pairs: TypeScore;
  readonly byType: ReadonlyMap<EventType, TypeScore>;
  /** Matches where an actor agreed only by country (gold "North Korea", coded Kim Jong Un, PRK). */
  readonly countryLevelMatches: number;
  /** Acts coded as happening inside a gold denial's words (the denied agreement coded as AGREE). */
  readonly deniedCodedAsActs: number;
  readonly misses: readonly string[];
}

const actorKey = (a: EventActor | undefined): string => a?.entityId ?? a?.name ?? a?.text ?? '';

function actorMatches(
  registry: Registry,
  actor: EventActor | undefined,
  gold: string,
): 'name' | 'country' | undefined {
  if (actor === undefined) return undefined;
  const wanted = gold.trim().toLowerCase();
  if (actor.name?.toLowerCase() === wanted) return 'name';
  if (actor.entityId !== undefined && registry.actors.get(actor.entityId)?.name.toLowerCase() === wanted)
    return 'name';
  // GDELT codes actors by country: a gold country matches an actor of that country (a capital, a leader).
  for (const id of registry.countryActors.values()) {
    const country = registry.actors.get(id)!;
    if (country.name.toLowerCase() === wanted)
      return actor.country === country.country ? 'country' : undefined;
  }
  return undefined;
}

/**
 * Scores a document's events against gold in the seed's format. VISIT, MEET and DENY are CONSULT/visit,
 * CONSULT/meet and REJECT/deny (the mode must agree); negated events never count as the act. Actors match by
 * canonical name, or a gold country by country code; predictions are distinct (type, mode, source, target)
 * events, the same act told twice counting once. `evaluateEvents(doc, gold).pairs.matched` → a count.
 */
export function evaluateEvents(
  doc: AnalyzedDocument,
  gold: EventGold,
  registry: Registry = defaultRegistry(),
): EventReport {
  // An act the article tells twice (the headline and the lead) is one event: score distinct (type, mode, source, target).
  const seen = new Set<string>();
  const predicted = (doc.annotations.events ?? []).filter((e) => {
    if (e.negated) return false;
    const key = [e.type, e.mode, actorKey(e.source), actorKey(e.target)].join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const used = new Set<number>();
  const byType = new Map<EventType, { gold: number; predicted: number; matched: number }>(
    EVENT_TYPES.map((t) => [t, { gold: 0, predicted: 0, matched: 0 }]),
  );
  for (const e of predicted) byType.get(e.type)!.predicted++;
  const misses: string[] = [];
  let goldPairs = 0;
  let matchedPairs = 0;
  let foundEvents = 0;
  let countryLevelMatches = 0;
  for (const g of gold.events) {
    const alias = goldTypeAlias(g.type);
    if (alias === undefined) {
      misses.push(`unknown gold type ${g.type}`);
      continue;
    }
    const targets = typeof g.target === 'string' ? [g.target] : g.target;
    let allFound = true;
    for (const target of targets) {
      goldPairs++;
      byType.get(alias.type)!.gold++;
      const index = predicted.findIndex(
        (e, i) =>
          !used.has(i) &&
          e.type === alias.type &&
          (alias.mode === undefined || e.mode === alias.mode) &&
          actorMatches(registry, e.source, g.source) !== undefined &&
          actorMatches(registry, e.target, target) !== undefined,
      );
      if (index < 0) {
        allFound = false;
        misses.push(`missed ${g.type} ${g.source} → ${target} (${g.trigger ?? ''})`);
        continue;
      }
      used.add(index);
      matchedPairs++;
      byType.get(alias.type)!.matched++;
      const e = predicted[index]!;
      if (
        actorMatches(registry, e.source, g.source) === 'country' ||
        actorMatches(registry, e.target, target) === 'country'
      )
        countryLevelMatches++;
    }
    if (allFound) foundEvents++;
  }
  return {
    goldEvents: gold.events.length,
    foundEvents,
    pairs: { gold: goldPairs, predicted: predicted.length, matched: matchedPairs },
    byType,
    countryLevelMatches,
    deniedCodedAsActs: deniedActs(doc, gold, predicted),
    misses,
  };
}

function deniedActs(doc: AnalyzedDocument, gold: EventGold, predicted: readonly Event[]): number {
  const text = doc.article.cleanText;
  let count = 0;
  for (const g of gold.events) {
    if (goldTypeAlias(g.type)?.mode !== 'deny' || g.trigger === undefined) continue;
    for (let at = text.indexOf(g.trigger); at >= 0; at = text.indexOf(g.trigger, at + 1)) {
      const end = at + g.trigger.length;
      count += predicted.filter(
        (e) => e.type !== 'REJECT' && e.trigger.start < end && e.trigger.end > at,
      ).length;
    }
  }
  return count;
}

/** A per-type table for `rasd eval events`. */
export function formatEventReport(report: EventReport, label = 'events'): string {
  const pct = (n: number, d: number) => (d === 0 ? '   —  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
  const lines = [
    `${label}: gold events ${report.goldEvents}, found ${report.foundEvents} (type, source and every target right)`,
    `  pairs: gold ${report.pairs.gold}, predicted ${report.pairs.predicted}, matched ${report.pairs.matched}` +
      `  precision ${pct(report.pairs.matched, report.pairs.predicted)}  recall ${pct(report.pairs.matched, report.pairs.gold)}`,
    `  country-level actor matches ${report.countryLevelMatches}; denied acts coded as happening ${report.deniedCodedAsActs}`,
    '  type        gold  pred  match  precision  recall',
  ];
  for (const [type, s] of report.byType) {
    if (s.gold === 0 && s.predicted === 0) continue;
    lines.push(
      `  ${type.padEnd(10)} ${String(s.gold).padStart(5)} ${String(s.predicted).padStart(5)} ${String(s.matched).padStart(6)}     ${pct(s.matched, s.predicted)}  ${pct(s.matched, s.gold)}`,
    );
  }
  return lines.join('\n');
}
