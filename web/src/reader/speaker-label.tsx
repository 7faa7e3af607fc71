import { actorName } from '../components/labels.ts';
import type { Annotations, Entity } from '../api/types.ts';

/** A quote's speaker: the words as written, then the full name when linked and different, isolated for bidi. */
export function SpeakerLabel({
  annotations,
  entities,
  index,
}: {
  annotations: Annotations;
  entities: Map<string, Entity>;
  index: number;
}) {
  const speaker = annotations.quotes?.[index]?.speaker;
  if (!speaker) return <span class="muted">متحدث غير محدد</span>;
  const entity = speaker.entityId ? entities.get(speaker.entityId) : undefined;
  // The full name an Arabic reader knows (بيسكوف → دميتري بيسكوف), else the canonical one.
  const canonical = entity && actorName(entity);
  return (
    <span class="speaker-label">
      <bdi class="speaker-name">{speaker.text}</bdi>
      {canonical && canonical !== speaker.text && (
        <>
          {' '}
          <span class="muted">
            (<bdi>{canonical}</bdi>)
          </span>
        </>
      )}
      {speaker.anonymous && <span class="muted"> (مصدر غير مسمّى)</span>}
    </span>
  );
}
