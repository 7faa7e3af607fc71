import type { OffsetSegment, Removal, RemovalReason } from '../core/article.ts';
import { normalizeArabic } from '../text/normalize.ts';
import { LEADING_NAVIGATION, LINE_RULES, type LineRule, SHORTCODE, TRAILING_FOOTER } from './rules.ts';

/** The result of cleaning: the text every annotation will point into, and what was taken out. */
export interface CleanResult {
  readonly cleanText: string;
  readonly offsetMap: readonly OffsetSegment[];
  readonly removed: readonly Removal[];
}

interface Line {
  readonly start: number;
  readonly end: number;
}

/**
 * Removes scraper leftovers from raw article text and records each removal. Lines are trimmed and blank
 * lines dropped; kept lines are joined with a single line break, each mapped back to the raw text.
 * `cleanRawText('[ad_1]\nنص الخبر.\nSource link')` → cleanText `'نص الخبر.'`, two removals.
 */
export function cleanRawText(raw: string): CleanResult {
  const lines = splitLines(raw);
  const pieces: { rawStart: number; text: string }[] = [];
  const removed: { reason: RemovalReason; rawStart: number; rawEnd: number; beforePiece: number }[] = [];
  let skipNext = false;

  const lastLine = lastNonBlankLine(raw, lines);
  for (const [index, line] of lines.entries()) {
    let trimmed = trimRange(raw, line);
    if (trimmed.start === trimmed.end) continue;
    const text = raw.slice(trimmed.start, trimmed.end);
    if (skipNext) {
      skipNext = false;
      if (looksLikeLinkedTitle(text)) {
        removed.push({ reason: 'read-also', rawStart: trimmed.start, rawEnd: trimmed.end, beforePiece: pieces.length });
        continue;
      }
    }
    const rule = matchLineRule(text);
    if (rule !== undefined) {
      removed.push({ reason: rule.reason, rawStart: trimmed.start, rawEnd: trimmed.end, beforePiece: pieces.length });
      skipNext = rule.takesNextLine === true;
      continue;
    }
    if (index === lastLine) {
      const footer = TRAILING_FOOTER.exec(text);
      if (footer !== null && footer.index > 0) {
        const cutStart = trimmed.start + footer.index + (footer[0].length - footer[0].trimStart().length);
        // Cut from the last line, so it sits at the end of the clean text.
        removed.push({ reason: 'source-footer', rawStart: cutStart, rawEnd: trimmed.end, beforePiece: Number.POSITIVE_INFINITY });
        trimmed = trimRange(raw, { start: trimmed.start, end: cutStart });
      }
    }
    // Pager labels at the start of a line (only when text follows them on the line).
    const navigation = LEADING_NAVIGATION.exec(raw.slice(trimmed.start, trimmed.end));
    if (navigation !== null && navigation[0].length < trimmed.end - trimmed.start) {
      const cutEnd = trimmed.start + navigation[0].length;
      removed.push({ reason: 'navigation', rawStart: trimmed.start, rawEnd: trimmed.start + navigation[0].trimEnd().length, beforePiece: pieces.length });
      trimmed = { start: cutEnd, end: trimmed.end };
    }
    // Inline shortcodes: cut them (with one neighbouring space) and keep the rest of the line.
    let cursor = trimmed.start;
    for (const match of raw.slice(trimmed.start, trimmed.end).matchAll(SHORTCODE)) {
      const cutStart = trimmed.start + match.index;
      let cutEnd = cutStart + match[0].length;
      if (raw[cutEnd] === ' ') cutEnd++;
      keepPiece(raw, cursor, cutStart, pieces);
      removed.push({ reason: 'ad-shortcode', rawStart: cutStart, rawEnd: cutStart + match[0].length, beforePiece: pieces.length });
      cursor = cutEnd;
    }
    keepPiece(raw, cursor, trimmed.end, pieces, true);
  }
  return assemble(raw, pieces, removed);
}

function lastNonBlankLine(raw: string, lines: readonly Line[]): number {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (raw.slice(line.start, line.end).trim() !== '') return i;
  }
  return -1;
}

function splitLines(raw: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= raw.length; i++) {
    if (i === raw.length || raw[i] === '\n') {
      lines.push({ start, end: i });
      start = i + 1;
    }
  }
  return lines;
}

function trimRange(raw: string, line: Line): Line {
  let start = line.start;
  let end = line.end;
  while (start < end && /\s/.test(raw[start]!)) start++;
  while (end > start && /\s/.test(raw[end - 1]!)) end--;
  return { start, end };
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => w !== '').length;
}

function matchLineRule(text: string): LineRule | undefined {
  const norm = normalizeArabic(text).trim();
  const words = wordCount(norm);
  return LINE_RULES.find((rule) => words <= rule.maxWords && rule.pattern.test(norm));
}

/** A teaser's linked title: short, no final stop. */
function looksLikeLinkedTitle(text: string): boolean {
  return wordCount(text) <= 20 && !/[.!؟?:]$/.test(text);
}

/** Marks where a new line starts in `pieces` so assembling knows where to put line breaks. */
const LINE_START = '\u0000';

function keepPiece(raw: string, from: number, to: number, pieces: { rawStart: number; text: string }[], endsLine = false): void {
  let start = from;
  let end = to;
  // Trim only at cut points, never inside the kept text.
  while (start < end && raw[start] === ' ') start++;
  while (end > start && raw[end - 1] === ' ') end--;
  if (start < end) pieces.push({ rawStart: start, text: raw.slice(start, end) });
  if (endsLine) pieces.push({ rawStart: to, text: LINE_START });
}

function assemble(
  raw: string,
  pieces: readonly { rawStart: number; text: string }[],
  removed: readonly { reason: RemovalReason; rawStart: number; rawEnd: number; beforePiece: number }[],
): CleanResult {
  const segments: OffsetSegment[] = [];
  const pieceOffsets: number[] = [];
  let clean = '';
  let lineHasText = false;
  for (const piece of pieces) {
    if (piece.text === LINE_START) {
      pieceOffsets.push(clean.length);
      if (lineHasText) {
        clean += '\n';
        lineHasText = false;
      }
      continue;
    }
    if (lineHasText) clean += ' ';
    pieceOffsets.push(clean.length);
    segments.push({ cleanStart: clean.length, rawStart: piece.rawStart, length: piece.text.length });
    clean += piece.text;
    lineHasText = true;
  }
  // A trailing line break would leave an empty last line.
  if (clean.endsWith('\n')) clean = clean.slice(0, -1);
  const removals: Removal[] = removed.map((r) => {
    const at = Math.min(r.beforePiece < pieceOffsets.length ? pieceOffsets[r.beforePiece]! : clean.length, clean.length);
    return {
      kind: 'boilerplate',
      start: at,
      end: at,
      reason: r.reason,
      raw: { start: r.rawStart, end: r.rawEnd },
      text: raw.slice(r.rawStart, r.rawEnd),
    };
  });
  return { cleanText: clean, offsetMap: segments, removed: removals };
}
