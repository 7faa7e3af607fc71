import {
  baselineScore,
  bestThreshold,
  evaluateStance,
  methodScore,
  PAIR_KINDS,
  type PairFigures,
  pairFigures,
  type StanceFigures,
  type StancePair,
  thresholdForUnrelated,
} from './evaluate.ts';
import { defaultIdf } from './idf.ts';
import { DEFAULT_MODEL } from './model.ts';
import { buildPairs, type CorpusRecord, prepareArticles, splitIndices } from './pairs.ts';

export interface IntegrityReport {
  readonly articles: { readonly corpus: number; readonly heldOut: number; readonly usable: number };
  readonly pairs: number;
  /** The method at the threshold learned on the training portion (data/integrity/model.json). */
  readonly method: PairFigures;
  /** The method at the threshold that would be best on these held-out pairs (an upper bound). */
  readonly methodBestThreshold: PairFigures;
  /** The plain baseline at the threshold that is best on these held-out pairs (favouring the baseline). */
  readonly baseline: PairFigures;
  /** The baseline at the threshold where it rejects as many random pairs as the method does (same false-alarm side). */
  readonly baselineSameRandom: PairFigures;
  readonly stance?: StanceFigures;
}

export interface IntegrityEvalOptions {
  /** Use at most this many held-out articles (default: all). */
  readonly limit?: number;
  readonly seed?: number;
}

/**
 * Measures the headline check on real news: the held-out portion of the corpus (the part
 * scripts/learn-integrity.ts did not read), paired title/body three ways, beside the plain baseline; and,
 * when given, on ANS headline pairs. Pure: the caller loads the data.
 */
export function evaluateIntegrity(
  records: readonly CorpusRecord[],
  stance: readonly StancePair[] | undefined,
  options: IntegrityEvalOptions = {},
): IntegrityReport {
  const { test } = splitIndices(records.length);
  const heldOut = options.limit !== undefined ? test.slice(0, options.limit) : test;
  const articles = prepareArticles(records, heldOut);
  const pairs = buildPairs(articles, options.seed);
  const idf = defaultIdf();
  const scores = pairs.map((p) => methodScore(p, idf));
  const baseline = pairs.map(baselineScore);
  const method = pairFigures(pairs, scores, DEFAULT_MODEL.threshold);
  return {
    articles: { corpus: records.length, heldOut: heldOut.length, usable: articles.length },
    pairs: pairs.length,
    method,
    methodBestThreshold: pairFigures(pairs, scores, bestThreshold(pairs, scores)),
    baseline: pairFigures(pairs, baseline, bestThreshold(pairs, baseline)),
    baselineSameRandom: pairFigures(pairs, baseline, thresholdForUnrelated(pairs, baseline, method.kinds.random.accuracy, 0)),
    ...(stance !== undefined ? { stance: evaluateStance(stance, idf) } : {}),
  };
}

const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
const num = (x: number) => x.toFixed(3);

function figureLines(name: string, f: PairFigures): string[] {
  const kinds = PAIR_KINDS.map((k) => `${k} ${pct(f.kinds[k].accuracy)}`).join(' · ');
  return [
    `  ${name} (threshold ${num(f.threshold)}): ${kinds}`,
    `      "unrelated": precision ${pct(f.unrelatedPrecision)}, recall ${pct(f.unrelatedRecall)}; ` +
      `AUC own vs random ${num(f.kinds.random.auc)}, vs same-day ${num(f.kinds['same-day'].auc)}`,
  ];
}

/** The report as text, one figure per line. */
export function formatIntegrityReport(r: IntegrityReport): string {
  const counts = PAIR_KINDS.map((k) => `${r.method.kinds[k].pairs} ${k}`).join(', ');
  const lines = [
    `headline–body consistency on held-out SaudiNewsNet articles: ${r.articles.usable} usable of ${r.articles.heldOut} held out (corpus ${r.articles.corpus})`,
    `  pairs: ${counts} (near-duplicate stories left out)`,
    ...figureLines('method, learned threshold', r.method),
    ...figureLines('method, best threshold on these pairs', r.methodBestThreshold),
    ...figureLines('baseline (share of title words in the lead), best threshold on these pairs', r.baseline),
    ...figureLines('baseline, threshold rejecting as many random pairs as the method', r.baselineSameRandom),
  ];
  if (r.stance !== undefined) {
    const s = r.stance;
    lines.push(
      `ANS headline pairs (${s.pairs.agree} agree, ${s.pairs.disagree} disagree, ${s.pairs.other} other):`,
      `  mean score: agree ${num(s.meanScore.agree)}, disagree ${num(s.meanScore.disagree)}, other ${num(s.meanScore.other)}`,
      `  ROC AUC agree vs rest ${num(s.aucAgreeVsRest)}, vs disagree ${num(s.aucAgreeVsDisagree)}, vs other ${num(s.aucAgreeVsOther)}`,
      `  baseline ROC AUC agree vs rest ${num(s.baselineAucAgreeVsRest)}, vs other ${num(s.baselineAucAgreeVsOther)}`,
    );
  }
  return lines.join('\n');
}
