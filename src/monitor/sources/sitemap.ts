import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { RasdError } from '../../core/errors.ts';
import { parseDate } from '../../ingest/dates.ts';
import { unsafeXmlReason } from '../../ingest/feed.ts';
import { reasonOf } from '../../ingest/types.ts';

/** One page a (news) sitemap lists: `<loc>`, `<lastmod>` and, in a news sitemap, its publication date and title. */
export interface SitemapUrl {
  readonly loc: string;
  readonly lastmod?: string;
  readonly publishedAt?: string;
  readonly title?: string;
}

/** A child sitemap of a `<sitemapindex>`. */
export interface SitemapRef {
  readonly loc: string;
  readonly lastmod?: string;
}

/** A parsed sitemap: the pages of a `<urlset>`, or the children of a `<sitemapindex>`. */
export type Sitemap =
  | { readonly kind: 'urlset'; readonly urls: SitemapUrl[] }
  | { readonly kind: 'index'; readonly sitemaps: SitemapRef[] };

/** The sitemap protocol's own limit per file; entries past it are not read. */
const MAX_ENTRIES = 50_000;

// Namespace prefixes dropped (`news:title` → `title`): publishers spell the prefix as they like. Values stay
// strings (no number guessing), and only the five XML entities are expanded — declarations are refused first.
const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'url' || name === 'sitemap',
});

/**
 * Parses a sitemap or sitemap index (text already decoded). Throws a RasdError for a DOCTYPE/ENTITY
 * declaration, malformed XML or another root element. Nothing from the file is trusted: entries without a
 * `<loc>` are dropped, dates are normalized or left out.
 * `parseSitemap('<urlset><url><loc>https://x/a</loc></url></urlset>', 'https://x/sitemap.xml')` → `{kind: 'urlset', urls: [{loc: 'https://x/a'}]}`.
 */
export function parseSitemap(xml: string, location: string): Sitemap {
  const unsafe = unsafeXmlReason(xml);
  if (unsafe !== undefined) throw new RasdError('E_UNSAFE_INPUT', unsafe, { input: location });
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw new RasdError('E_BAD_RECORD', `not a sitemap: ${valid.err.msg} (line ${valid.err.line})`, {
      input: location,
    });
  let tree: Loose;
  try {
    tree = parser.parse(xml) as Loose;
  } catch (error) {
    // Nesting deeper than the parser's limit, or a name it refuses (`__proto__`).
    throw new RasdError('E_BAD_RECORD', `not a sitemap: ${reasonOf(error)}`, { input: location });
  }
  if (tree.urlset !== undefined) {
    const urls = listOf(tree.urlset?.url)
      .slice(0, MAX_ENTRIES)
      .flatMap((url): SitemapUrl[] => {
        const loc = textOf(url?.loc);
        if (loc === undefined) return [];
        const lastmod = parseDate(textOf(url.lastmod));
        const publishedAt = parseDate(textOf(url.news?.publication_date));
        const title = textOf(url.news?.title);
        return [
          {
            loc,
            ...(lastmod ? { lastmod } : {}),
            ...(publishedAt ? { publishedAt } : {}),
            ...(title ? { title } : {}),
          },
        ];
      });
    return { kind: 'urlset', urls };
  }
  if (tree.sitemapindex !== undefined) {
    const sitemaps = listOf(tree.sitemapindex?.sitemap)
      .slice(0, MAX_ENTRIES)
      .flatMap((entry): SitemapRef[] => {
        const loc = textOf(entry?.loc);
        const lastmod = parseDate(textOf(entry?.lastmod));
        return loc === undefined ? [] : [{ loc, ...(lastmod ? { lastmod } : {}) }];
      });
    return { kind: 'index', sitemaps };
  }
  throw new RasdError('E_BAD_RECORD', 'not a sitemap: no <urlset> or <sitemapindex>', { input: location });
}

/**
 * The children of an index worth following: newest `lastmod` first (undated last), at most `max`.
 * `newestSitemaps([{loc: 'a', lastmod: '2024-01-01'}, {loc: 'b', lastmod: '2024-02-01'}], 1)` → `[{loc: 'b', …}]`.
 */
export function newestSitemaps(sitemaps: readonly SitemapRef[], max: number): SitemapRef[] {
  const time = (ref: SitemapRef) =>
    ref.lastmod === undefined
      ? Number.NEGATIVE_INFINITY
      : Date.parse(ref.lastmod) || Number.NEGATIVE_INFINITY;
  return [...sitemaps].sort((a, b) => time(b) - time(a)).slice(0, max);
}

// biome-ignore lint/suspicious/noExplicitAny: elements of the untyped tree; every field is checked by textOf.
type Loose = Record<string, any>;

function listOf(value: unknown): Loose[] {
  return Array.isArray(value) ? value.filter((v) => typeof v === 'object' && v !== null) : [];
}

function textOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}
