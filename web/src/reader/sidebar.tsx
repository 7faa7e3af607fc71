import type { Annotations, Entity } from '../api/types.ts';
import {
  actorName,
  ENTITY_TYPE_LABELS,
  EVENT_TYPE_LABELS,
  eventActorName,
  label,
  QUOTE_FORM_LABELS,
  REMOVAL_LABELS,
  UNKNOWN_SIDE,
} from '../components/labels.ts';
import { actorHref } from './marks.ts';
import type { Selection } from './reader-view.tsx';
import { SelectionDetail } from './selection-detail.tsx';
import { SpeakerLabel } from './speaker-label.tsx';

/** Lists of every layer beside the text; clicking an item selects it in the text. */
export function Sidebar({
  annotations,
  entities,
  selection,
  onSelect,
}: {
  annotations: Annotations;
  entities: Map<string, Entity>;
  selection: Selection | null;
  onSelect: (selection: Selection | null) => void;
}) {
  const isSelected = (layer: Selection['layer'], index: number) =>
    selection?.index === index &&
    (selection.layer === layer || (layer === 'quote' && selection.layer === 'speaker'));
  const mentionCounts = new Map<string, number>();
  for (const mention of annotations.mentions ?? []) {
    mentionCounts.set(mention.entityId, (mentionCounts.get(mention.entityId) ?? 0) + 1);
  }
  return (
    <aside class="reader-side">
      <SelectionDetail
        annotations={annotations}
        entities={entities}
        selection={selection}
        onClose={() => onSelect(null)}
      />

      <section class="side-list quotes-list">
        <h3>الاقتباسات {annotations.quotes ? `(${annotations.quotes.length})` : ''}</h3>
        {!annotations.quotes && <p class="muted">طبقة الاقتباسات غير متوفرة.</p>}
        <ol>
          {annotations.quotes?.map((quote, index) => (
            <li key={index} class={isSelected('quote', index) ? 'selected' : ''}>
              <button type="button" class="link-button" onClick={() => onSelect({ layer: 'quote', index })}>
                <SpeakerLabel annotations={annotations} entities={entities} index={index} />
                <span class="muted"> · {label(QUOTE_FORM_LABELS, quote.form)}</span>
                <span class="quote-text" dir="auto">
                  {quote.text}
                </span>
              </button>
            </li>
          ))}
        </ol>
      </section>

      <section class="side-list events-list">
        <h3>الأحداث {annotations.events ? `(${annotations.events.length})` : ''}</h3>
        {!annotations.events && <p class="muted">طبقة الأحداث غير متوفرة.</p>}
        {annotations.events && annotations.events.length > 0 && (
          <table class="data-table">
            <thead>
              <tr>
                <th>النوع</th>
                <th>الفاعل</th>
                <th>الهدف</th>
                <th>الزمن</th>
              </tr>
            </thead>
            <tbody>
              {annotations.events.map((event, index) => (
                <tr
                  key={index}
                  class={isSelected('event', index) ? 'selected clickable' : 'clickable'}
                  onClick={() => onSelect({ layer: 'event', index })}
                >
                  <td>
                    <span class="chip l-event">{label(EVENT_TYPE_LABELS, event.type)}</span>
                    {event.mode && <span class="muted"> {event.mode}</span>}
                    {event.negated && <span class="muted"> (منفي)</span>}
                  </td>
                  <td dir="auto">
                    {event.source ? eventActorName(event.source) : <span class="muted">{UNKNOWN_SIDE}</span>}
                  </td>
                  <td dir="auto">
                    {event.target ? eventActorName(event.target) : <span class="muted">{UNKNOWN_SIDE}</span>}
                  </td>
                  <td dir="auto">{event.time ? (event.time.value ?? event.time.text) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section class="side-list times-list">
        <h3>التواريخ {annotations.times ? `(${annotations.times.length})` : ''}</h3>
        {!annotations.times && <p class="muted">طبقة التواريخ غير متوفرة.</p>}
        <ul class="chips">
          {annotations.times?.map((time, index) => (
            <li key={index}>
              <button
                type="button"
                class={`chip l-time ${isSelected('time', index) ? 'selected' : ''}`}
                onClick={() => onSelect({ layer: 'time', index })}
              >
                {time.text}
                {time.value ? ` = ${time.value}` : ''}
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section class="side-list entities-list">
        <h3>الكيانات {annotations.entities ? `(${annotations.entities.length})` : ''}</h3>
        {!annotations.entities && <p class="muted">طبقة الكيانات غير متوفرة.</p>}
        <ul>
          {annotations.entities?.map((entity) => (
            <li key={entity.id}>
              <span class={`chip type-${entity.type}`}>{label(ENTITY_TYPE_LABELS, entity.type)}</span>{' '}
              <a href={actorHref(entity)} dir="auto">
                {actorName(entity)}
              </a>
              {entity.arabicName && (
                <>
                  {' '}
                  <span class="muted" dir="ltr">
                    ({entity.name})
                  </span>
                </>
              )}
              {entity.titles && entity.titles.length > 0 && (
                <span class="muted"> — {entity.titles.join('، ')}</span>
              )}
              <span class="muted"> ×{mentionCounts.get(entity.id) ?? 0}</span>
            </li>
          ))}
        </ul>
      </section>

      <section class="side-list boilerplate-list">
        <h3>ما حُذف عند التنظيف ({annotations.boilerplate?.length ?? 0})</h3>
        {(annotations.boilerplate ?? []).map((removal, index) => (
          <details key={index} class="removed">
            <summary>{label(REMOVAL_LABELS, removal.reason)}</summary>
            <pre dir="auto">{removal.text}</pre>
          </details>
        ))}
      </section>
    </aside>
  );
}
