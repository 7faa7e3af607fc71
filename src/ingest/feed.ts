import { parseFeed } from 'feedsmith';
import { makeRawArticle } from '../core/article.ts';
import { RasdError } from '../core/errors.ts';
import { decodeWeb } from './charset.ts';
import { parseDate } from './dates.ts';
import { htmlToLines } from './html/blocks.ts';
import { parseHtmlArticle } from './html/extract.ts';
import { isScriptUrl } from './jsonl.ts';
import { DEFAULT_INPUT_LIMITS } from './limits.ts';
import { reasonOf, type SourceItem, type SourceOptions } from './types.ts';

/** One feed entry in the terms rasd needs, whatever the feed format. */
interface Entry {
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
  const unsafe = unsafeXmlReason(xml);
  if (unsafe !== undefined) {
    yield { kind: 'failed', input: feedLocation, reason: new RasdError('E_UNSAFE_INPUT', unsafe, { input: feedLocation }).message };
    return;
  }
  let entries: Entry[];
  try {
    entries = feedEntries(parseFeed(xml));
  } catch (error) {
    yield { kind: 'failed', input: feedLocation, reason: new RasdError('E_BAD_RECORD', `not a feed: ${reasonOf(error)}`, { input: feedLocation }).message };
    return;
  }
  const feedUrl = /^https?:/.test(feedLocation) ? feedLocation : undefined;
  for (const [index, entry] of entries.entries()) {
    const where = `${feedLocation}, item ${index + 1}`;
    // A `javascript:` or `data:` link is neither fetched nor kept as the article's address.
    const link = entry.link !== undefined && typeof entry.link === 'string' && !isScriptUrl(entry.link) ? entry.link : undefined;
    const source = {
      kind: 'feed' as const,
      location: feedLocation,
      record: index + 1,
      ...(feedUrl ? { feedUrl } : {}),
      ...(link ? { url: link } : {}),
    };
    try {
      const limits = options.limits ?? DEFAULT_INPUT_LIMITS;
      const text = typeof entry.html !== 'string' ? '' : htmlToLines(entry.html, limits.maxHtmlDepth);
      if (text.length < options.feedSummaryChars && link !== undefined) {
        const page = await options.fetch(link);
        const article = parseHtmlArticle(decodeWeb(page.bytes, page.contentType), { ...source, url: page.url }, limits);
        // The feed's own title and date are usually cleaner than what the page's markup says.
        yield { kind: 'article', article: makeRawArticle({ ...article, ...pickMeta(entry, article.author) }) };
        continue;
      }
      if (text === '') {
        yield { kind: 'failed', input: where, reason: 'entry has no text and no link' };
        continue;
      }
      yield { kind: 'article', article: makeRawArticle({ source, rawText: text, ...pickMeta(entry) }) };
    } catch (error) {
      yield { kind: 'failed', input: where, reason: reasonOf(error) };
    }
  }
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

function pickMeta(entry: Entry, fallbackAuthor?: string): { title?: string; publishedAt?: string; author?: string } {
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

function feedEntries(parsed: { format: string; feed: unknown }): Entry[] {
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
