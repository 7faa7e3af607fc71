import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newestSitemaps, parseSitemap } from './sitemap.ts';
import { sniffSourceKind } from './sniff.ts';

const NEWS_SITEMAP = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc>https://news.example/a/1</loc>
    <lastmod>2024-05-02T10:00:00+03:00</lastmod>
    <news:news>
      <news:publication><news:name>مثال</news:name><news:language>ar</news:language></news:publication>
      <news:publication_date>2024-05-02T09:30:00+03:00</news:publication_date>
      <news:title>بيسكوف: المحادثات مستمرة &amp; مثمرة</news:title>
    </news:news>
  </url>
  <url><loc> https://news.example/a/2 </loc></url>
  <url><lastmod>2024-05-01</lastmod></url>
</urlset>`;

describe('news sitemaps', () => {
  it('reads locations, dates and news titles, dropping entries without a location', () => {
    const sitemap = parseSitemap(NEWS_SITEMAP, 'https://news.example/sitemap.xml');
    assert.deepEqual(sitemap, {
      kind: 'urlset',
      urls: [
        {
          loc: 'https://news.example/a/1',
          lastmod: '2024-05-02T07:00:00.000Z',
          publishedAt: '2024-05-02T06:30:00.000Z',
          title: 'بيسكوف: المحادثات مستمرة & مثمرة',
        },
        { loc: 'https://news.example/a/2' },
      ],
    });
  });

  it('reads an index and picks its newest children first', () => {
    const index = `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://x/old.xml</loc><lastmod>2023-01-01</lastmod></sitemap>
      <sitemap><loc>https://x/undated.xml</loc></sitemap>
      <sitemap><loc>https://x/new.xml</loc><lastmod>2024-06-01</lastmod></sitemap>
    </sitemapindex>`;
    const sitemap = parseSitemap(index, 'https://x/index.xml');
    assert.equal(sitemap.kind, 'index');
    if (sitemap.kind !== 'index') return;
    assert.deepEqual(
      newestSitemaps(sitemap.sitemaps, 2).map((s) => s.loc),
      ['https://x/new.xml', 'https://x/old.xml'],
    );
  });

  it('refuses entity declarations, malformed XML and other documents', () => {
    assert.throws(
      () => parseSitemap('<?xml version="1.0"?><!DOCTYPE u [<!ENTITY a "b">]><urlset/>', 's.xml'),
      /ENTITY.*\[E_UNSAFE_INPUT\]/,
    );
    assert.throws(
      () => parseSitemap('<urlset><url><loc>x</url></urlset>', 's.xml'),
      /s\.xml: not a sitemap.*\[E_BAD_RECORD\]/,
    );
    assert.throws(() => parseSitemap('<rss><channel/></rss>', 's.xml'), /no <urlset> or <sitemapindex>/);
    const deep = `<urlset><url><loc>https://x/a</loc>${'<x>'.repeat(5000)}${'</x>'.repeat(5000)}</url></urlset>`;
    assert.throws(
      () => parseSitemap(deep, 'deep.xml'),
      /deep\.xml: not a sitemap: .*nested.*\[E_BAD_RECORD\]/i,
    );
  });

  it('tells a sitemap from a feed by its root element', () => {
    assert.equal(sniffSourceKind(NEWS_SITEMAP), 'sitemap');
    assert.equal(
      sniffSourceKind('\uFEFF<?xml version="1.0"?><!-- x --><sm:sitemapindex xmlns:sm="y"/>'),
      'sitemap',
    );
    assert.equal(sniffSourceKind('<?xml version="1.0"?><rss version="2.0"><channel/></rss>'), 'feed');
    assert.equal(sniffSourceKind('{"version": "https://jsonfeed.org/version/1.1"}'), 'feed');
  });
});
