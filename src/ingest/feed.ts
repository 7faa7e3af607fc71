import { parseFeed } from 'feedsmith';
import { makeRawArticle, type RawArticle } from '../core/article.ts';
import { RasdError } from '../core/errors.ts';
import { decodeWeb } from './charset.ts';
import { parseDate } from './dates.ts';
import { htmlToLines } from './html/blocks.ts';
import { parseHtmlArticle } from './html/extract.ts';
import { isScriptUrl } from './jsonl.ts';
import { DEFAULT_INPUT_LIMITS } from './limits.ts';
import { reasonOf, type SourceItem, type SourceOptions } from './types.ts';

/** One feed entry in the terms rasd needs, whatever the feed format. */
export interface FeedEntry {
  title?: string;
  link?: string;
  date?: string;
  author?: string;
  html?: string;
}

/**
 * Reads an RSS 2.0 or Atom feed (text already decoded) and yields its entries as articles. When an entry
 * carries less text than `options.feedSummaryChars` — a summary-only feed — the linked page is fetched
 * and its main content extracted instead. `readFeed(xml, 'https://x/feed', options)` → articles.
 */
export async function* readFeed(xml: string, feedLocation: string, options: SourceOptions): AsyncGenerator<SourceItem> {
  let entries: FeedEntry[];
  try {
    entries = listFeedEntries(xml, feedLocation);
  } catch (error) {
    yield { kind: 'failed', input: feedLocation, reason: reasonOf(error) };
    return;
  }
  for (const [index, entry] of entries.entries()) {
    try {
      yield { kind: 'article', article: await entryArticle(entry, index, feedLocation, options) };
    } catch (error) {
      yield { kind: 'failed', input: `${feedLocation}, item ${index + 1}`, reason: reasonOf(error) };
    }
  }
}

/**
 * The entries of a feed (RSS, Atom, RDF or JSON Feed, text already decoded), nothing fetched; throws a
 * RasdError for an unsafe or unreadable feed. `listFeedEntries(xml, 'https://x/rss')[0].link` → the first link.
 */
export function listFeedEntries(xml: string, feedLocation: string): FeedEntry[] {
  const unsafe = unsafeXmlReason(xml);
  if (unsafe !== undefined) throw new RasdError('E_UNSAFE_INPUT', unsafe, { input: feedLocation });
  try {
    return feedEntries(parseFeed(xml));
  } catch (error) {
    throw new RasdError('E_BAD_RECORD', `not a feed: ${reasonOf(error)}`, { input: feedLocation });
  }
}

/**
 * The entry's link when it may be fetched and kept: `javascript:` or `data:` links are neither.
 * `entryLink({link: 'javascript:x'})` → undefined.
 */
export function entryLink(entry: FeedEntry): string | undefined {
  return entry.link !== undefined && typeof entry.link === 'string' && !isScriptUrl(entry.link) ? entry.link : undefined;
}

/**
 * One feed entry (`index` is 0-based) as a raw article: its own text, or — when it carries less than
 * `options.feedSummaryChars` — the main content of its linked page, fetched. Throws when neither gives text.
 * `await entryArticle(entries[0], 0, 'https://x/rss', options)` → a RawArticle.
 */
export async function entryArticle(entry: FeedEntry, index: number, feedLocation: string, options: SourceOptions): Promise<RawArticle> {
  const feedUrl = /^https?:/.test(feedLocation) ? feedLocation : undefined;
  const link = entryLink(entry);
  const source = {
    kind: 'feed' as const,
    location: feedLocation,
    record: index + 1,
    ...(feedUrl ? { feedUrl } : {}),
    ...(link ? { url: link } : {}),
  };
  const limits = options.limits ?? DEFAULT_INPUT_LIMITS;
  const text = typeof entry.html !== 'string' ? '' : htmlToLines(entry.html, limits.maxHtmlDepth);
  if (text.length < options.feedSummaryChars && link !== undefined) {
    const page = await options.fetch(link);
    const article = parseHtmlArticle(decodeWeb(page.bytes, page.contentType), { ...source, url: page.url }, limits);
    // The feed's own title and date are usually cleaner than what the page's markup says.
    return makeRawArticle({ ...article, ...pickMeta(entry, article.author) });
  }
  if (text === '') throw new Error('entry has no text and no link');
  return makeRawArticle({ source, rawText: text, ...pickMeta(entry) });
}

/**
 * Why a feed must not be parsed, if it must not: a DOCTYPE with an internal subset or any ENTITY declaration
 * is how "billion laughs" expansion and external-entity reads (XXE) get in, and no real news feed needs one.
 * A plain public DOCTYPE (old RSS 0.91) is harmless: DTDs are never fetched.
 */
export function unsafeXmlReason(xml: string): string | undefined {
  // Declarations can only stand before the root element; text after it may quote them harmlessly.
  const root = xml.search(/<[A-Za-z]/);
  const prolog = root === -1 ? xml : xml.slice(0, root);
  if (/<!ENTITY/i.test(prolog)) return 'XML entity declarations (<!ENTITY>) are refused: entity expansion and external entities';
  if (/<!DOCTYPE[^>[]*\[/i.test(prolog)) return 'XML DOCTYPE with an internal subset is refused';
  if (/<!DOCTYPE[^>]*\bSYSTEM\b/i.test(prolog)) return 'XML DOCTYPE naming a SYSTEM resource is refused (external entities)';
  return undefined;
}

function pickMeta(entry: FeedEntry, fallbackAuthor?: string): { title?: string; publishedAt?: string; author?: string } {
  const publishedAt = parseDate(entry.date);
  const author = entry.author ?? fallbackAuthor;
  return {
    ...(entry.title ? { title: entry.title.trim() } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    ...(author ? { author } : {}),
  };
}

// biome-ignore lint/suspicious/noExplicitAny: feedsmith types each format separately; this reads the few shared fields.
type Loose = Record<string, any>;

function feedEntries(parsed: { format: string; feed: unknown }): FeedEntry[] {
  const feed = parsed.feed as Loose;
  if (parsed.format === 'atom') {
    return ((feed.entries ?? []) as Loose[]).map((e) => ({
      title: e.title?.value ?? e.title,
      link: (e.links as Loose[] | undefined)?.find((l) => l.rel === undefined || l.rel === 'alternate')?.href,
      date: e.published ?? e.updated,
      author: e.authors?.[0]?.name,
      html: e.content?.value ?? e.summary?.value,
    }));
  }
  // RSS, RDF and JSON Feed share enough shape for these fields.
  return ((feed.items ?? []) as Loose[]).map((i) => ({
    title: i.title,
    link: i.link ?? i.url,
    date: i.pubDate ?? i.dc?.date ?? i.dc?.dates?.[0] ?? i.date_published,
    author: i.dc?.creators?.[0] ?? i.dc?.creator ?? i.authors?.[0]?.name ?? i.authors?.[0] ?? i.author,
    html: i.content?.encoded ?? i.content_html ?? i.description ?? i.content_text,
  }));
}
