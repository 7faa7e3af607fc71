import type { SourceKind } from '../types.ts';

/**
 * What a fetched source serves, from its first bytes: a `<urlset>` or `<sitemapindex>` root is a sitemap,
 * anything else is read as a feed (RSS, Atom, RDF, JSON Feed — the feed parser says when it is none).
 * `sniffSourceKind('<?xml version="1.0"?><urlset …>')` → `'sitemap'`.
 */
export function sniffSourceKind(text: string): SourceKind {
  // Skip the prolog — declaration, comments, processing instructions, a DOCTYPE — to find the root element.
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '');
  const root = /<([A-Za-z][\w.:-]*)/.exec(head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<![^>]*>/g, ''));
  const name = root?.[1]?.replace(/^.*:/, '').toLowerCase();
  return name === 'urlset' || name === 'sitemapindex' ? 'sitemap' : 'feed';
}
