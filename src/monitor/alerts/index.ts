/** Alerts: raised when a stored story matches a watchlist, pushed to webhooks, listed as Atom and as lines. */
export { type AtomOptions, readerUrl, watchlistAtom, watchlistTag } from './atom.ts';
export {
  DEFAULT_DELIVERY,
  type DeliverOptions,
  type DeliveryAttempt,
  deliverDue,
  type PostFn,
  postJson,
  retryAt,
} from './deliver.ts';
export { formatAlertLine } from './format.ts';
export { type AlertPayload, alertPayload } from './payload.ts';
export { type RaiseOptions, raiseAlerts } from './raise.ts';
export { signBody, verifySignature } from './signature.ts';
