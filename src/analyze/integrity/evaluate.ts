import { contentKey } from '../../clean/headline.ts';
import { splitSentences } from '../../text/sentences.ts';
import { tokenize } from '../../text/tokenize.ts';
import { measure, profileBody, profileTitle } from './features.ts';
import { defaultIdf, type IdfTable } from './idf.ts';
import { DEFAULT_MODEL, type IntegrityModel, scoreFeatures } from './model.ts';
import type { Pair, PairKind } from './pairs.ts';

export const PAIR_KINDS: readonly PairKind[] = ['own', 'random', 'same-day'];

/** The method's score for a pair (probability that the title belongs to the body). */
export function methodScore(
  pair: Pair,
  idf: IdfTable = defaultIdf(),
  model: IntegrityModel = DEFAULT_MODEL,
): number {
  return scoreFeatures(measure(pair.title.title, pair.body.body, idf), model);
}

/** The plain baseline: share of the title's normalized content words found in the body's lead. */
export function baselineScore(pair: Pair): number {
  const keys = pair.title.titleKeys;
  if (keys.length === 0) return 0;
  return keys.filter((k) => pair.body.leadKeys.has(k)).length / keys.length;
}

export interface KindFigures {
  readonly pairs: number;
  /** Share judged correctly: related for own pairs, unrelated for the others. */
  readonly accuracy: number;
  /** Area under the ROC curve of own pairs against this kind (own: against all unrelated pairs). */
  readonly auc: number;
}

export interface PairFigures {
  readonly threshold: number;
  readonly kinds: Readonly<Record<PairKind, KindFigures>>;
  /** For the verdict "unrelated", over all pairs. */
  readonly unrelatedPrecision: number;
  readonly unrelatedRecall: number;
}

/** Scores pairs at a threshold: accuracy per kind, AUC against own pairs, precision/recall of "unrelated". */
export function pairFigures(
  pairs: readonly Pair[],
  scores: readonly number[],
  threshold: number,
): PairFigures {
  const byKind = (kind: PairKind) => scores.filter((_, i) => pairs[i]!.kind === kind);
  const own = byKind('own');
  const unrelated = scores.filter((_, i) => pairs[i]!.kind !== 'own');
  const kinds = {} as Record<PairKind, KindFigures>;
  for (const kind of PAIR_KINDS) {
    const s = byKind(kind);
    const right =
      kind === 'own' ? s.filter((x) => x >= threshold).length : s.filter((x) => x < threshold).length;
    kinds[kind] = {
      pairs: s.length,
      accuracy: s.length > 0 ? right / s.length : 0,
      auc: rocAuc(own, kind === 'own' ? unrelated : s),
    };
  }
  const flagged = scores.filter((x) => x < threshold).length;
  const flaggedRight = unrelated.filter((x) => x < threshold).length;
  return {
    threshold,
    kinds,
    unrelatedPrecision: flagged > 0 ? flaggedRight / flagged : 0,
    unrelatedRecall: unrelated.length > 0 ? flaggedRight / unrelated.length : 0,
  };
}

/**
 * The threshold that maximizes the mean accuracy over the pair kinds (each kind counts the same).
 * `bestThreshold(pairs, scores)` → a score value; pairs scoring at or above it are judged related.
 */
export function bestThreshold(pairs: readonly Pair[], scores: readonly number[]): number {
  const sorted = Object.fromEntries(
    PAIR_KINDS.map((kind) => [kind, scores.filter((_, i) => pairs[i]!.kind === kind).sort((a, b) => a - b)]),
  ) as Record<PairKind, number[]>;
  const candidates = [...new Set(scores)].sort((a, b) => a - b);
  let best = 0.5;
  let bestValue = -1;
  for (const t of candidates) {
    let value = 0;
    for (const kind of PAIR_KINDS) {
      const s = sorted[kind];
      if (s.length === 0) continue;
      const below = countBelow(s, t);
      value += kind === 'own' ? (s.length - below) / s.length : below / s.length;
    }
    if (value > bestValue) {
      bestValue = value;
      best = t;
    }
  }
  return best;
}

/**
 * The lowest threshold (so the most own pairs judged related) at which at least `random` of the random pairs
 * and `sameDay` of the same-day pairs are judged unrelated. `thresholdForUnrelated(pairs, scores, 0.9925, 0.95)`
 * → a score value; pairs scoring at or above it are judged related.
 */
export function thresholdForUnrelated(
  pairs: readonly Pair[],
  scores: readonly number[],
  random: number,
  sameDay: number,
): number {
  // At threshold t, a kind's share judged unrelated is the share of its scores below t: t must lie above the
  // score at rank ceil(share · n).
  const cut = (kind: PairKind, share: number) => {
    const s = scores.filter((_, i) => pairs[i]!.kind === kind).sort((a, b) => a - b);
    if (s.length === 0 || share <= 0) return Number.NEGATIVE_INFINITY;
    const at = s[Math.min(s.length, Math.ceil(share * s.length)) - 1]!;
    return s.find((x) => x > at) ?? at + 1e-9;
  };
  return Math.max(cut('random', random), cut('same-day', sameDay));
}

/** How many values of an ascending array are below `t`. */
function countBelow(sorted: readonly number[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** ROC AUC: the probability that a random positive scores above a random negative (ties count half). */
export function rocAuc(positives: readonly number[], negatives: readonly number[]): number {
  if (positives.length === 0 || negatives.length === 0) return Number.NaN;
  const all = [...positives.map((s) => [s, 1] as const), ...negatives.map((s) => [s, 0] as const)].sort(
    (a, b) => a[0] - b[0],
  );
  let rankSum = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j]![0] === all[i]![0]) j++;
    const meanRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (all[k]![1] === 1) rankSum += meanRank;
    i = j;
  }
  const p = positives.length;
  return (rankSum - (p * (p + 1)) / 2) / (p * negatives.length);
}

/** One headline pair of the ANS stance corpus. */
export interface StancePair {
  readonly s1: string;
  readonly s2: string;
  readonly stance: 'agree' | 'disagree' | 'other';
}

/** Parses ANS CSV (`s1,s2,stance`, RFC 4180 quoting). */
export function parseStanceCsv(csv: string): StancePair[] {
  const rows = parseCsv(csv);
  const header = rows.shift() ?? [];
  const at = (name: string) => header.indexOf(name);
  return rows
    .filter((r) => r.length >= 3)
    .map((r) => ({ s1: r[at('s1')]!, s2: r[at('s2')]!, stance: r[at('stance')] as StancePair['stance'] }));
}

function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i]!;
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && csv[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

export interface StanceFigures {
  readonly pairs: Readonly<Record<StancePair['stance'], number>>;
  readonly meanScore: Readonly<Record<StancePair['stance'], number>>;
  readonly aucAgreeVsRest: number;
  readonly aucAgreeVsDisagree: number;
  readonly aucAgreeVsOther: number;
  readonly baselineAucAgreeVsRest: number;
  readonly baselineAucAgreeVsOther: number;
}

/** How well the score separates paraphrased headlines (agree) from contradicting (disagree) and unrelated (other) ones. */
export function evaluateStance(
  pairs: readonly StancePair[],
  idf: IdfTable = defaultIdf(),
  model: IntegrityModel = DEFAULT_MODEL,
): StanceFigures {
  const method: Record<string, number[]> = { agree: [], disagree: [], other: [] };
  const baseline: Record<string, number[]> = { agree: [], disagree: [], other: [] };
  for (const pair of pairs) {
    const titleTokens = tokenize(pair.s1);
    const bodyTokens = tokenize(pair.s2);
    const body = profileBody(bodyTokens, splitSentences(pair.s2, bodyTokens));
    method[pair.stance]?.push(scoreFeatures(measure(profileTitle(titleTokens), body, idf), model));
    const keys = [...new Set(titleTokens.map(contentKey).filter((k) => k !== undefined))];
    const bodyKeys = new Set(bodyTokens.map(contentKey));
    baseline[pair.stance]?.push(
      keys.length > 0 ? keys.filter((k) => bodyKeys.has(k)).length / keys.length : 0,
    );
  }
  const mean = (xs: readonly number[]) =>
    xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN;
  const rest = (scores: Record<string, number[]>) => [...scores.disagree!, ...scores.other!];
  return {
    pairs: { agree: method.agree!.length, disagree: method.disagree!.length, other: method.other!.length },
    meanScore: { agree: mean(method.agree!), disagree: mean(method.disagree!), other: mean(method.other!) },
    aucAgreeVsRest: rocAuc(method.agree!, rest(method)),
    aucAgreeVsDisagree: rocAuc(method.agree!, method.disagree!),
    aucAgreeVsOther: rocAuc(method.agree!, method.other!),
    baselineAucAgreeVsRest: rocAuc(baseline.agree!, rest(baseline)),
    baselineAucAgreeVsOther: rocAuc(baseline.agree!, baseline.other!),
  };
}
