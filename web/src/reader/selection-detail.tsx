import type { Annotations, Entity } from '../api/types.ts';
import {
  actorName,
  ENTITY_TYPE_LABELS,
  EVENT_TYPE_LABELS,
  eventActorName,
  label,
  QUOTE_FORM_LABELS,
  UNKNOWN_SIDE,
} from '../components/labels.ts';
import { href } from '../router.ts';
import { SpeakerLabel } from './speaker-label.tsx';
import { isActorId } from './marks.ts';
import type { Selection } from './reader-view.tsx';

function Row({ name, value }: { name: string; value: string | undefined }) {
  if (!value) return null;
  return (
    <>
      <dt>{name}</dt>
      <dd dir="auto">{value}</dd>
    </>
  );
}

function ActorLink({ id, text }: { id: string | undefined; text: string }) {
  return isActorId(id) ? (
    <a class="actor-link" href={href('actor', id)} dir="auto">
      {text}
    </a>
  ) : (
    <span dir="auto">{text}</span>
  );
}

/** The panel describing the selected annotation: a quote's speaker with a link to their page, an event… */
export function SelectionDetail({
  annotations,
  entities,
  selection,
  onClose,
}: {
  annotations: Annotations;
  entities: Map<string, Entity>;
  selection: Selection | null;
  onClose: () => void;
}) {
  if (!selection) {
    return (
      <section class="selection-detail empty">
        <p class="muted">اختر مقطعاً مظللاً في النص لعرض تفاصيله.</p>
      </section>
    );
  }
  return (
    <section class="selection-detail" aria-live="polite">
      <button type="button" class="close" onClick={onClose} aria-label="إغلاق">
        ×
      </button>
      <Detail annotations={annotations} entities={entities} selection={selection} />
    </section>
  );
}

function Detail({
  annotations,
  entities,
  selection,
}: {
  annotations: Annotations;
  entities: Map<string, Entity>;
  selection: Selection;
}) {
  const { layer, index } = selection;
  if (layer === 'quote' || layer === 'speaker') {
    const quote = annotations.quotes?.[index];
    if (!quote) return null;
    return (
      <div class="quote-detail">
        <h3>
          اقتباس {label(QUOTE_FORM_LABELS, quote.form)} —{' '}
          <SpeakerLabel annotations={annotations} entities={entities} index={index} />
        </h3>
        <blockquote dir="auto">{quote.text}</blockquote>
        <dl>
          <Row name="فعل القول" value={quote.cue?.text} />
          <Row name="الجمهور" value={quote.audience?.text} />
          <Row name="الوسيلة" value={quote.channel?.text} />
          <Row name="عبر" value={quote.relay?.text} />
          <Row name="التاريخ" value={quote.date?.text} />
          <Row name="الثقة" value={`${Math.round(quote.confidence * 100)}٪`} />
        </dl>
        {isActorId(quote.speaker?.entityId) && (
          <p>
            <a class="actor-link" href={href('actor', quote.speaker.entityId)}>
              صفحة المتحدث ←
            </a>
          </p>
        )}
      </div>
    );
  }
  if (layer === 'entity') {
    const mention = annotations.mentions?.[index];
    if (!mention) return null;
    const entity = entities.get(mention.entityId);
    return (
      <div class="entity-detail">
        <h3>
          <ActorLink id={mention.entityId} text={entity ? actorName(entity) : mention.text} />
        </h3>
        <dl>
          <Row name="النوع" value={label(ENTITY_TYPE_LABELS, mention.type)} />
          <Row name="كما ورد" value={mention.text} />
          <Row name="الدولة" value={entity?.country} />
          <Row name="الصفة" value={entity?.role} />
          <Row name="الألقاب" value={entity?.titles?.join('، ')} />
        </dl>
      </div>
    );
  }
  if (layer === 'event') {
    const event = annotations.events?.[index];
    if (!event) return null;
    return (
      <div class="event-detail">
        <h3>
          حدث: {label(EVENT_TYPE_LABELS, event.type)} {event.mode ? `(${event.mode})` : ''}
        </h3>
        <blockquote dir="auto">{event.text}</blockquote>
        <dl>
          <Row name="الفعل" value={event.trigger.text} />
          <Row name="الفاعل" value={event.source ? eventActorName(event.source) : UNKNOWN_SIDE} />
          <Row name="الهدف" value={event.target ? eventActorName(event.target) : UNKNOWN_SIDE} />
          <Row name="المكان" value={event.location && eventActorName(event.location)} />
          <Row
            name="الزمن"
            value={
              event.time ? `${event.time.text}${event.time.value ? ` = ${event.time.value}` : ''}` : undefined
            }
          />
          <Row name="الصيغة" value={event.negated ? 'منفي' : event.modality} />
        </dl>
      </div>
    );
  }
  const time = annotations.times?.[index];
  if (!time) return null;
  return (
    <div class="time-detail">
      <h3>تاريخ: {time.text}</h3>
      <dl>
        <Row name="القيمة" value={time.value} />
        <Row name="الشكل" value={time.form} />
        <Row name="الدقة" value={time.granularity} />
        <Row name="الحل" value={time.resolution} />
      </dl>
    </div>
  );
}
