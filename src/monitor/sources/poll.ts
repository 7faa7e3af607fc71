import type { RawArticle } from '../../core/article.ts';
import type { IngestOptions, StoredItem } from '../../ingest/pipeline.ts';
import { type FetchedPage, type FetchRequest, reasonOf } from '../../ingest/types.ts';
import type { Store } from '../../store/store.ts';
import type { PollRecord, SourceRecord } from '../types.ts';
import { type Exclusive, unguarded } from './exclusive.ts';
import { ingestLoaded, type Problem, type Progress } from './ingest-loaded.ts';
import { DEFAULT_LIST_OPTIONS, listSourceEntries, type SourceEntry } from './items.ts';
import { nextPollTime } from './schedule.ts';

/** A fetcher taking conditional headers, as `createFetcher` builds. */
export type ConditionalFetch = (url: string, request?: FetchRequest) => Promise<FetchedPage>;

/** What a poll needs: `{store, fetch}`, the rest optional (`onStored` raises alerts; clock and random for tests). */
export interface PollOptions {
  readonly store: Store;
  readonly fetch: ConditionalFetch;
  /** Given each article stored or joined to a stored story, once committed (alerts are raised here); awaited. */
  readonly onStored?: (stored: StoredItem, source: SourceRecord) => void | Promise<void>;
  /** Serializes store writes when polls run concurrently (see `createExclusive`). */
  readonly exclusive?: Exclusive;
  /** Clock in epoch milliseconds and random source in [0, 1), injectable for tests. */
  readonly now?: () => number;
  readonly random?: () => number;
  readonly ingest?: IngestOptions;
  /** Fetch a feed item's page when the feed gives less text than this. */
  readonly feedSummaryChars?: number;
  readonly maxChildSitemaps?: number;
  /** Items loaded in one poll; the rest wait for the next poll (newest first in sitemaps, feed order in feeds). */
  readonly maxItemsPerPoll?: number;
  /** Items loaded before they are ingested together (one write turn each). */
  readonly chunkSize?: number;
}

/** What one poll did: the record stored in the source's health, and the details behind it. */
export interface PollResult {
  readonly sourceId: string;
  readonly url: string;
  readonly record: PollRecord;
  /** Items listed by this fetch (0 for a 304 or an error). */
  readonly listed: number;
  /** Copies of stories already stored (their cluster grew, no new article). */
  readonly duplicates: number;
  /** Items, child sitemaps or callbacks that failed while the poll itself went on. */
  readonly problems: readonly Problem[];
}

const DEFAULT_MAX_ITEMS = 200;
const DEFAULT_CHUNK = 10;

/**
 * Polls one source once: a conditional request with the stored validators; on 304 nothing else is fetched;
 * otherwise (1) list the items, (2) keep those never seen, (3) load each (its page fetched when needed) —
 * a failing item is reported, left unseen and the validators dropped so the next poll refetches —,
 * (4) ingest them and mark them seen, (5) record the poll with the next time due (backed off after
 * failures). Never throws: every failure is recorded in the source's health and returned.
 * `await pollSource(source, {store, fetch: createFetcher(opts), onStored: raiseAlerts})` → a PollResult.
 */
export async function pollSource(source: SourceRecord, options: PollOptions): Promise<PollResult> {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const exclusive = options.exclusive ?? unguarded;
  const monitor = options.store.monitor;
  const progress = { newItems: 0, ingested: 0, duplicates: 0, listed: 0, delaysMs: [] as number[] };
  const problems: Problem[] = [];
  let record: PollRecord;
  try {
    record = await fetchAndIngest(source, options, progress, problems);
  } catch (error) {
    const reason = reasonOf(error);
    const failures = source.health.failures + 1;
    const status = /\bHTTP (\d{3})\b/.exec(reason)?.[1];
    record = {
      at: new Date(now()).toISOString(),
      outcome: 'error',
      ...(status === undefined ? {} : { httpStatus: Number(status) }),
      error: reason,
      // Nothing new was learned about the document: the validators stay as they were.
      ...validatorsOf(source),
      nextPollAt: new Date(nextPollTime(now(), source.everyMs, failures, random)).toISOString(),
      failures,
      newItems: progress.newItems,
      ingested: progress.ingested,
      delaysMs: progress.delaysMs,
    };
  }
  try {
    await exclusive(() => monitor.recordPoll(source.id, record));
  } catch (error) {
    problems.push({ input: 'store', reason: `poll not recorded: ${reasonOf(error)}` });
  }
  return {
    sourceId: source.id,
    url: source.url,
    record,
    listed: progress.listed,
    duplicates: progress.duplicates,
    problems,
  };
}

async function fetchAndIngest(
  source: SourceRecord,
  options: PollOptions,
  progress: Progress,
  problems: Problem[],
): Promise<PollRecord> {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const exclusive = options.exclusive ?? unguarded;
  const monitor = options.store.monitor;
  const page = await options.fetch(source.url, { headers: conditionalHeaders(source) });
  const done = (outcome: 'ok' | 'not-modified', extra: Partial<PollRecord>): PollRecord => ({
    at: new Date(now()).toISOString(),
    outcome,
    httpStatus: page.status,
    nextPollAt: new Date(nextPollTime(now(), source.everyMs, 0, random)).toISOString(),
    failures: 0,
    newItems: progress.newItems,
    ingested: progress.ingested,
    delaysMs: progress.delaysMs,
    ...extra,
  });
  if (page.status === 304) {
    // A 304 may omit unchanged validators; the stored ones then still hold.
    return done('not-modified', {
      etag: page.etag ?? source.etag,
      lastModified: page.lastModified ?? source.lastModified,
    });
  }

  // (1) list, (2) keep the unseen.
  const listing = await listSourceEntries(page, source.kind, {
    ...DEFAULT_LIST_OPTIONS,
    fetch: options.fetch,
    ...(options.feedSummaryChars === undefined ? {} : { feedSummaryChars: options.feedSummaryChars }),
    ...(options.maxChildSitemaps === undefined ? {} : { maxChildSitemaps: options.maxChildSitemaps }),
  });
  problems.push(...listing.problems);
  const entries = uniqueByKey(listing.entries);
  progress.listed = entries.length;
  const unseen = new Set(
    await exclusive(() =>
      monitor.unseenItems(
        source.id,
        entries.map((e) => e.key),
      ),
    ),
  );
  const wanted = entries.filter((e) => unseen.has(e.key));
  const todo = wanted.slice(0, options.maxItemsPerPoll ?? DEFAULT_MAX_ITEMS);
  let complete = listing.problems.length === 0 && todo.length === wanted.length;

  // (3) load a chunk while other polls write, (4) ingest it in this poll's write turn.
  const chunkSize = Math.max(1, options.chunkSize ?? DEFAULT_CHUNK);
  for (let start = 0; start < todo.length; start += chunkSize) {
    const loaded: { key: string; article: RawArticle }[] = [];
    for (const entry of todo.slice(start, start + chunkSize)) {
      try {
        loaded.push({ key: entry.key, article: await entry.load() });
      } catch (error) {
        problems.push({ input: entry.key, reason: reasonOf(error) });
        complete = false;
      }
    }
    if (loaded.length > 0) await exclusive(() => ingestLoaded(source, loaded, options, progress, problems));
  }
  const kind = source.kind === undefined ? { kind: listing.kind } : {};
  // Validators are kept only when every item was handled: otherwise a 304 would hide the ones left behind.
  return done('ok', {
    ...kind,
    ...(complete
      ? {
          ...(page.etag ? { etag: page.etag } : {}),
          ...(page.lastModified ? { lastModified: page.lastModified } : {}),
        }
      : {}),
  });
}

function conditionalHeaders(source: SourceRecord): Record<string, string> {
  return {
    ...(source.etag ? { 'if-none-match': source.etag } : {}),
    ...(source.lastModified ? { 'if-modified-since': source.lastModified } : {}),
  };
}

function validatorsOf(source: SourceRecord): { etag?: string; lastModified?: string } {
  return {
    ...(source.etag ? { etag: source.etag } : {}),
    ...(source.lastModified ? { lastModified: source.lastModified } : {}),
  };
}

function uniqueByKey(entries: readonly SourceEntry[]): SourceEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => !seen.has(e.key) && seen.add(e.key) !== undefined);
}
