import { watchlistAtom } from '../../monitor/alerts/atom.ts';
import { parseInterval } from '../../monitor/sources/sources-file.ts';
import { parseWatchQuery } from '../../monitor/watchlists/parse.ts';
import type { Watchlist } from '../../monitor/types.ts';
import { type Api, type RouteContext, wire } from '../context.ts';
import { HttpError } from '../errors.ts';
import {
  AlertsQuerystring,
  AlertsResult,
  AtomQuerystring,
  IdParams,
  SourceBody,
  SourceRecord,
  SourcesResult,
  WatchlistBody,
  WatchlistView,
  WatchlistsResult,
} from '../monitor-schemas.ts';
import { ErrorBody } from '../schemas.ts';

const DEFAULT_EVERY = '15m';

/** Sources, watchlists, alerts and each watchlist's Atom feed: `/api/sources`, `/api/watchlists`, `/api/alerts`. */
export function registerMonitorRoutes(app: Api, ctx: RouteContext): void {
  const monitor = ctx.store.monitor;

  app.get('/api/sources', { schema: { tags: ['monitor'], summary: 'polled sources with their health', response: { 200: SourcesResult } } }, async () =>
    wire({ sources: await monitor.listSources() }),
  );

  app.post(
    '/api/sources',
    {
      schema: {
        tags: ['monitor'],
        summary: 'add a feed or sitemap to poll (or change its interval)',
        description: 'Beyond loopback, needs the bearer token.',
        body: SourceBody,
        response: { 201: SourceRecord, 400: ErrorBody, 401: ErrorBody },
      },
    },
    async (request, reply) => {
      ctx.requireWriter(request);
      const { url, every, kind, name } = request.body;
      const source = await monitor.addSource(
        { url: new URL(url).href, everyMs: parseInterval(every ?? DEFAULT_EVERY), ...(kind ? { kind } : {}), ...(name ? { name } : {}) },
        new Date().toISOString(),
      );
      return reply.status(201).send(wire(source));
    },
  );

  app.delete(
    '/api/sources/:id',
    { schema: { tags: ['monitor'], summary: 'stop polling a source', params: IdParams, response: { 204: { type: 'null' }, 401: ErrorBody, 404: ErrorBody } } },
    async (request, reply) => {
      ctx.requireWriter(request);
      if (!(await monitor.removeSource(request.params.id))) throw new HttpError(404, 'E_NOT_FOUND', `no source ${request.params.id}`);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/watchlists',
    { schema: { tags: ['monitor'], summary: 'saved watchlists (webhook secrets are never shown)', response: { 200: WatchlistsResult } } },
    async () => wire({ watchlists: (await monitor.listWatchlists()).map(watchlistView) }),
  );

  app.get(
    '/api/watchlists/:id',
    { schema: { tags: ['monitor'], summary: 'one watchlist', params: IdParams, response: { 200: WatchlistView, 404: ErrorBody } } },
    async (request) => wire(watchlistView(await requireWatchlist(ctx, request.params.id))),
  );

  app.post(
    '/api/watchlists',
    {
      schema: {
        tags: ['monitor'],
        summary: 'save a watchlist: a query over text, actors, quotes and events',
        description: 'Beyond loopback, needs the bearer token. At least one query condition is required.',
        body: WatchlistBody,
        response: { 201: WatchlistView, 400: ErrorBody, 401: ErrorBody },
      },
    },
    async (request, reply) => {
      ctx.requireWriter(request);
      const { name, query, webhook } = request.body;
      if (Object.keys(query).length === 0) throw new HttpError(400, 'E_BAD_REQUEST', 'a watchlist needs at least one condition in its query');
      parseWatchQuery(query); // beyond the schema: a text query must have words, event types must be known
      const saved = await monitor.addWatchlist({ name, query, ...(webhook ? { webhook } : {}) }, new Date().toISOString());
      return reply.status(201).send(wire(watchlistView(saved)));
    },
  );

  app.delete(
    '/api/watchlists/:id',
    { schema: { tags: ['monitor'], summary: 'delete a watchlist and its alerts', params: IdParams, response: { 204: { type: 'null' }, 401: ErrorBody, 404: ErrorBody } } },
    async (request, reply) => {
      ctx.requireWriter(request);
      if (!(await monitor.removeWatchlist(request.params.id))) throw new HttpError(404, 'E_NOT_FOUND', `no watchlist ${request.params.id}`);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/alerts',
    { schema: { tags: ['monitor'], summary: 'alerts, newest first, of one watchlist or all', querystring: AlertsQuerystring, response: { 200: AlertsResult, 400: ErrorBody } } },
    async (request) => {
      const { watchlist, limit, offset } = request.query;
      return wire({ alerts: await monitor.listAlerts({ limit, offset, ...(watchlist ? { watchlistId: watchlist } : {}) }) });
    },
  );

  app.get(
    '/api/watchlists/:id/atom',
    {
      schema: {
        tags: ['monitor'],
        summary: "the watchlist's alerts as an Atom feed (RFC 4287)",
        params: IdParams,
        querystring: AtomQuerystring,
        response: {
          200: { description: 'Atom XML', content: { 'application/atom+xml': { schema: { type: 'string' } } } },
          404: { description: 'no such watchlist', content: { 'application/json': { schema: ErrorBody } } },
        },
      },
    },
    async (request, reply) => {
      const watchlist = await requireWatchlist(ctx, request.params.id);
      const alerts = await monitor.listAlerts({ watchlistId: watchlist.id, limit: request.query.limit });
      const site = siteUrl(request.protocol, request.host);
      const xml = watchlistAtom(watchlist, alerts, { selfUrl: `${site}/api/watchlists/${watchlist.id}/atom`, siteUrl: site });
      return reply.type('application/atom+xml; charset=utf-8').send(xml);
    },
  );
}

async function requireWatchlist(ctx: RouteContext, id: string): Promise<Watchlist> {
  const watchlist = await ctx.store.monitor.getWatchlist(id);
  if (watchlist === undefined) throw new HttpError(404, 'E_NOT_FOUND', `no watchlist ${id}`);
  return watchlist;
}

/** A watchlist as answered: the secret replaced by whether there is one, and where its feed is. */
function watchlistView(watchlist: Watchlist) {
  const { webhook, ...rest } = watchlist;
  return {
    ...rest,
    ...(webhook === undefined ? {} : { webhook: { url: webhook.url, hasSecret: webhook.secret !== undefined && webhook.secret !== '' } }),
    atom: `/api/watchlists/${watchlist.id}/atom`,
  };
}

/** The server's own address as the client reached it, for links in the feed; the Host header is checked. */
function siteUrl(protocol: string, host: string): string {
  const safeHost = /^[A-Za-z0-9.:[\]-]{1,300}$/.test(host) ? host : 'localhost';
  return `${protocol === 'https' ? 'https' : 'http'}://${safeHost}`;
}
