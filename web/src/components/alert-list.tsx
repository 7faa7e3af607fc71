import type { Alert } from '../api/types.ts';
import { href } from '../router.ts';
import { EVENT_TYPE_LABELS, label } from './labels.ts';
import { DELIVERY_LABELS, formatTime, REASON_LABELS } from './monitor-labels.ts';

/**
 * Alerts, newest first: the story (to the reader), its outlet and time, why it matched and whether the
 * webhook got it. `names` gives each watchlist's name. `<AlertList alerts={alerts} names={names} />`.
 */
export function AlertList({
  alerts,
  names,
}: {
  alerts: readonly Alert[];
  names: ReadonlyMap<string, string>;
}) {
  if (alerts.length === 0) return <p class="muted">لا تنبيهات بعد.</p>;
  return (
    <ul class="alert-list">
      {alerts.map((alert) => (
        <li key={alert.id} class="alert-item" data-alert={alert.id} data-watchlist={alert.watchlistId}>
          <a class="alert-title" href={href('article', alert.articleId)} dir="auto">
            {alert.title ?? alert.articleId}
          </a>
          <div class="muted alert-meta">
            {alert.outlet && (
              <>
                <span class="alert-outlet" dir="auto">
                  {alert.outlet}
                </span>
                {' · '}
              </>
            )}
            <span class="alert-time" dir="ltr">
              {formatTime(alert.publishedAt ?? alert.createdAt)}
            </span>
            {' · '}
            <span class="alert-watchlist" dir="auto">
              {names.get(alert.watchlistId) ?? alert.watchlistId}
            </span>
            {' · '}
            <span class={`delivery-status delivery-${alert.delivery.status}`}>
              {DELIVERY_LABELS[alert.delivery.status] ?? alert.delivery.status}
              {alert.delivery.attempts > 0 ? ` (${alert.delivery.attempts} محاولات)` : ''}
            </span>
          </div>
          {alert.delivery.lastError && alert.delivery.status !== 'delivered' && (
            <div class="muted delivery-error" dir="auto">
              {alert.delivery.lastError}
            </div>
          )}
          <ul class="chips match-reasons">
            {alert.match.reasons.map((reason) => (
              <li
                key={`${reason.kind}-${reason.start}-${reason.end}`}
                class={`chip match-reason reason-${reason.kind}`}
              >
                {label(REASON_LABELS, reason.kind)}: <span dir="auto">{reason.text}</span>
                <ReasonDetail kind={reason.kind} detail={reason.detail} text={reason.text} />
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

/** What matched, when it says more than the matched text: an event's type in Arabic, an actor's name. */
function ReasonDetail({ kind, detail, text }: { kind: string; detail?: string; text: string }) {
  if (!detail || detail === text) return null;
  return (
    <span class="muted" dir="auto">
      {' '}
      ({kind === 'event' ? label(EVENT_TYPE_LABELS, detail) : detail})
    </span>
  );
}
