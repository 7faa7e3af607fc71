import type { Annotations, Entity } from '../api/types.ts';
import { ENTITY_TYPE_LABELS, EVENT_TYPE_LABELS, label, QUOTE_FORM_LABELS } from '../components/labels.ts';
import type { Mark } from './segments.ts';

/** The speaker of quote `index` as a reader should see it: the words, and the canonical name when linked. */
export function speakerName(annotations: Annotations, entities: Map<string, Entity>, index: number): string {
  const speaker = annotations.quotes?.[index]?.speaker;
  if (!speaker) return 'متحدث غير محدد';
  const entity = speaker.entityId ? entities.get(speaker.entityId) : undefined;
  const anonymous = speaker.anonymous ? ' (مصدر غير مسمّى)' : '';
  return entity && entity.name !== speaker.text
    ? `${speaker.text} — ${entity.name}${anonymous}`
    : `${speaker.text}${anonymous}`;
}

/** A one-line plain-text description of a mark, for the hover tooltip (`title`). */
export function describeMark(annotations: Annotations, entities: Map<string, Entity>, mark: Mark): string {
  switch (mark.layer) {
    case 'entity': {
      const mention = annotations.mentions?.[mark.index];
      if (!mention) return '';
      const entity = entities.get(mention.entityId);
      return `${label(ENTITY_TYPE_LABELS, mention.type)}: ${entity?.name ?? mention.text}`;
    }
    case 'quote': {
      const quote = annotations.quotes?.[mark.index];
      if (!quote) return '';
      return `اقتباس ${label(QUOTE_FORM_LABELS, quote.form)} — ${speakerName(annotations, entities, mark.index)}`;
    }
    case 'speaker':
      return `المتحدث: ${speakerName(annotations, entities, mark.index)}`;
    case 'event': {
      const event = annotations.events?.[mark.index];
      if (!event) return '';
      const who = [event.source?.name ?? event.source?.text, event.target?.name ?? event.target?.text]
        .filter(Boolean)
        .join(' ← ');
      return `حدث: ${label(EVENT_TYPE_LABELS, event.type)}${event.mode ? ` (${event.mode})` : ''}${who ? ` — ${who}` : ''}`;
    }
    case 'time': {
      const time = mark.index >= 0 ? annotations.times?.[mark.index] : undefined;
      return time?.value ? `تاريخ: ${time.value}` : 'تاريخ';
    }
  }
}
