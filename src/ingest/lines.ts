const EMPTY = new Uint8Array(0);

/** One line of a byte stream, with where it starts; `tooLong` lines carry their length instead of text. */
export type Line =
  | { readonly kind: 'line'; readonly bytes: Uint8Array; readonly number: number; readonly offset: number }
  | { readonly kind: 'tooLong'; readonly length: number; readonly number: number; readonly offset: number };

/**
 * Splits a byte stream into lines (`\n`, `\r\n`) without ever holding more than `maxLineBytes` of one line:
 * an over-long line is skipped byte by byte and reported by its length, so a 200 MB single-line record costs
 * no memory. `for await (const line of splitLines(stream, 1 << 20))` → lines, numbered from 1.
 */
export async function* splitLines(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, maxLineBytes: number): AsyncGenerator<Line> {
  let parts: Uint8Array[] = [];
  let partBytes = 0;
  let discarding = false;
  let discarded = 0;
  let number = 0;
  let lineStart = 0;
  let position = 0;
  const finish = (last: Uint8Array): Line => {
    number++;
    const offset = lineStart;
    if (discarding) {
      const line: Line = { kind: 'tooLong', length: discarded, number, offset };
      discarding = false;
      discarded = 0;
      return line;
    }
    const bytes = parts.length === 0 ? last : concat([...parts, last], partBytes + last.length);
    parts = [];
    partBytes = 0;
    const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
    return { kind: 'line', bytes: bytes.subarray(0, end), number, offset };
  };
  for await (const chunk of source) {
    let from = 0;
    for (let nl = chunk.indexOf(0x0a, from); nl !== -1; nl = chunk.indexOf(0x0a, from)) {
      const piece = chunk.subarray(from, nl);
      if (!discarding && partBytes + piece.length > maxLineBytes) startDiscarding();
      if (discarding) discarded += piece.length;
      yield finish(discarding ? EMPTY : piece);
      from = nl + 1;
      lineStart = position + from;
    }
    const rest = chunk.subarray(from);
    if (discarding) discarded += rest.length;
    else if (partBytes + rest.length > maxLineBytes) {
      startDiscarding();
      discarded += rest.length;
    } else if (rest.length > 0) {
      parts.push(rest.slice()); // a copy: the stream may reuse its chunk buffers
      partBytes += rest.length;
    }
    position += chunk.length;
  }
  if (discarding || partBytes > 0) yield finish(EMPTY);

  function startDiscarding(): void {
    discarding = true;
    discarded = partBytes;
    parts = [];
    partBytes = 0;
  }
}

function concat(parts: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
