import type { Token } from '../../core/annotations.ts';
import { straightMarkRole } from '../../text/sentences.ts';

const PAIRS: Readonly<Record<string, string>> = { '«': '»', '“': '”', '„': '“', '"': '"' };
const CLOSERS = new Set(['»', '”', '"']);

/** A pair of quotation marks in one paragraph: token indices of the marks and the words inside. */
export interface MarkPair {
  readonly open: number;
  /** Index of the closing mark, or of the paragraph's last token + 1 when the quote runs to the end. */
  readonly close: number;
  readonly closed: boolean;
  /** Start/end offsets of the text inside the marks, trimmed. */
  readonly innerStart: number;
  readonly innerEnd: number;
  readonly words: number;
}

/**
 * Pairs quotation marks paragraph by paragraph («…», “…”, „…“, "…"); a mark left open runs to the paragraph's
 * end, as a quote continued in the next paragraph does. `findMarkPairs(text, tokenize('قال: «نعم»'))` → one pair.
 */
export function findMarkPairs(text: string, tokens: readonly Token[]): MarkPair[] {
  const pairs: MarkPair[] = [];
  const stack: { index: number; closer: string }[] = [];
  const flush = (paragraphEnd: number): void => {
    // Only the outermost unclosed mark runs to the end of the paragraph.
    const outer = stack[0];
    if (outer !== undefined) pairs.push(makePair(tokens, outer.index, paragraphEnd, false));
    stack.length = 0;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (i > 0 && text.slice(tokens[i - 1]!.end, token.start).includes('\n')) flush(i);
    if (token.type !== 'punct') continue;
    const top = stack[stack.length - 1];
    // Scraped text mixes straight and curly marks ("…» or «…"): a straight mark closes either.
    const closes =
      top !== undefined &&
      (token.text === top.closer ||
        (top.closer === '"' && CLOSERS.has(token.text)) ||
        (token.text === '"' && straightMarkRole(text, token) === 'close'));
    if (top !== undefined && closes) {
      stack.pop();
      pairs.push(makePair(tokens, top.index, i, true));
      continue;
    }
    const closer = PAIRS[token.text];
    if (closer !== undefined) stack.push({ index: i, closer });
  }
  flush(tokens.length);
  return pairs.sort((a, b) => a.open - b.open);
}

function makePair(tokens: readonly Token[], open: number, close: number, closed: boolean): MarkPair {
  const inner = tokens.slice(open + 1, close);
  const words = inner.filter((t) => t.type !== 'punct' && t.type !== 'symbol').length;
  const first = inner[0];
  const last = inner[inner.length - 1];
  return {
    open,
    close,
    closed,
    innerStart: first?.start ?? tokens[open]!.end,
    innerEnd: last?.end ?? tokens[open]!.end,
    words,
  };
}
