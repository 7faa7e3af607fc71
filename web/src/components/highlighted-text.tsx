import { splitHighlights } from '../reader/segments.ts';

/** A snippet or title with its matched words marked; every piece is a text node. */
export function HighlightedText({ text, highlights }: { text: string; highlights: readonly { start: number; end: number }[] }) {
  return (
    <>
      {splitHighlights(text, highlights).map((piece, i) =>
        piece.hit ? <mark key={i}>{piece.text}</mark> : <span key={i}>{piece.text}</span>,
      )}
    </>
  );
}
