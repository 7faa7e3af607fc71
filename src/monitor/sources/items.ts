import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { makeRawArticle, type RawArticle } from '../../core/article.ts';
import { decodeWeb } from '../../ingest/charset.ts';
import { entryArticle, entryLink, type FeedEntry, listFeedEntries } from '../../ingest/feed.ts';
import { parseHtmlArticle } from '../../ingest/html/extract.ts';
import { isScriptUrl } from '../../ingest/jsonl.ts';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from '../../ingest/limits.ts';
import { DEFAULT_JSONL_FIELDS, type FetchedPage, reasonOf } from '../../ingest/types.ts';
import type { SourceKind } from '../types.ts';
import { sniffSourceKind } from './sniff.ts';
import { newestSitemaps, parseSitemap, type SitemapUrl } from './sitemap.ts';

/** One item a source lists, not yet loaded: its key (the item's absolute link) and how to read it. */
export interface SourceEntry {
  readonly key: string;
  /** Reads the item as a raw article, fetching its page when the listing has no full text. */
  readonly load: () => Promise<RawArticle>;
}

/** The items of one fetch of a source, and what could not be listed (a child sitemap that failed). */
export interface SourceListing {
  /** What the source turned out to serve (sniffed when the source did not say). */
  readonly kind: SourceKind;
  readonly entries: SourceEntry[];
  readonly problems: { readonly input: string; readonly reason: string }[];
}

/** How items are listed: the fetcher for pages and child sitemaps, and the limits. */
export interface ListOptions {
  readonly fetch: (url: string) => Promise<FetchedPage>;
  /** Fetch a feed item's page when the feed gives less text than this. */
  readonly feedSummaryChars: number;
  /** Children of a sitemap index followed, newest first. */
  readonly maxChildSitemaps: number;
  readonly limits?: InputLimits;
}

/** `{...DEFAULT_LIST_OPTIONS, fetch}`: pages fetched under 400 characters of feed text, three child sitemaps. */
export const DEFAULT_LIST_OPTIONS: Omit<ListOptions, 'fetch'> = {
  feedSummaryChars: 400,
  maxChildSitemaps: 3,
};

/**
 * The items of a fetched source, nothing loaded yet: feed entries, or the pages of a news sitemap (a
 * sitemap index is followed to its newest children); the kind is sniffed when not given. Throws a RasdError
 * when the document is unreadable.
 * `(await listSourceEntries(page, 'feed', {...DEFAULT_LIST_OPTIONS, fetch})).entries[0].key` → the first link.
 */
export async function listSourceEntries(
  page: FetchedPage,
  kind: SourceKind | undefined,
  options: ListOptions,
): Promise<SourceListing> {
  const text = decodeWeb(page.bytes, page.contentType).replace(/\0/g, '');
  const sniffed = kind ?? sniffSourceKind(text);
  if (sniffed === 'feed') return { kind: sniffed, entries: feedItems(text, page.url, options), problems: [] };
  return { kind: sniffed, ...(await sitemapItems(text, page.url, options)) };
}

function feedItems(text: string, feedUrl: string, options: ListOptions): SourceEntry[] {
  const sourceOptions = {
    fields: DEFAULT_JSONL_FIELDS,
    fetch: options.fetch,
    feedSummaryChars: options.feedSummaryChars,
    counter: { read: 0 },
    maxDocumentBytes: Number.MAX_SAFE_INTEGER, // unused by feeds; the fetcher caps every body
    ...(options.limits ? { limits: options.limits } : {}),
  };
  return listFeedEntries(text, feedUrl).flatMap((entry, index): SourceEntry[] => {
    const link = absoluteLink(entryLink(entry), feedUrl);
    // Without a usable link the entry is keyed by its content; with neither it cannot become an article.
    if (link === undefined && typeof entry.html !== 'string') return [];
    // The entry is read with its link made absolute (a relative link could not be fetched).
    const fixed: FeedEntry = { ...entry };
    if (link === undefined) delete fixed.link;
    else fixed.link = link;
    return [
      { key: link ?? contentKey(entry), load: () => entryArticle(fixed, index, feedUrl, sourceOptions) },
    ];
  });
}

async function sitemapItems(
  text: string,
  sitemapUrl: string,
  options: ListOptions,
): Promise<Omit<SourceListing, 'kind'>> {
  const sitemap = parseSitemap(text, sitemapUrl);
  if (sitemap.kind === 'urlset')
    return { entries: pageItems(sitemap.urls, sitemapUrl, options), problems: [] };
  const entries: SourceEntry[] = [];
  const problems: { input: string; reason: string }[] = [];
  for (const child of newestSitemaps(sitemap.sitemaps, options.maxChildSitemaps)) {
    const childUrl = absoluteLink(child.loc, sitemapUrl);
    if (childUrl === undefined) continue;
    try {
      const page = await options.fetch(childUrl);
      const parsed = parseSitemap(decodeWeb(page.bytes, page.contentType).replace(/\0/g, ''), page.url);
      // One level only: an index of indexes is not followed further (a loop or a fan-out bomb otherwise).
      if (parsed.kind === 'urlset') entries.push(...pageItems(parsed.urls, page.url, options));
      else problems.push({ input: childUrl, reason: 'nested sitemap index not followed' });
    } catch (error) {
      problems.push({ input: childUrl, reason: reasonOf(error) });
    }
  }
  return { entries, problems };
}

function pageItems(urls: readonly SitemapUrl[], sitemapUrl: string, options: ListOptions): SourceEntry[] {
  const limits = options.limits ?? DEFAULT_INPUT_LIMITS;
  const dated = (u: SitemapUrl) => Date.parse(u.publishedAt ?? u.lastmod ?? '') || 0;
  // Newest first, so a poll capped at some items takes the freshest news.
  const ordered = urls.map((url, index) => ({ url, index })).sort((a, b) => dated(b.url) - dated(a.url));
  return ordered.flatMap(({ url, index }): SourceEntry[] => {
    const link = absoluteLink(url.loc, sitemapUrl);
    if (link === undefined) return [];
    const load = async () => {
      const page = await options.fetch(link);
      const source = {
        kind: 'feed' as const,
        location: sitemapUrl,
        feedUrl: sitemapUrl,
        record: index + 1,
        url: page.url,
      };
      const article = parseHtmlArticle(
        decodeWeb(page.bytes, page.contentType).replace(/\0/g, ''),
        source,
        limits,
      );
      // A news sitemap's title and publication date are the publisher's own, cleaner than the page markup.
      const publishedAt = url.publishedAt ?? article.publishedAt ?? url.lastmod;
      return makeRawArticle({
        ...article,
        ...(url.title ? { title: url.title } : {}),
        ...(publishedAt ? { publishedAt } : {}),
      });
    };
    return [{ key: link, load }];
  });
}

/** An http(s) link made absolute against the listing's URL; script, data and other schemes are refused. */
function absoluteLink(link: string | undefined, base: string): string | undefined {
  if (link === undefined || isScriptUrl(link)) return undefined;
  try {
    const url = new URL(link.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function contentKey(entry: FeedEntry): string {
  const digest = bytesToHex(
    sha256(utf8ToBytes(`${entry.title ?? ''}\n${entry.date ?? ''}\n${entry.html ?? ''}`)),
  ).slice(0, 32);
  return `urn:rasd:entry:${digest}`;
}
