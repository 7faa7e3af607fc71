import { ErrorBody, Health, SearchQuerystring, SearchResult, StoreStats } from '../schemas.ts';
import { type Api, type RouteContext, wire } from '../context.ts';

/** `GET /api/health`, `/api/stats`, `/api/search`. */
export function registerReadRoutes(app: Api, ctx: RouteContext): void {
  app.get('/api/health', { schema: { tags: ['meta'], summary: 'liveness and version', response: { 200: Health } } }, async () => ({
    ok: true,
    version: ctx.version,
  }));

  app.get('/api/stats', { schema: { tags: ['meta'], summary: 'what the store holds', response: { 200: StoreStats } } }, async () => ctx.store.stats());

  app.get(
    '/api/search',
    {
      schema: {
        tags: ['articles'],
        summary: 'full-text search with filters and pagination',
        querystring: SearchQuerystring,
        response: { 200: SearchResult, 400: ErrorBody },
      },
    },
    async (request) => {
      const { q, from, to, source, entity, limit, offset } = request.query;
      const hits = await ctx.store.search({
        text: q ?? '',
        limit,
        offset,
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to }),
        ...(source === undefined || source === '' ? {} : { source }),
        ...(entity === undefined || entity === '' ? {} : { entity }),
      });
      return wire({ hits, limit, offset });
    },
  );
}
