import { parseFeed } from 'feedsmith';
import { makeRawArticle } from '../core/article.ts';
import { decodeWeb } from './charset.ts';
import { parseDate } from './dates.ts';
import { htmlToLines } from './html/blocks.ts';
import { parseHtmlArticle } from './html/extract.ts';
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
  let entries: Entry[];
  try {
    entries = feedEntries(parseFeed(xml));
  } catch (error) {
    yield { kind: 'failed', input: feedLocation, reason: `not a feed: ${reasonOf(error)}` };
    return;
  }
  const feedUrl = /^https?:/.test(feedLocation) ? feedLocation : undefined;
  for (const [index, entry] of entries.entries()) {
    const where = `${feedLocation}, item ${index + 1}`;
    const source = {
      kind: 'feed' as const,
      location: feedLocation,
      record: index + 1,
      ...(feedUrl ? { feedUrl } : {}),
      ...(entry.link ? { url: entry.link } : {}),
    };
    try {
      const text = entry.html === undefined ? '' : htmlToLines(entry.html);
      if (text.length < options.feedSummaryChars && entry.link !== undefined) {
        const page = await options.fetch(entry.link);
        const article = parseHtmlArticle(decodeWeb(page.bytes, page.contentType), { ...source, url: page.url });
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
