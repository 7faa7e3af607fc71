import type { Annotations, Entity } from '../api/types.ts';
import { label, REMOVAL_LABELS } from '../components/labels.ts';
import { describeMark } from './describe.ts';
import type { Selection } from './reader-view.tsx';
import type { Mark, Paragraph, Segment } from './segments.ts';

/** On equal length, which layer a click selects first: a speaker's name opens its quote, not the entity. */
const CLICK_PRIORITY: Record<Mark['layer'], number> = { speaker: 0, event: 1, time: 2, entity: 3, quote: 4 };

/** The most specific mark of a segment (the shortest), which a click selects. */
function innermost(segment: Segment): Mark | null {
  let best: Mark | null = null;
  for (const mark of segment.marks) {
    const length = mark.end - mark.start;
    const bestLength = best ? best.end - best.start : Number.POSITIVE_INFINITY;
    if (
      !best ||
      length < bestLength ||
      (length === bestLength && CLICK_PRIORITY[mark.layer] < CLICK_PRIORITY[best.layer])
    ) {
      best = mark;
    }
  }
  return best;
}

const QUOTE_LAYERS: ReadonlySet<Mark['layer']> = new Set(['quote', 'speaker']);

/** A quote and its speaker light up together, whichever of the two was clicked. */
function isSelected(mark: Mark, selection: Selection): boolean {
  if (mark.index !== selection.index) return false;
  return (
    mark.layer === selection.layer || (QUOTE_LAYERS.has(mark.layer) && QUOTE_LAYERS.has(selection.layer))
  );
}

/** The clean text, one <p> per line, every highlighted stretch a <span> holding a text node. */
export function ReaderText({
  paragraphs,
  annotations,
  entities,
  selection,
  onSelect,
}: {
  paragraphs: readonly Paragraph[];
  annotations: Annotations;
  entities: Map<string, Entity>;
  selection: Selection | null;
  onSelect: (mark: Mark | null) => void;
}) {
  const removals = annotations.boilerplate ?? [];
  const folded = (indexes: readonly number[]) =>
    indexes.map((index) => {
      const removal = removals[index];
      if (!removal) return null;
      return (
        <details key={`r${index}`} class="removed">
          <summary>محذوف: {label(REMOVAL_LABELS, removal.reason)}</summary>
          <pre dir="auto">{removal.text}</pre>
        </details>
      );
    });
  return (
    <article class="reader-text" dir="rtl">
      {paragraphs.map((paragraph) => (
        <div key={paragraph.start} class="paragraph-block">
          {folded(paragraph.removalsBefore)}
          <p dir="auto">
            {paragraph.segments.map((segment) => {
              if (segment.marks.length === 0) return segment.text;
              const layers = new Set(segment.marks.map((mark) => mark.layer));
              const selected =
                selection !== null && segment.marks.some((mark) => isSelected(mark, selection));
              const classes = [...layers].map((layer) => `l-${layer}`);
              if (selected) classes.push('selected');
              const quoteMark = segment.marks.find((mark) => mark.layer === 'quote');
              const title = segment.marks.map((mark) => describeMark(annotations, entities, mark)).join('\n');
              return (
                // Keyboard users select annotations through the sidebar's lists (buttons); hundreds of tab
                // stops in the running text would not help them.
                // biome-ignore lint/a11y/useKeyWithClickEvents: see above
                // biome-ignore lint/a11y/noStaticElementInteractions: see above
                <span
                  key={segment.start}
                  class={`hl ${classes.join(' ')}`}
                  title={title}
                  data-quote={quoteMark ? String(quoteMark.index) : undefined}
                  onClick={(event) => {
                    event.stopPropagation();
                    onSelect(innermost(segment));
                  }}
                >
                  {segment.text}
                </span>
              );
            })}
          </p>
          {folded(paragraph.removalsAfter)}
        </div>
      ))}
    </article>
  );
}
