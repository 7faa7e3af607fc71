import { parseDate } from '../dates.ts';

/** What a page says about itself, read before Readability rewrites the DOM. */
export interface PageMeta {
  readonly title?: string;
  readonly publishedAt?: string;
  readonly author?: string;
  readonly canonicalUrl?: string;
  readonly language?: string;
  readonly siteName?: string;
}

interface Doc {
  querySelector(selector: string): { getAttribute(name: string): string | null; textContent: string | null } | null;
  querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null; textContent: string | null }>;
  documentElement: { getAttribute(name: string): string | null } | null;
}

const DATE_META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
  'meta[property="og:published_time"]',
  'meta[name="sailthru.date"]',
];

/**
 * Title, date, author, canonical URL, language and site name, from (in order of trust) JSON-LD, meta tags
 * and `<time>`. `readPageMeta(document).publishedAt` → `'2021-09-06T13:45:00.000Z'` or undefined.
 */
export function readPageMeta(doc: Doc): PageMeta {
  const ld = readJsonLd(doc);
  const meta = (selector: string) => doc.querySelector(selector)?.getAttribute('content')?.trim() || undefined;
  const time = doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? doc.querySelector('time')?.textContent ?? undefined;
  const dates = [ld.datePublished, ...DATE_META.map(meta), time];
  const out: Record<string, string | undefined> = {
    title: ld.headline ?? meta('meta[property="og:title"]') ?? doc.querySelector('title')?.textContent?.trim(),
    publishedAt: dates.map((d) => parseDate(d)).find((d) => d !== undefined),
    author: ld.author ?? meta('meta[name="author"]') ?? meta('meta[property="article:author"]'),
    canonicalUrl: doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta('meta[property="og:url"]'),
    language: doc.documentElement?.getAttribute('lang') ?? meta('meta[http-equiv="content-language"]'),
    siteName: meta('meta[property="og:site_name"]') ?? ld.publisher,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined && v !== '')) as PageMeta;
}

interface LdFacts {
  headline?: string;
  datePublished?: string;
  author?: string;
  publisher?: string;
}

function readJsonLd(doc: Doc): LdFacts {
  const facts: LdFacts = {};
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    let data: unknown;
    try {
      data = JSON.parse(scripts[i]!.textContent ?? '');
    } catch {
      continue; // Broken JSON-LD is common; the meta tags still count.
    }
    for (const node of flatten(data)) {
      const type = String(node['@type'] ?? '');
      if (!/Article|Posting|Report/i.test(type)) continue;
      facts.headline ??= str(node.headline);
      facts.datePublished ??= str(node.datePublished);
      facts.author ??= name(node.author);
      facts.publisher ??= name(node.publisher);
    }
  }
  return facts;
}

function flatten(data: unknown): Record<string, unknown>[] {
  if (Array.isArray(data)) return data.flatMap(flatten);
  if (typeof data !== 'object' || data === null) return [];
  const node = data as Record<string, unknown>;
  return [node, ...flatten(node['@graph'])];
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function name(value: unknown): string | undefined {
  if (Array.isArray(value)) return name(value[0]);
  if (typeof value === 'object' && value !== null) return str((value as Record<string, unknown>).name);
  return str(value);
}
