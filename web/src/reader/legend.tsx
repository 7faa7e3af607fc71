import type { Annotations } from '../api/types.ts';
import type { LayerKey } from './segments.ts';

/** The highlight layers with their Arabic names; colours live in styles.css (`.l-<key>`). */
export const LAYERS: readonly {
  key: LayerKey;
  label: string;
  count: (a: Annotations) => number | undefined;
}[] = [
  { key: 'entity', label: 'كيانات', count: (a) => a.mentions?.length },
  { key: 'quote', label: 'اقتباسات', count: (a) => a.quotes?.length },
  { key: 'speaker', label: 'المتحدثون', count: (a) => a.quotes?.filter((quote) => quote.speaker).length },
  { key: 'event', label: 'أحداث', count: (a) => a.events?.length },
  { key: 'time', label: 'تواريخ', count: (a) => a.times?.length },
];

/** One toggle per layer, each with its colour swatch and count ("—" when the layer is absent). */
export function Legend({
  annotations,
  enabled,
  onToggle,
}: {
  annotations: Annotations;
  enabled: ReadonlySet<LayerKey>;
  onToggle: (layer: LayerKey) => void;
}) {
  return (
    <fieldset class="legend" aria-label="طبقات التحليل">
      <legend>الطبقات</legend>
      {LAYERS.map((layer) => {
        const count = layer.count(annotations);
        return (
          <label key={layer.key} class={`legend-item l-${layer.key}`}>
            <input
              type="checkbox"
              checked={enabled.has(layer.key)}
              onChange={() => onToggle(layer.key)}
              data-layer={layer.key}
            />
            <span class="swatch" aria-hidden="true" />
            {layer.label} <span class="count">{count === undefined ? '—' : count}</span>
          </label>
        );
      })}
    </fieldset>
  );
}
