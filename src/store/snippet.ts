import type { Span } from '../core/span.ts';
import { normalizeWithOffsets } from '../text/normalize.ts';
import type { QueryTerm } from './query.ts';
import type { Highlighted } from './types.ts';

interface Word {
  readonly norm: string;
  readonly start: number;
  readonly end: number;
}

const WORD = /[\p{L}\p{N}\p{Mn}\p{Co}]+/gu;

/**
 * Finds the query's matches in display text and returns them as display-text spans: matching runs on the
 * normalized text, and each normalized offset maps back to the character it came from, so a highlight
 * covers the word as written (with its hamza and diacritics). `findMatches('قالَ أحمد', parseQuery('احمد'))`
 * → `[{start: 5, end: 9}]`.
 */
export function findMatches(display: string, terms: readonly QueryTerm[]): Span[] {
  const { text, sourceOffsets } = normalizeWithOffsets(display);
  const words: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    words.push({
      norm: m[0],
      start: sourceOffsets[start] ?? 0,
      end: sourceOffsets[start + m[0].length] ?? display.length,
    });
  }
  const spans: Span[] = [];
  for (const term of terms) {
    const n = term.words.length;
    for (let i = 0; i + n <= words.length; i++) {
      let ok = true;
      for (let k = 0; k < n && ok; k++) {
        const want = term.words[k]!;
        const have = words[i + k]!.norm;
        ok =
          term.prefix && k === n - 1
            ? have.startsWith(want)
            : have === want || term.variants?.includes(have) === true;
      }
      if (ok) spans.push({ start: words[i]!.start, end: words[i + n - 1]!.end });
    }
  }
  return mergeSpans(spans);
}

function mergeSpans(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last !== undefined && span.start <= last.end)
      out[out.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    else out.push(span);
  }
  return out;
}

/**
 * A window of about `width` characters of display text around the densest cluster of matches, cut at
 * word boundaries, with highlights relative to the window. `makeSnippet(text, terms).snippet.text` → an excerpt.
 */
export function makeSnippet(
  display: string,
  terms: readonly QueryTerm[],
  width = 220,
): { snippet: Highlighted; start: number } {
  const matches = findMatches(display, terms);
  let center = 0;
  let bestCount = -1;
  for (const match of matches) {
    const count = matches.filter((m) => m.start >= match.start && m.end <= match.start + width).length;
    if (count > bestCount) {
      bestCount = count;
      center = match.start;
    }
  }
  let start = matches.length === 0 ? 0 : Math.max(0, center - Math.floor(width / 4));
  let end = Math.min(display.length, start + width);
  // Cut at whitespace so no word is split; the window never moves past a match it is meant to show.
  if (start > 0) {
    const space = display.indexOf(' ', start);
    if (space !== -1 && space < center) start = space + 1;
  }
  if (end < display.length) {
    const space = display.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  const highlights = matches
    .filter((m) => m.start >= start && m.end <= end)
    .map((m) => ({ start: m.start - start, end: m.end - start }));
  return { snippet: { text: display.slice(start, end), highlights }, start };
}

/** Wraps each highlight in markers for a terminal or plain output. `markHighlights({text: 'ab', highlights: [{start: 0, end: 1}]})` → `'[a]b'`. */
export function markHighlights(value: Highlighted, open = '[', close = ']'): string {
  let out = '';
  let at = 0;
  for (const h of value.highlights) {
    out += value.text.slice(at, h.start) + open + value.text.slice(h.start, h.end) + close;
    at = h.end;
  }
  return out + value.text.slice(at);
}
