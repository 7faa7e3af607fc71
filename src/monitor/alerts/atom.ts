import type { Alert, MatchReason, Watchlist } from '../types.ts';
import { element } from './xml.ts';

export interface AtomOptions {
  /** Where this feed is served (`http://127.0.0.1:3000/api/watchlists/<id>/atom`): the rel=self link. */
  readonly selfUrl: string;
  /** The web UI's address; entries without a URL of their own link to its reader page. */
  readonly siteUrl: string;
  /** The page showing this watchlist's alerts, when the UI has one (default `siteUrl`). */
  readonly alternateUrl?: string;
}

const NO_TITLE = '(بلا عنوان)';

/**
 * A watchlist's alerts as an RFC 4287 Atom feed, newest first, in Arabic (`xml:lang="ar"`). Ids are tag: URIs
 * made of the watchlist's creation day and ids, so they never change with the server's address. Titles and
 * reasons are untrusted text: escaped, and stripped of characters XML cannot carry.
 * `watchlistAtom(watchlist, await store.monitor.listAlerts({watchlistId: watchlist.id, limit: 50}), {selfUrl, siteUrl})`.
 */
export function watchlistAtom(watchlist: Watchlist, alerts: readonly Alert[], options: AtomOptions): string {
  const feedId = watchlistTag(watchlist);
  const sorted = [...alerts].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  const updated = rfc3339(sorted[0]?.createdAt) ?? rfc3339(watchlist.createdAt) ?? new Date(0).toISOString();
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">',
    `  ${element('id', feedId)}`,
    `  ${element('title', `rasd — ${watchlist.name}`, { type: 'text' })}`,
    `  ${element('updated', updated)}`,
    `  <author>${element('name', 'rasd')}</author>`,
    `  ${element('link', undefined, { rel: 'self', type: 'application/atom+xml', href: options.selfUrl })}`,
    `  ${element('link', undefined, { rel: 'alternate', type: 'text/html', href: options.alternateUrl ?? options.siteUrl })}`,
    `  ${element('generator', 'rasd')}`,
    ...sorted.map((alert) => entry(alert, feedId, options.siteUrl)),
    '</feed>',
    '',
  ];
  return lines.join('\n');
}

/** The stable id of a watchlist's feed. `watchlistTag({id: 'w1', createdAt: '2026-11-29T09:00:00Z'})` → `'tag:rasd,2026-11-29:watchlist/w1'`. */
export function watchlistTag(watchlist: Pick<Watchlist, 'id' | 'createdAt'>): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(watchlist.createdAt)?.[0] ?? '2000-01-01';
  return `tag:rasd,${day}:watchlist/${encodeURIComponent(watchlist.id)}`;
}

/** The local reader page of an article (see `href` in web/src/router.ts). `readerUrl('http://h:3000/', 'a1')` → `'http://h:3000/#/article/a1'`. */
export function readerUrl(siteUrl: string, articleId: string): string {
  const hash = `#/article/${encodeURIComponent(articleId)}`;
  try {
    // Through URL, a bare origin (`http://h:3000`) gets its `/` before the hash.
    const url = new URL(siteUrl);
    url.hash = '';
    return `${url.toString()}${hash}`;
  } catch {
    return `${siteUrl.replace(/#.*$/, '')}${hash}`;
  }
}

function entry(alert: Alert, feedId: string, siteUrl: string): string {
  const reader = readerUrl(siteUrl, alert.articleId);
  // An article URL comes from a feed or a page: only http(s) is linked, anything else falls back to the reader.
  const url = alert.url !== undefined && /^https?:\/\//i.test(alert.url) ? alert.url : undefined;
  const updated = rfc3339(alert.createdAt) ?? new Date(0).toISOString();
  const published = rfc3339(alert.publishedAt);
  const parts = [
    element('id', `${feedId}/alert/${encodeURIComponent(alert.id)}`),
    element('title', alert.title?.trim() || NO_TITLE, { type: 'text' }),
    element('updated', updated),
    ...(published === undefined ? [] : [element('published', published)]),
    element('link', undefined, { rel: 'alternate', type: 'text/html', href: url ?? reader }),
    ...(url === undefined
      ? []
      : [element('link', undefined, { rel: 'related', type: 'text/html', href: reader })]),
    element('summary', summary(alert), { type: 'text' }),
    ...alert.match.reasons.map((r) =>
      element('category', undefined, {
        term: r.kind,
        ...(r.detail === undefined ? {} : { label: r.detail }),
      }),
    ),
  ];
  return `  <entry>\n${parts.map((p) => `    ${p}`).join('\n')}\n  </entry>`;
}

function summary(alert: Alert): string {
  const lines = alert.match.reasons.map(reasonLine);
  if (alert.outlet !== undefined) lines.push(`المصدر: ${alert.outlet}`);
  return lines.join('\n');
}

function reasonLine(reason: MatchReason): string {
  return `${reason.kind}: «${reason.text}»${reason.detail === undefined ? '' : ` (${reason.detail})`}`;
}

/** An ISO date or date-time as an RFC 3339 date-time (a bare day is midnight UTC); undefined when unreadable. */
function rfc3339(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
