import { HttpError } from '../errors.ts';
import {
  ActorParams,
  ActorQuerystring,
  ActorResult,
  ActorsQuerystring,
  ActorsResult,
  ErrorBody,
  IntegrityQuerystring,
  IntegrityResult,
  NetworkQuerystring,
  NetworkResult,
  QueueStatus,
  TimelineQuerystring,
  TimelineResult,
} from '../schemas.ts';
import { withArabicNames } from '../actor-names.ts';
import { type Api, type RouteContext, wire } from '../context.ts';

/** Drops undefined fields so store queries get only the filters that were given. */
function given<T extends object>(query: T): T {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== '')) as T;
}

/** Actors, the network, the timeline, integrity reports and the queue. */
export function registerActorRoutes(app: Api, ctx: RouteContext): void {
  app.get(
    '/api/actors',
    { schema: { tags: ['actors'], summary: 'actors with counts, most named first', querystring: ActorsQuerystring, response: { 200: ActorsResult, 400: ErrorBody } } },
    async (request) => {
      const { q, ...rest } = request.query;
      return wire(withArabicNames({ actors: await ctx.store.listActors(given({ ...rest, text: q })) }));
    },
  );

  app.get(
    '/api/actors/:id',
    {
      schema: {
        tags: ['actors'],
        summary: "an actor's quotes, events and co-actors",
        params: ActorParams,
        querystring: ActorQuerystring,
        response: { 200: ActorResult, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const profile = await ctx.store.getActor(request.params.id, request.query.limit);
      if (profile === undefined) throw new HttpError(404, 'E_NOT_FOUND', `no actor ${request.params.id}`);
      return wire(withArabicNames(profile));
    },
  );

  app.get(
    '/api/network',
    {
      schema: {
        tags: ['actors'],
        summary: 'actors appearing, quoting or acting together',
        querystring: NetworkQuerystring,
        response: { 200: NetworkResult, 400: ErrorBody },
      },
    },
    async (request) => wire(withArabicNames(await ctx.store.network(given(request.query)))),
  );

  app.get(
    '/api/timeline',
    {
      schema: {
        tags: ['actors'],
        summary: 'articles and events per day',
        querystring: TimelineQuerystring,
        response: { 200: TimelineResult, 400: ErrorBody },
      },
    },
    async (request) => wire(await ctx.store.timeline(given(request.query))),
  );

  app.get(
    '/api/integrity',
    {
      schema: {
        tags: ['integrity'],
        summary: 'duplicate clusters, mismatched headlines, boilerplate removed, source profiles',
        querystring: IntegrityQuerystring,
        response: { 200: IntegrityResult, 400: ErrorBody },
      },
    },
    async (request) => wire(await ctx.store.integrityReport(given(request.query))),
  );

  app.get(
    '/api/queue',
    { schema: { tags: ['meta'], summary: 'the work queue, when the server runs with --queue', response: { 200: QueueStatus, 404: ErrorBody } } },
    async () => {
      if (ctx.queueStatus === undefined) throw new HttpError(404, 'E_NO_QUEUE', 'the server was started without a queue (--queue redis://…)');
      return ctx.queueStatus();
    },
  );
}
