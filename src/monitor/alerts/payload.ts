import type { Alert, Watchlist } from '../types.ts';

/** The JSON a webhook receives for one alert; `type` lets a receiver shared with other senders tell it apart. */
export interface AlertPayload {
  readonly type: 'rasd.alert';
  readonly watchlist: { readonly id: string; readonly name: string };
  readonly alert: Omit<Alert, 'delivery'>;
}

/**
 * The webhook payload of an alert: the alert without its delivery bookkeeping (which changes with every
 * attempt, while a retried body should stay the same). `alertPayload(alert, watchlist).alert.title`.
 */
export function alertPayload(alert: Alert, watchlist: Pick<Watchlist, 'id' | 'name'>): AlertPayload {
  const { delivery: _delivery, ...rest } = alert;
  return { type: 'rasd.alert', watchlist: { id: watchlist.id, name: watchlist.name }, alert: rest };
}
