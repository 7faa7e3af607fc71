import { ErrorBody, TrendsQuerystring, TrendsResult } from '../schemas.ts';
import { withArabicNames } from '../actor-names.ts';
import { type Api, type RouteContext, wire } from '../context.ts';

/**
 * `GET /api/trends`: per day, the stories most sources carried and the actors rising against their baseline.
 * `registerTrendRoutes(app, ctx)`; then `GET /api/trends?days=7&limit=10`.
 */
export function registerTrendRoutes(app: Api, ctx: RouteContext): void {
  app.get(
    '/api/trends',
    {
      schema: {
        tags: ['actors'],
        summary: 'per day: stories carried by the most sources, actors rising against their own baseline',
        querystring: TrendsQuerystring,
        response: { 200: TrendsResult, 400: ErrorBody },
      },
    },
    async (request) => {
      const { from, to, days, baselineDays, limit } = request.query;
      return wire(
        withArabicNames(
          await ctx.store.trends({
            days,
            baselineDays,
            limit,
            ...(from === undefined ? {} : { from }),
            ...(to === undefined ? {} : { to }),
          }),
        ),
      );
    },
  );
}
