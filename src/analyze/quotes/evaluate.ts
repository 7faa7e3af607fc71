import type { OffsetSegment } from '../../core/article.ts';
import type { AnalyzedDocument } from '../../core/document.ts';
import { normalizeArabic } from '../../text/normalize.ts';

/** A gold file in the seed's format: quotes (kind, speaker, cue, text…) and not_quotes. */
export interface QuoteGold {
  readonly quotes: readonly {
    kind: string;
    speaker: string;
    text: string;
    /** Offset of `text` in the raw article text (quotes-dev format), mapped through the cleaning. */
    offset?: number;
    cue?: string;
    audience?: string;
    channel?: string;
  }[];
  readonly not_quotes?: readonly { text: string }[];
  /** Speakers with the Arabic mentions that name them (quotes-dev format). */
  readonly entities?: readonly { canonical: string; mentions: readonly string[] }[];
}

/** How often a field given by the gold was given by the prediction, and how often it was given without gold. */
export interface FieldScore {
  readonly gold: number;
  readonly right: number;
  /** Predicted for a found quote whose gold has no such field. */
  readonly extra: number;
}

export interface QuoteReport {
  readonly gold: number;
  readonly predicted: number;
  /** Gold quotes matched by a predicted quote covering ≥ 90% of the gold text. */
  readonly found: number;
  /** Predictions that matched a gold quote. */
  readonly matched: number;
  readonly precision: number;
  readonly recall: number;
  /** Among found quotes: speaker right (the gold's own entity), form (direct/indirect/mixed) right. */
  readonly speakerRight: number;
  readonly kindRight: number;
  /** Cue: the predicted cue holds the gold cue's reporting word. Audience and channel: given when the gold gives one. */
  readonly cue: FieldScore;
  readonly audience: FieldScore;
  readonly channel: FieldScore;
  /** Not-quotes (names, titles, scare quotes) that were reported as quotes. */
  readonly notQuotesReported: number;
  /** Gold spans whose text is not where their offset says (or nowhere in the clean text): not scored, counted as missed. */
  readonly misplaced: readonly string[];
  readonly misses: readonly string[];
}

const MIN_GOLD_COVERAGE = 0.9;
// A prediction must also be mostly gold, so one giant span cannot match everything.
const MIN_PREDICTION_PRECISION = 0.5;

/** Maps a raw-text offset to the clean text, or -1 when cleaning removed that character. */
export function toCleanOffset(map: readonly OffsetSegment[], rawOffset: number): number {
  for (const seg of map) {
    if (rawOffset >= seg.rawStart && rawOffset < seg.rawStart + seg.length)
      return seg.cleanStart + rawOffset - seg.rawStart;
  }
  return map.length === 0 ? rawOffset : -1;
}

/**
 * Scores a document's quotes against gold in the seed's format, strictly: a speaker is right only when it is
 * the gold's entity (its canonical name, or a full name the gold lists for it and for no other entity), never
 * a relative sharing a family name nor the medium that carried the words. Gold offsets are raw-text offsets,
 * mapped through the cleaning; a gold text not at its place is reported, never compared.
 * `evaluateQuotes(doc, gold).recall` → 0–1.
 */
export function evaluateQuotes(doc: AnalyzedDocument, gold: QuoteGold): QuoteReport {
  const text = doc.article.cleanText;
  const quotes = doc.annotations.quotes ?? [];
  const entities = new Map((doc.annotations.entities ?? []).map((e) => [e.id, e]));
  const matchedPredictions = new Set<number>();
  const goldMentions = new Map(
    (gold.entities ?? []).map((e) => [e.canonical, new Set(e.mentions.flatMap(nameKeys))]),
  );
  let found = 0;
  let speakerRight = 0;
  let kindRight = 0;
  const cue = { gold: 0, right: 0, extra: 0 };
  const audience = { gold: 0, right: 0, extra: 0 };
  const channel = { gold: 0, right: 0, extra: 0 };
  const misses: string[] = [];
  const misplaced: string[] = [];
  for (const g of gold.quotes) {
    const start =
      g.offset === undefined ? text.indexOf(g.text) : toCleanOffset(doc.article.offsetMap, g.offset);
    if (start < 0 || text.slice(start, start + g.text.length) !== g.text) {
      const where = g.offset === undefined ? 'not in the clean text' : `not at raw offset ${g.offset}`;
      misplaced.push(`gold text ${where}: ${g.text.slice(0, 50)}`);
      misses.push(`gold text ${where}: ${g.text.slice(0, 50)}`);
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
      misses.push(`missed (${g.kind}, ${g.speaker}, ${g.cue ?? ''}): ${g.text.slice(0, 60)}`);
      continue;
    }
    found++;
    matchedPredictions.add(best);
    const q = quotes[best]!;
    if (q.form === g.kind) kindRight++;
    else misses.push(`kind ${q.form} ≠ ${g.kind}: ${g.text.slice(0, 40)}`);
    const entity = q.speaker?.entityId === undefined ? undefined : entities.get(q.speaker.entityId);
    // An entity is judged by its own names, not by the words at this mention (a family name alone may be a
    // relative's); a speaker with no entity by its words.
    const predictedNames =
      entity !== undefined
        ? [entity.name, ...(entity.arabicName === undefined ? [] : [entity.arabicName])]
        : q.speaker === undefined
          ? []
          : [q.speaker.text];
    const own = goldMentions.get(g.speaker) ?? new Set<string>();
    const others = [...goldMentions].filter(([name]) => name !== g.speaker).map(([, names]) => names);
    const listed = predictedNames.some((p) => {
      const keys = nameKeys(p);
      return keys.some((k) => own.has(k)) && !keys.some((k) => others.some((names) => names.has(k)));
    });
    const speakerOk =
      (g.speaker.startsWith('unnamed') && q.speaker?.anonymous === true) ||
      (entity !== undefined && sameName(entity.name, g.speaker)) ||
      listed;
    if (speakerOk) speakerRight++;
    else
      misses.push(`speaker ${entity?.name ?? q.speaker?.text ?? '—'} ≠ ${g.speaker}: ${g.text.slice(0, 40)}`);
    if (g.cue !== undefined && g.cue.trim() !== '') {
      cue.gold++;
      if (q.cue !== undefined && sameCue(q.cue.text, g.cue)) cue.right++;
      else misses.push(`cue ${q.cue?.text ?? '—'} ≠ ${g.cue}: ${g.text.slice(0, 40)}`);
    }
    scoreField(audience, g.audience, q.audience);
    scoreField(channel, g.channel, q.channel);
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
  quotes.forEach((q, index) => {
    if (!matchedPredictions.has(index))
      misses.push(`not in gold (${q.cue?.text ?? ''} · ${q.speaker?.text ?? '—'}): ${q.text.slice(0, 60)}`);
  });
  const predicted = quotes.length;
  return {
    gold: gold.quotes.length,
    predicted,
    found,
    matched: matchedPredictions.size,
    precision: predicted === 0 ? 0 : matchedPredictions.size / predicted,
    recall: gold.quotes.length === 0 ? 0 : found / gold.quotes.length,
    speakerRight,
    kindRight,
    cue,
    audience,
    channel,
    notQuotesReported,
    misplaced,
    misses,
  };
}

// Gold audiences and channels are English glosses (journalists, statement): only their presence is compared.
function scoreField(
  score: { gold: number; right: number; extra: number },
  gold: unknown,
  predicted: unknown,
): void {
  if (gold !== undefined && gold !== '') {
    score.gold++;
    if (predicted !== undefined) score.right++;
  } else if (predicted !== undefined) score.extra++;
}

/** A name and, when it starts with a clitic preposition or conjunction (لداود أوغلو), the name without it. */
function nameKeys(name: string): string[] {
  const x = normalizeArabic(name).trim().replace(/\s+/g, ' ');
  return /^[لبو]/.test(x) && x.length > 4 ? [x, x.slice(1)] : [x];
}

/** The gold cue's reporting word (its first word, clitics aside) is within the predicted cue. */
function sameCue(predicted: string, gold: string): boolean {
  // A leading و/ف/ب may be a clitic (وقال، بقوله) or a letter of the word (وفقا): try both readings.
  const readings = (w: string) => [w, w.replace(/^[وفب](?=...)/, '')];
  const head = readings(normalizeArabic(gold).trim().split(/\s+/)[0] ?? '');
  return normalizeArabic(predicted)
    .split(/\s+/)
    .some((w) => readings(w).some((r) => head.includes(r)));
}

function sameName(a: string, b: string): boolean {
  return normalizeArabic(a).trim() === normalizeArabic(b).trim();
}

/** The reports of several files added up. */
export function sumQuoteReports(reports: readonly QuoteReport[]): QuoteReport {
  const sum = (pick: (r: QuoteReport) => number) => reports.reduce((total, r) => total + pick(r), 0);
  const field = (pick: (r: QuoteReport) => FieldScore): FieldScore => ({
    gold: sum((r) => pick(r).gold),
    right: sum((r) => pick(r).right),
    extra: sum((r) => pick(r).extra),
  });
  const gold = sum((r) => r.gold);
  const predicted = sum((r) => r.predicted);
  const found = sum((r) => r.found);
  const matched = sum((r) => r.matched);
  return {
    gold,
    predicted,
    found,
    matched,
    precision: predicted === 0 ? 0 : matched / predicted,
    recall: gold === 0 ? 0 : found / gold,
    speakerRight: sum((r) => r.speakerRight),
    kindRight: sum((r) => r.kindRight),
    cue: field((r) => r.cue),
    audience: field((r) => r.audience),
    channel: field((r) => r.channel),
    notQuotesReported: sum((r) => r.notQuotesReported),
    misplaced: reports.flatMap((r) => r.misplaced),
    misses: [],
  };
}

/** A short table for `rasd eval quotes`; gold spans not at their place are always listed. */
export function formatQuoteReport(report: QuoteReport, label = 'quotes'): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const f1 =
    report.precision + report.recall === 0
      ? 0
      : (2 * report.precision * report.recall) / (report.precision + report.recall);
  const field = (name: string, s: FieldScore) => `${name} ${s.right}/${s.gold} (+${s.extra} without gold)`;
  const share = (n: number, d: number) => (d === 0 ? '—' : pct(n / d));
  const lines = [
    `${label}: gold ${report.gold}, predicted ${report.predicted}, found ${report.found}`,
    `  precision ${pct(report.precision)}  recall ${pct(report.recall)}  F1 ${pct(f1)}`,
    `  speaker right ${report.speakerRight}/${report.found} (${share(report.speakerRight, report.found)})  kind right ${report.kindRight}/${report.found}`,
    `  cue right ${report.cue.right}/${report.cue.gold} (${share(report.cue.right, report.cue.gold)})  ${field('audience', report.audience)}  ${field('channel', report.channel)}`,
    `  not-quotes reported ${report.notQuotesReported}`,
  ];
  if (report.misplaced.length > 0) {
    lines.push(`  gold spans not at their place: ${report.misplaced.length}`);
    for (const m of report.misplaced) lines.push(`    ! ${m}`);
  }
  return lines.join('\n');
}
