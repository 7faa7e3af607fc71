import type { AnalyzedDocument } from '../../core/document.ts';

/** Gold entities in the seed / quotes-dev format: each with its type and the surfaces it is mentioned by. */
export interface EntityGold {
  readonly entities: readonly {
    readonly canonical: string;
    readonly type: string;
    readonly mentions: readonly string[];
  }[];
}

export interface EntityReport {
  readonly entities: number;
  /** Gold entities with at least one surface found. */
  readonly found: number;
  /** … found with the gold type. */
  readonly typed: number;
  readonly surfaces: number;
  readonly surfacesFound: number;
  /** Gold entities with two or more surfaces found… */
  readonly linkable: number;
  /** …whose surfaces all point at one entity. */
  readonly linked: number;
  /** Gold entities sharing a predicted entity with another gold entity (two people made one). */
  readonly merged: number;
  readonly misses: string[];
}

// A mention may start a proclitic or two after the gold surface (gold للجيش التركي, found الجيش التركي).
const MAX_CUT = 2;

/**
 * Scores the entities of an analyzed article against gold: which gold surfaces are found as mentions
 * (ending where the surface ends, proclitics aside), with which type, and whether each gold entity's
 * surfaces are linked to one entity and to no other gold entity's. Gold lists surfaces, not offsets, so a
 * surface counts as found when any of its occurrences is.
 */
export function evaluateEntities(doc: AnalyzedDocument, gold: EntityGold): EntityReport {
  const text = doc.article.cleanText;
  const mentions = doc.annotations.mentions ?? [];
  const entityType = new Map((doc.annotations.entities ?? []).map((e) => [e.id, e.type]));
  const misses: string[] = [];
  let found = 0;
  let typed = 0;
  let surfaces = 0;
  let surfacesFound = 0;
  let linkable = 0;
  let linked = 0;
  const owners = new Map<string, Set<number>>();
  gold.entities.forEach((g, index) => {
    const ids = new Set<string>();
    let surfacesOfEntity = 0;
    let rightType = false;
    for (const surface of new Set(g.mentions)) {
      if (!text.includes(surface)) continue;
      surfaces++;
      const covering = occurrences(text, surface).flatMap(([start, end]) =>
        mentions.filter((m) => m.end === end && m.start >= start && m.start <= start + MAX_CUT),
      );
      if (covering.length === 0) {
        misses.push(`missed (${g.type}, ${g.canonical}): ${surface}`);
        continue;
      }
      surfacesFound++;
      surfacesOfEntity++;
      for (const m of covering) {
        ids.add(m.entityId);
        if ((entityType.get(m.entityId) ?? m.type) === g.type) rightType = true;
      }
    }
    if (surfacesOfEntity === 0) return;
    found++;
    if (rightType) typed++;
    else
      misses.push(
        `type (${g.type}, ${g.canonical}): found as ${[...ids].map((id) => entityType.get(id)).join('/')}`,
      );
    if (surfacesOfEntity >= 2) {
      linkable++;
      if (ids.size === 1) linked++;
      else misses.push(`split (${g.canonical}): ${ids.size} entities ${[...ids].join(', ')}`);
    }
    for (const id of ids) owners.set(id, (owners.get(id) ?? new Set()).add(index));
  });
  const mergedGold = new Set<number>();
  for (const [id, golds] of owners) {
    if (golds.size < 2) continue;
    for (const g of golds) mergedGold.add(g);
    misses.push(`merged (${id}): ${[...golds].map((g) => gold.entities[g]!.canonical).join(' + ')}`);
  }
  return {
    entities: gold.entities.length,
    found,
    typed,
    surfaces,
    surfacesFound,
    linkable,
    linked,
    merged: mergedGold.size,
    misses,
  };
}

function occurrences(text: string, surface: string): [number, number][] {
  const spans: [number, number][] = [];
  for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1))
    spans.push([at, at + surface.length]);
  return spans;
}

/** Sums reports over files. */
export function sumEntityReports(reports: readonly EntityReport[]): EntityReport {
  const sum = (pick: (r: EntityReport) => number) => reports.reduce((total, r) => total + pick(r), 0);
  return {
    entities: sum((r) => r.entities),
    found: sum((r) => r.found),
    typed: sum((r) => r.typed),
    surfaces: sum((r) => r.surfaces),
    surfacesFound: sum((r) => r.surfacesFound),
    linkable: sum((r) => r.linkable),
    linked: sum((r) => r.linked),
    merged: sum((r) => r.merged),
    misses: reports.flatMap((r) => r.misses),
  };
}

/** `label: entities 9 found 8 (right type 7) · surfaces 15 found 12 · linked 5/6 · merged 0`. */
export function formatEntityReport(report: EntityReport, label: string): string {
  const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
  return [
    `${label}: gold entities ${report.entities}, found ${report.found} (${pct(report.found, report.entities)}), with the right type ${report.typed}`,
    `  surfaces in the text ${report.surfaces}, found ${report.surfacesFound} (${pct(report.surfacesFound, report.surfaces)})`,
    `  one entity for all its surfaces ${report.linked}/${report.linkable}; gold entities merged with another ${report.merged}`,
  ].join('\n');
}
