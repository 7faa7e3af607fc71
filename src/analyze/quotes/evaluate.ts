import type { AnalyzedDocument } from '../../core/document.ts';
import { normalizeArabic } from '../../text/normalize.ts';

/** A gold file in the seed's format: quotes (kind, speaker, cue, text…) and not_quotes. */
export interface QuoteGold {
  readonly quotes: readonly { kind: string; speaker: string; text: string; offset?: number }[];
  readonly not_quotes?: readonly { text: string }[];
  /** Speakers with the Arabic mentions that name them (quotes-dev format). */
  readonly entities?: readonly { canonical: string; mentions: readonly string[] }[];
}

export interface QuoteReport {
  readonly gold: number;
  readonly predicted: number;
  /** Gold quotes matched by a predicted quote covering ≥ 90% of the gold text. */
  readonly found: number;
  readonly precision: number;
  readonly recall: number;
  /** Among found quotes: speaker right, form (direct/indirect/mixed) right. */
  readonly speakerRight: number;
  readonly kindRight: number;
  /** Not-quotes (names, titles, scare quotes) that were reported as quotes. */
  readonly notQuotesReported: number;
  readonly misses: readonly string[];
}

const MIN_GOLD_COVERAGE = 0.9;
// A prediction must also be mostly gold, so one giant span cannot match everything.
const MIN_PREDICTION_PRECISION = 0.5;

/**
 * Scores a document's quotes against gold in the seed's format. Gold texts are located in the clean text;
 * a gold speaker matches the linked entity's name, the speaker's own words, or any unnamed source when the
 * gold says "unnamed …". `evaluateQuotes(doc, gold).recall` → 0–1.
 */
export function evaluateQuotes(doc: AnalyzedDocument, gold: QuoteGold): QuoteReport {
  const text = doc.article.cleanText;
  const quotes = doc.annotations.quotes ?? [];
  const entities = new Map((doc.annotations.entities ?? []).map((e) => [e.id, e]));
  const matchedPredictions = new Set<number>();
  const goldMentions = new Map((gold.entities ?? []).map((e) => [e.canonical, e.mentions]));
  let found = 0;
  let speakerRight = 0;
  let kindRight = 0;
  const misses: string[] = [];
  for (const g of gold.quotes) {
    const start = g.offset ?? text.indexOf(g.text);
    if (start < 0) {
      misses.push(`gold text not in clean text: ${g.text.slice(0, 40)}`);
      continue;
    }
    const end = start + g.text.length;
    let best = -1;
    let bestOverlap = 0;
    quotes.forEach((q, index) => {
      const overlap = Math.max(0, Math.min(end, q.end) - Math.max(start, q.start));
      if (overlap > bestOverlap && overlap >= MIN_PREDICTION_PRECISION * (q.end - q.start)) {
        best = index;
        bestOverlap = overlap;
      }
    });
    if (best < 0 || bestOverlap < MIN_GOLD_COVERAGE * g.text.length) {
      misses.push(`missed (${g.kind}, ${g.speaker}): ${g.text.slice(0, 50)}`);
      continue;
    }
    found++;
    matchedPredictions.add(best);
    const q = quotes[best]!;
    if (q.form === g.kind) kindRight++;
    else misses.push(`kind ${q.form} ≠ ${g.kind}: ${g.text.slice(0, 40)}`);
    const entity = q.speaker?.entityId === undefined ? undefined : entities.get(q.speaker.entityId);
    // The names the prediction gives its speaker: the speaker's words and every mention of its entity.
    const predictedNames = [
      ...(q.speaker === undefined ? [] : [q.speaker.text]),
      ...(doc.annotations.mentions ?? [])
        .filter((m) => m.entityId === q.speaker?.entityId)
        .map((m) => m.text),
    ];
    const goldNames = goldMentions.get(g.speaker) ?? [];
    const speakerOk =
      (g.speaker.startsWith('unnamed') && q.speaker?.anonymous === true) ||
      (entity !== undefined && sameName(entity.name, g.speaker)) ||
      (q.speaker !== undefined && sameName(q.speaker.text, g.speaker)) ||
      predictedNames.some((p) => goldNames.some((n) => namesMatch(p, n)));
    if (speakerOk) speakerRight++;
    else
      misses.push(`speaker ${entity?.name ?? q.speaker?.text ?? '—'} ≠ ${g.speaker}: ${g.text.slice(0, 40)}`);
  }
  let notQuotesReported = 0;
  for (const n of gold.not_quotes ?? []) {
    const start = text.indexOf(n.text);
    if (start < 0) continue;
    const end = start + n.text.length;
    // Reported when a quote's span lies within the marked name or title.
    if (quotes.some((q) => q.start >= start && q.end <= end)) {
      notQuotesReported++;
      misses.push(`not-quote reported: ${n.text}`);
    }
  }
  const predicted = quotes.length;
  return {
    gold: gold.quotes.length,
    predicted,
    found,
    precision: predicted === 0 ? 0 : matchedPredictions.size / predicted,
    recall: gold.quotes.length === 0 ? 0 : found / gold.quotes.length,
    speakerRight,
    kindRight,
    notQuotesReported,
    misses,
  };
}

/** Two names for the same speaker: equal, or one is the other with a title or clitic around it. */
function namesMatch(a: string, b: string): boolean {
  const x = normalizeArabic(a).trim();
  const y = normalizeArabic(b).trim();
  if (x.length < 3 || y.length < 3) return x === y;
  return (
    x === y || ` ${x} `.includes(` ${y} `) || ` ${y} `.includes(` ${x} `) || x.endsWith(y) || y.endsWith(x)
  );
}

function sameName(a: string, b: string): boolean {
  return normalizeArabic(a).trim() === normalizeArabic(b).trim();
}

/** A short table for `rasd eval quotes`. */
export function formatQuoteReport(report: QuoteReport, label = 'quotes'): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const lines = [
    `${label}: gold ${report.gold}, predicted ${report.predicted}, found ${report.found}`,
    `  precision ${pct(report.precision)}  recall ${pct(report.recall)}`,
    `  speaker right ${report.speakerRight}/${report.found}  kind right ${report.kindRight}/${report.found}`,
    `  not-quotes reported ${report.notQuotesReported}`,
  ];
  return lines.join('\n');
}
