import type { EntityType } from '../../../core/annotations.ts';
import { ENTITY_TYPES, spansOf } from './tags.ts';

/** Counts and scores for one entity type (or all of them). */
export interface NerScore {
  readonly gold: number;
  readonly predicted: number;
  readonly correct: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** Entity-level scores, CoNLL-style: a name counts only when its span and type both match exactly. */
export interface NerReport {
  readonly sentences: number;
  readonly words: number;
  readonly byType: Readonly<Record<EntityType, NerScore>>;
  /** Micro-average over all types. */
  readonly micro: NerScore;
}

function score(gold: number, predicted: number, correct: number): NerScore {
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = gold === 0 ? 0 : correct / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { gold, predicted, correct, precision, recall, f1 };
}

/**
 * Scores predicted BIO tags against gold ones, sentence by sentence.
 * `scoreTags([['B-PER']], [['B-PER']]).micro.f1` → 1.
 */
export function scoreTags(
  gold: readonly (readonly string[])[],
  predicted: readonly (readonly string[])[],
): NerReport {
  const counts = new Map<string, [number, number, number]>(ENTITY_TYPES.map((t) => [t, [0, 0, 0]]));
  let words = 0;
  gold.forEach((goldTags, i) => {
    words += goldTags.length;
    const goldSpans = spansOf(goldTags);
    const predictedSpans = spansOf(predicted[i] ?? []);
    const goldKeys = new Set(goldSpans.map((s) => `${s.start}:${s.end}:${s.type}`));
    for (const s of goldSpans) counts.get(s.type)![0]++;
    for (const s of predictedSpans) {
      const c = counts.get(s.type);
      if (!c) continue;
      c[1]++;
      if (goldKeys.has(`${s.start}:${s.end}:${s.type}`)) c[2]++;
    }
  });
  const byType = Object.fromEntries([...counts].map(([t, [g, p, c]]) => [t, score(g, p, c)])) as Record<
    EntityType,
    NerScore
  >;
  const sum = (k: 'gold' | 'predicted' | 'correct') => ENTITY_TYPES.reduce((n, t) => n + byType[t][k], 0);
  return {
    sentences: gold.length,
    words,
    byType,
    micro: score(sum('gold'), sum('predicted'), sum('correct')),
  };
}

/**
 * The report as a fixed-width table, one row per type and a micro-average row.
 * `formatNerReport(report)` → `'type  precision  recall  F1  gold  found  correct\nPER …'`.
 */
export function formatNerReport(report: NerReport): string {
  const pct = (x: number) => (x * 100).toFixed(2).padStart(9);
  const num = (x: number) => String(x).padStart(8);
  const row = (name: string, s: NerScore) =>
    `${name.padEnd(6)}${pct(s.precision)}${pct(s.recall)}${pct(s.f1)}${num(s.gold)}${num(s.predicted)}${num(s.correct)}`;
  return [
    `${report.sentences} sentences, ${report.words} words; entity-level exact match (span and type)`,
    `${'type'.padEnd(6)}${'precision'.padStart(9)}${'recall'.padStart(9)}${'F1'.padStart(9)}${'gold'.padStart(8)}${'found'.padStart(8)}${'correct'.padStart(8)}`,
    ...ENTITY_TYPES.map((t) => row(t, report.byType[t])),
    row('micro', report.micro),
  ].join('\n');
}
