import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XMLValidator } from 'fast-xml-parser';
import { parseAtomFeed } from 'feedsmith';
import type { Alert, Watchlist } from '../types.ts';
import { readerUrl, watchlistAtom, watchlistTag } from './atom.ts';
import { escapeAttribute, escapeText } from './xml.ts';

const watchlist: Watchlist = {
  id: 'w 1',
  name: 'كوريا & روسيا',
  query: { actors: ['كيم'] },
  createdAt: '2026-11-29T09:00:00.000Z',
};
const alert = (id: string, createdAt: string, extra: Partial<Alert> = {}): Alert => ({
  id,
  watchlistId: watchlist.id,
  clusterId: `c${id}`,
  articleId: `a${id}`,
  createdAt,
  match: { reasons: [{ kind: 'actor', start: 0, end: 3, text: 'كيم', detail: 'Kim Jong Un' }] },
  delivery: { status: 'none', attempts: 0 },
  ...extra,
});
const options = {
  selfUrl: 'http://127.0.0.1:3000/api/watchlists/w%201/atom',
  siteUrl: 'http://127.0.0.1:3000/',
};

describe('the Atom feed of a watchlist', () => {
  it('escapes untrusted titles and drops characters XML cannot carry', () => {
    const xml = watchlistAtom(
      watchlist,
      [alert('1', '2026-11-29T10:00:00.000Z', { title: 'عاجل <script>alert(1)</script> & "x"\u0001\uFFFE' })],
      options,
    );
    assert.equal(XMLValidator.validate(xml), true);
    assert.ok(!xml.includes('<script>'));
    assert.ok(xml.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp;'));
    const feed = parseAtomFeed(xml);
    assert.equal(
      feed.entries?.[0]?.title?.value ?? feed.entries?.[0]?.title,
      'عاجل <script>alert(1)</script> & "x"',
    );
  });

  it('is updated at its newest alert, else at the watchlist creation, and lists alerts newest first', () => {
    const xml = watchlistAtom(
      watchlist,
      [alert('1', '2026-11-29T10:00:00.000Z'), alert('2', '2026-11-29T11:00:00.000Z')],
      options,
    );
    const feed = parseAtomFeed(xml);
    assert.equal(String(feed.updated), '2026-11-29T11:00:00.000Z');
    assert.deepEqual(
      feed.entries?.map((e) => e.id),
      [`${watchlistTag(watchlist)}/alert/2`, `${watchlistTag(watchlist)}/alert/1`],
    );
    assert.equal(String(parseAtomFeed(watchlistAtom(watchlist, [], options)).updated), watchlist.createdAt);
  });

  it('links an entry to its article, else to the local reader page; a bare publication day becomes a date-time', () => {
    const xml = watchlistAtom(
      watchlist,
      [
        alert('1', '2026-11-29T10:00:00.000Z', {
          url: 'https://aawsat.com/a?x=1&y=2',
          publishedAt: '2023-09-15',
        }),
        alert('2', '2026-11-29T11:00:00.000Z', { url: 'javascript:alert(1)' }),
      ],
      options,
    );
    const [second, first] = parseAtomFeed(xml).entries ?? [];
    assert.equal(first?.links?.find((l) => l.rel === 'alternate')?.href, 'https://aawsat.com/a?x=1&y=2');
    assert.equal(String(first?.published), '2023-09-15T00:00:00.000Z');
    assert.equal(
      second?.links?.find((l) => l.rel === 'alternate')?.href,
      'http://127.0.0.1:3000/#/article/a2',
    );
  });

  it('builds stable tag: ids and reader links', () => {
    assert.equal(watchlistTag(watchlist), 'tag:rasd,2026-11-29:watchlist/w%201');
    assert.equal(readerUrl('http://h/rasd/#/search', 'id/1'), 'http://h/rasd/#/article/id%2F1');
    assert.equal(readerUrl('http://127.0.0.1:3000', 'a1'), 'http://127.0.0.1:3000/#/article/a1');
    assert.equal(escapeText('a<b>&'), 'a&lt;b&gt;&amp;');
    assert.equal(escapeAttribute('"\n'), '&quot;&#10;');
  });
});
