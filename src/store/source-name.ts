import type { ArticleSource } from '../core/article.ts';

/**
 * The source an article was seen at, for profiles and filters: the outlet's name when the source gives one,
 * else the host of its URL (without `www.`), else the feed's host; undefined for local files without either.
 * `sourceName({kind: 'url', url: 'https://www.bbc.com/arabic/x'})` → `'bbc.com'`.
 */
export function sourceName(source: ArticleSource): string | undefined {
  const outlet = source.outlet?.trim();
  if (outlet) return outlet;
  return hostName(source.url) ?? hostName(source.feedUrl);
}

function hostName(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '').toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}
