import { EVENT_TYPES } from '../../analyze/events/ontology.ts';
import { RasdError } from '../../core/errors.ts';
import { parseQuery } from '../../store/query.ts';
import type { WatchlistInput, WatchQuery, Webhook } from '../types.ts';

const QUERY_KEYS = [
  'text',
  'actors',
  'speaker',
  'eventTypes',
  'eventSource',
  'eventTarget',
  'source',
] as const;
const MAX_NAME = 200;
const MAX_FIELD = 1000;

/**
 * Checks a watch query coming from JSON (the API) or assembled from CLI flags: known fields only, strings
 * where strings belong, PLOVER event types (any case), at least one condition. Throws `RasdError`
 * (`E_USAGE`) naming the field. `parseWatchQuery({speaker: 'بيسكوف'})` → `{speaker: 'بيسكوف'}`;
 * `parseWatchQuery({eventTypes: ['threaten']})` → `{eventTypes: ['THREATEN']}`.
 */
export function parseWatchQuery(value: unknown, at = 'query'): WatchQuery {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`${at} must be an object`);
  const record = value as Record<string, unknown>;
  const unknown = Object.keys(record).find((k) => !(QUERY_KEYS as readonly string[]).includes(k));
  if (unknown !== undefined) fail(`${at}.${unknown} is not a query field; use ${QUERY_KEYS.join(', ')}`);
  const text = optionalString(record.text, `${at}.text`);
  if (text !== undefined && parseQuery(text).length === 0) fail(`${at}.text has no word to look for`);
  const speaker = optionalString(record.speaker, `${at}.speaker`);
  const eventSource = optionalString(record.eventSource, `${at}.eventSource`);
  const eventTarget = optionalString(record.eventTarget, `${at}.eventTarget`);
  const source = optionalString(record.source, `${at}.source`);
  const actors = optionalStrings(record.actors, `${at}.actors`);
  const eventTypes = optionalStrings(record.eventTypes, `${at}.eventTypes`)?.map((t, i) =>
    eventType(t, `${at}.eventTypes[${i}]`),
  );
  const query: WatchQuery = {
    ...(text === undefined ? {} : { text }),
    ...(actors === undefined ? {} : { actors }),
    ...(speaker === undefined ? {} : { speaker }),
    ...(eventTypes === undefined ? {} : { eventTypes }),
    ...(eventSource === undefined ? {} : { eventSource }),
    ...(eventTarget === undefined ? {} : { eventTarget }),
    ...(source === undefined ? {} : { source }),
  };
  if (Object.keys(query).length === 0) fail(`${at} needs at least one condition: ${QUERY_KEYS.join(', ')}`);
  return query;
}

/**
 * Checks a new watchlist from JSON: a name, a query (see `parseWatchQuery`) and an optional webhook with an
 * http(s) URL and a secret. `parseWatchlistInput({name: 'Peskov', query: {speaker: 'بيسكوف'}, webhook: {url: 'https://h/x'}})`.
 */
export function parseWatchlistInput(value: unknown): WatchlistInput {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail('a watchlist must be an object with name and query');
  const record = value as Record<string, unknown>;
  const name = optionalString(record.name, 'name');
  if (name === undefined) fail('name is required');
  if (name.length > MAX_NAME) fail(`name is longer than ${MAX_NAME} characters`);
  const query = parseWatchQuery(record.query);
  const webhook =
    record.webhook === undefined || record.webhook === null ? undefined : parseWebhook(record.webhook);
  return { name, query, ...(webhook === undefined ? {} : { webhook }) };
}

/** Checks a webhook: an absolute http(s) URL and an optional non-empty secret. `parseWebhook({url: 'https://h/hook', secret: 's'})`. */
export function parseWebhook(value: unknown): Webhook {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail('webhook must be an object with a url');
  const record = value as Record<string, unknown>;
  const url = optionalString(record.url, 'webhook.url');
  if (url === undefined || !isHttpUrl(url))
    fail(`webhook.url must be an http(s) URL, not ${JSON.stringify(record.url)}`);
  const secret = optionalString(record.secret, 'webhook.secret');
  return { url, ...(secret === undefined ? {} : { secret }) };
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function eventType(text: string, at: string): string {
  const upper = text.toUpperCase();
  if (!(EVENT_TYPES as readonly string[]).includes(upper))
    fail(`${at}: unknown event type ${JSON.stringify(text)}; use one of ${EVENT_TYPES.join(', ')}`);
  return upper;
}

// Blank values mean "not given", so a form's empty inputs and a CLI's unset flags read the same.
function optionalString(value: unknown, at: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') fail(`${at} must be a string`);
  const trimmed = value.trim();
  if (trimmed.length > MAX_FIELD) fail(`${at} is longer than ${MAX_FIELD} characters`);
  return trimmed === '' ? undefined : trimmed;
}

function optionalStrings(value: unknown, at: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) fail(`${at} must be an array of strings`);
  const out = value.map((v, i) => optionalString(v, `${at}[${i}]`)).filter((v) => v !== undefined);
  return out.length === 0 ? undefined : out;
}

function fail(message: string): never {
  throw new RasdError('E_USAGE', message);
}
