import { useMemo, useState } from 'preact/hooks';
import type { AnalyzedDocumentJson } from '../api/types.ts';
import { HeadlineCheckPanel } from './headline-check-panel.tsx';
import { Legend, LAYERS } from './legend.tsx';
import { collectMarks, entityIndex } from './marks.ts';
import { ReaderText } from './reader-text.tsx';
import { type LayerKey, type Mark, segmentText } from './segments.ts';
import { Sidebar } from './sidebar.tsx';

/** The selected annotation: its layer and its index in that layer. */
export interface Selection {
  readonly layer: LayerKey;
  readonly index: number;
}

/**
 * An analyzed article: the clean text with every layer highlighted, a legend with toggles, the headline
 * check, and lists of quotes, events, dates, entities and removed boilerplate. Works with any layer absent.
 */
export function ReaderView({ doc }: { doc: AnalyzedDocumentJson }) {
  const [enabled, setEnabled] = useState<ReadonlySet<LayerKey>>(
    () => new Set(LAYERS.map((layer) => layer.key)),
  );
  const [selection, setSelection] = useState<Selection | null>(null);
  const annotations = doc.annotations;
  const text = doc.article.cleanText;
  const entities = useMemo(() => entityIndex(annotations), [annotations]);
  const paragraphs = useMemo(
    () =>
      segmentText(
        text,
        collectMarks(annotations, enabled),
        (annotations.boilerplate ?? []).map((removal) => removal.start),
      ),
    [text, annotations, enabled],
  );
  const toggle = (layer: LayerKey) => {
    const next = new Set(enabled);
    if (next.has(layer)) next.delete(layer);
    else next.add(layer);
    setEnabled(next);
  };
  const select = (mark: Mark | null) =>
    setSelection(mark && mark.index >= 0 ? { layer: mark.layer, index: mark.index } : null);

  return (
    <div class="reader">
      <div class="reader-main">
        <HeadlineCheckPanel doc={doc} />
        <Legend annotations={annotations} enabled={enabled} onToggle={toggle} />
        <ReaderText
          paragraphs={paragraphs}
          annotations={annotations}
          entities={entities}
          selection={selection}
          onSelect={select}
        />
      </div>
      <Sidebar annotations={annotations} entities={entities} selection={selection} onSelect={setSelection} />
    </div>
  );
}
