/** From the watchlist form's fields to the request that creates the watchlist. */
import type { WatchlistRequest, WatchQuery } from '../api/types.ts';
import { parseList } from './monitor-labels.ts';

/** The watchlist form's fields, all as typed: `{...EMPTY_DRAFT, name: 'كوريا'}`. */
export interface Draft {
  name: string;
  text: string;
  actors: string;
  speaker: string;
  eventTypes: string[];
  eventSource: string;
  eventTarget: string;
  source: string;
  webhookUrl: string;
  webhookSecret: string;
}

/** A blank form: `useState<Draft>(EMPTY_DRAFT)`. */
export const EMPTY_DRAFT: Draft = {
  name: '',
  text: '',
  actors: '',
  speaker: '',
  eventTypes: [],
  eventSource: '',
  eventTarget: '',
  source: '',
  webhookUrl: '',
  webhookSecret: '',
};

/**
 * The request a filled form makes, empty fields left out; undefined while it has no name or no condition.
 * `watchlistRequest({...EMPTY_DRAFT, name: 'بيسكوف', speaker: 'بيسكوف'})` → `{name, query: {speaker: 'بيسكوف'}}`.
 */
export function watchlistRequest(draft: Draft): WatchlistRequest | undefined {
  const actors = parseList(draft.actors);
  const query: WatchQuery = {
    ...(draft.text.trim() ? { text: draft.text.trim() } : {}),
    ...(actors.length > 0 ? { actors } : {}),
    ...(draft.speaker.trim() ? { speaker: draft.speaker.trim() } : {}),
    ...(draft.eventTypes.length > 0 ? { eventTypes: draft.eventTypes } : {}),
    ...(draft.eventSource.trim() ? { eventSource: draft.eventSource.trim() } : {}),
    ...(draft.eventTarget.trim() ? { eventTarget: draft.eventTarget.trim() } : {}),
    ...(draft.source.trim() ? { source: draft.source.trim() } : {}),
  };
  if (!draft.name.trim() || Object.keys(query).length === 0) return undefined;
  const url = draft.webhookUrl.trim();
  const secret = draft.webhookSecret;
  return {
    name: draft.name.trim(),
    query,
    ...(url ? { webhook: { url, ...(secret ? { secret } : {}) } } : {}),
  };
}
