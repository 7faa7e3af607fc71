/**
 * Source polling for live monitoring: conditional fetches of feeds and news sitemaps, scheduling with
 * backoff, and the watch loop. `await runWatch({store, fetch: createFetcher(opts), once: true})`.
 */
export { type Exclusive, createExclusive } from './exclusive.ts';
export { parseInterval } from './interval.ts';
export { DEFAULT_LIST_OPTIONS, listSourceEntries, type SourceEntry, type SourceListing } from './items.ts';
export { type ConditionalFetch, type PollOptions, type PollResult, pollSource } from './poll.ts';
export { backoffMs, MAX_BACKOFF_MS, nextPollTime } from './schedule.ts';
export { newestSitemaps, parseSitemap, type Sitemap, type SitemapRef, type SitemapUrl } from './sitemap.ts';
export { sniffSourceKind } from './sniff.ts';
export { type ListedSource, parseSourcesText, readSourcesFile } from './sources-file.ts';
export { runWatch, type WatchOptions, type WatchSummary } from './watch.ts';
export { describePoll } from './describe.ts';
export type { IngestContext, Problem, Progress } from './ingest-loaded.ts';
