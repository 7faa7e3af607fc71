/**
 * Splits an article's clean text at annotation offsets, so the reader can render every piece as a text node
 * inside a styled span (never as HTML). Pure: no DOM, unit-tested in test/web/.
 */

/** The highlightable layers, in the order the legend lists them. */
export type LayerKey = 'entity' | 'quote' | 'speaker' | 'time' | 'event';

/** One annotation stretch to highlight: which layer, which record of that layer (index), where. */
export interface Mark {
  readonly layer: LayerKey;
  readonly index: number;
  readonly start: number;
  readonly end: number;
}

/** A stretch of text with every mark covering all of it. */
export interface Segment {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly marks: readonly Mark[];
}

/** A line of the clean text, with removed boilerplate to show folded before or after it (by index). */
export interface Paragraph {
  readonly start: number;
  readonly end: number;
  readonly segments: readonly Segment[];
  readonly removalsBefore: readonly number[];
  readonly removalsAfter: readonly number[];
}

/**
 * Cuts `text` into paragraphs (at line breaks) and segments (at every mark boundary). Marks outside the text
 * or empty are ignored; `removalOffsets` are the clean-text places where boilerplate was removed.
 * `segmentText('أ ب', [{layer:'entity',index:0,start:2,end:3}], [])` → one paragraph, segments 'أ ' and 'ب'.
 */
export function segmentText(
  text: string,
  marks: readonly Mark[],
  removalOffsets: readonly number[],
): Paragraph[] {
  const valid = marks
    .filter((mark) => mark.start >= 0 && mark.end <= text.length && mark.start < mark.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const cuts = new Set<number>([0, text.length]);
  for (const mark of valid) {
    cuts.add(mark.start);
    cuts.add(mark.end);
  }
  const lines = lineRanges(text);
  for (const line of lines) {
    cuts.add(line.start);
    cuts.add(line.end);
  }
  const boundaries = [...cuts].sort((a, b) => a - b);

  // Sweep the boundaries once, keeping the marks that cover the current stretch.
  const segments: Segment[] = [];
  let active: Mark[] = [];
  let next = 0;
  for (let i = 0; i + 1 < boundaries.length; i++) {
    const start = boundaries[i]!;
    const end = boundaries[i + 1]!;
    active = active.filter((mark) => mark.end > start);
    while (next < valid.length && valid[next]!.start <= start) {
      if (valid[next]!.end > start) active.push(valid[next]!);
      next++;
    }
    segments.push({ start, end, text: text.slice(start, end), marks: [...active] });
  }

  const paragraphs: { start: number; end: number; segments: Segment[]; before: number[]; after: number[] }[] =
    lines.map((line) => ({ ...line, segments: [], before: [], after: [] }));
  let lineIndex = 0;
  for (const segment of segments) {
    while (lineIndex < paragraphs.length && paragraphs[lineIndex]!.end <= segment.start) lineIndex++;
    const paragraph = paragraphs[lineIndex];
    if (paragraph && segment.start >= paragraph.start && segment.end <= paragraph.end)
      paragraph.segments.push(segment);
  }
  const shown = paragraphs.filter((paragraph) => paragraph.segments.some((s) => s.text.trim() !== ''));
  removalOffsets.forEach((offset, removal) => {
    const host = shown.find((paragraph) => paragraph.end >= offset);
    if (!host) shown.at(-1)?.after.push(removal);
    else if (offset <= host.start) host.before.push(removal);
    else host.after.push(removal);
  });
  return shown.map(({ start, end, segments: parts, before, after }) => ({
    start,
    end,
    segments: parts,
    removalsBefore: before,
    removalsAfter: after,
  }));
}

/** The [start, end) of every line, line breaks excluded. */
function lineRanges(text: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      ranges.push({ start, end: i });
      start = i + 1;
    }
  }
  return ranges;
}

/**
 * Splits a short display text (a search snippet, a title) into plain and highlighted pieces.
 * `splitHighlights('abc', [{start:1,end:2}])` → `[{text:'a',hit:false},{text:'b',hit:true},{text:'c',hit:false}]`.
 */
export function splitHighlights(
  text: string,
  highlights: readonly { start: number; end: number }[],
): { text: string; hit: boolean }[] {
  const pieces: { text: string; hit: boolean }[] = [];
  let position = 0;
  const sorted = [...highlights].sort((a, b) => a.start - b.start);
  for (const highlight of sorted) {
    const start = Math.max(position, Math.min(highlight.start, text.length));
    const end = Math.min(Math.max(highlight.end, start), text.length);
    if (start > position) pieces.push({ text: text.slice(position, start), hit: false });
    if (end > start) pieces.push({ text: text.slice(start, end), hit: true });
    position = Math.max(position, end);
  }
  if (position < text.length) pieces.push({ text: text.slice(position), hit: false });
  return pieces;
}
