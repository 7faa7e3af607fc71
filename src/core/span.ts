/**
 * Spans are the one way rasd points at text.
 *
 * Offsets are UTF-16 code units (JavaScript's own string unit), `start` inclusive and `end` exclusive,
 * always into the *clean* text of the document they belong to.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Returns the text a span covers. `sliceSpan('سلام عليكم', {start: 0, end: 4})` → `'سلام'`. */
export function sliceSpan(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

/** True when the span lies inside `[0, length]` and is not inverted. */
export function isValidSpan(span: Span, length: number): boolean {
  return Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length;
}

/** True when `inner` lies entirely within `outer`. */
export function containsSpan(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** True when the two spans share at least one code unit. */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Orders spans by start, then longer first — the order every annotation list is kept in. */
export function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end;
}
