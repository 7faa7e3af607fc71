import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FetchedPage } from '../../ingest/types.ts';
import { DEFAULT_LIST_OPTIONS, listSourceEntries } from './items.ts';

const LONG = 'قال المتحدث باسم الكرملين دميتري بيسكوف إن المحادثات ستستمر الأسبوع المقبل في موسكو. '.repeat(
  8,
);

const page = (url: string, body: string, contentType = 'application/xml'): FetchedPage => ({
  url,
  status: 200,
  contentType,
  bytes: Buffer.from(body),
});

/** A fetcher over a fixed map of documents; anything else fails like a 404. */
function fakeFetch(documents: Record<string, string>, log: string[] = []) {
  return async (url: string): Promise<FetchedPage> => {
    log.push(url);
    const body = documents[url];
    if (body === undefined) throw new Error(`HTTP 404 for ${url}`);
    return page(url, body, url.endsWith('.xml') ? 'application/xml' : 'text/html; charset=utf-8');
  };
}

describe('items of a source', () => {
  it('keys feed entries by their absolute link, refusing script links and keying linkless text by content', async () => {
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
      <item><title>نسبي</title><link>/a/1</link><description>${LONG}</description></item>
      <item><title>سكربت</title><link>javascript:alert(1)</link><description>قصير</description></item>
      <item><title>بلا رابط</title><description>${LONG}</description></item>
    </channel></rss>`;
    const listing = await listSourceEntries(page('https://news.example/rss', rss), undefined, {
      ...DEFAULT_LIST_OPTIONS,
      fetch: fakeFetch({}),
    });
    assert.equal(listing.kind, 'feed');
    assert.equal(listing.entries[0]!.key, 'https://news.example/a/1');
    assert.match(listing.entries[1]!.key, /^urn:rasd:entry:[0-9a-f]{32}$/);
    assert.match(listing.entries[2]!.key, /^urn:rasd:entry:[0-9a-f]{32}$/);
    assert.notEqual(listing.entries[1]!.key, listing.entries[2]!.key);
    const article = await listing.entries[0]!.load();
    assert.equal(article.source.url, 'https://news.example/a/1');
    assert.equal(article.title, 'نسبي');
    const scripted = await listing.entries[1]!.load();
    assert.equal(scripted.source.url, undefined, 'a script link is neither fetched nor kept');
    assert.equal(scripted.rawText, 'قصير');
  });

  it('reads a JSON Feed like any other feed', async () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'أخبار',
      items: [
        {
          id: '1',
          url: 'https://j.example/1',
          title: 'خبر',
          content_text: LONG,
          date_published: '2024-05-01T10:00:00Z',
        },
      ],
    });
    const listing = await listSourceEntries(
      page('https://j.example/feed.json', json, 'application/feed+json'),
      undefined,
      {
        ...DEFAULT_LIST_OPTIONS,
        fetch: fakeFetch({}),
      },
    );
    assert.deepEqual([listing.kind, listing.entries.map((e) => e.key)], ['feed', ['https://j.example/1']]);
    assert.equal((await listing.entries[0]!.load()).publishedAt, '2024-05-01T10:00:00.000Z');
  });

  it('follows a sitemap index to its newest children and reports those it cannot read', async () => {
    const index = `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://x/missing.xml</loc><lastmod>2024-03-01</lastmod></sitemap>
      <sitemap><loc>https://x/nested.xml</loc><lastmod>2024-02-01</lastmod></sitemap>
      <sitemap><loc>https://x/news.xml</loc><lastmod>2024-01-01</lastmod></sitemap>
      <sitemap><loc>https://x/too-old.xml</loc><lastmod>2020-01-01</lastmod></sitemap>
    </sitemapindex>`;
    const log: string[] = [];
    const fetch = fakeFetch(
      {
        'https://x/nested.xml':
          '<sitemapindex><sitemap><loc>https://x/deeper.xml</loc></sitemap></sitemapindex>',
        'https://x/news.xml': `<urlset><url><loc>https://x/old</loc><lastmod>2024-01-01</lastmod></url>
          <url><loc>https://x/new</loc><lastmod>2024-01-02</lastmod></url><url><loc>data:text/html,x</loc></url></urlset>`,
        'https://x/new': `<html><head><title>صفحة</title></head><body><article><p>${LONG}</p></article></body></html>`,
      },
      log,
    );
    const listing = await listSourceEntries(page('https://x/index.xml', index), 'sitemap', {
      ...DEFAULT_LIST_OPTIONS,
      fetch,
    });
    assert.deepEqual(
      listing.entries.map((e) => e.key),
      ['https://x/new', 'https://x/old'],
      'newest first',
    );
    assert.deepEqual(
      listing.problems.map((p) => p.input),
      ['https://x/missing.xml', 'https://x/nested.xml'],
    );
    assert.ok(!log.includes('https://x/too-old.xml') && !log.includes('https://x/deeper.xml'));
    const article = await listing.entries[0]!.load();
    assert.equal(article.source.url, 'https://x/new');
    assert.equal(article.source.feedUrl, 'https://x/news.xml');
    assert.equal(article.publishedAt, '2024-01-02', 'the sitemap date when the page gives none');
  });
});
