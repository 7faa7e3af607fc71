import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyRequest } from 'fastify';
import packageJson from '../../package.json' with { type: 'json' };
import { RasdError } from '../core/errors.ts';
import type { Store } from '../store/store.ts';
import type { Api, RouteContext } from './context.ts';
import { HttpError, toErrorAnswer } from './errors.ts';
import { registerActorRoutes } from './routes/actors.ts';
import { registerArticleRoutes } from './routes/articles.ts';
import { registerMonitorRoutes } from './routes/monitor.ts';
import { registerReadRoutes } from './routes/read.ts';
import { registerTrendRoutes } from './routes/trends.ts';
import { createRateLimiter, createSerialQueue, isLoopback, type RateLimitOptions, SECURITY_HEADERS, tokenMatches } from './security.ts';

export interface ServerOptions {
  readonly store: Store;
  /** The address the server listens on; decides whether writes need the token. Default `127.0.0.1`. */
  readonly host?: string;
  /** Default 8080; 0 picks a free port. */
  readonly port?: number;
  /** The bearer token writes need when the server listens beyond loopback. */
  readonly token?: string;
  /** The built web UI (`index.html` and assets); default the repository's `web/dist`; `null` for none. */
  readonly webRoot?: string | null;
  /** Largest request body, bytes. Default 2 MB. */
  readonly bodyLimit?: number;
  /** Requests per client address and window on `/api`; `false` for none. Default 600 a minute. */
  readonly rateLimit?: RateLimitOptions | false;
  /** The queue's status for `/api/queue`, when a queue is attached. */
  readonly queueStatus?: () => Promise<unknown>;
  /** Log requests and errors (pino, JSON lines on stdout). */
  readonly logger?: boolean;
}

export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024;
/** Bodies up to this size may be analyzed without the token (analysis is CPU-bound; big ones cost more). */
const SMALL_ANALYZE_BYTES = 64 * 1024;
const MAX_URL_LENGTH = 4096;
const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 600, windowMs: 60_000 };
const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/**
 * Builds the API server (routes, validation, OpenAPI, security headers, the web UI) without listening:
 * `const app = await createServer({store}); await app.inject('/api/health')`. Throws `RasdError` (E_USAGE)
 * for a host beyond loopback without a token.
 */
export async function createServer(options: ServerOptions): Promise<Api> {
  const host = options.host ?? '127.0.0.1';
  const open = isLoopback(host);
  const token = options.token === undefined || options.token === '' ? undefined : options.token;
  if (!open && token === undefined) {
    throw new RasdError('E_USAGE', `refusing to listen on ${host} without a token: pass --token or set RASD_TOKEN (writes beyond loopback need one)`);
  }
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // Unknown body fields are an error, not silently dropped.
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const routes: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, hidden: (route.schema as { hide?: boolean } | undefined)?.hide === true });
  });
  ROUTES.set(app, routes);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'rasd API', version: packageJson.version, description: 'Arabic news analysis: search, articles, actors, network, timeline, integrity, trends; monitoring: sources, watchlists, alerts.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });
  installGuards(app, options);

  const context: RouteContext = {
    store: options.store,
    version: packageJson.version,
    requireWriter: (request: FastifyRequest) => {
      if (open || token === undefined) return;
      if (!tokenMatches(request.headers.authorization, token)) throw new HttpError(401, 'E_UNAUTHORIZED', 'this server needs "Authorization: Bearer <token>" for writes');
    },
    isSmallBody: (request: FastifyRequest) => Number(request.headers['content-length'] ?? Number.POSITIVE_INFINITY) <= SMALL_ANALYZE_BYTES,
    serialWrite: createSerialQueue(),
    ...(options.queueStatus === undefined ? {} : { queueStatus: options.queueStatus }),
  };
  app.get('/openapi.json', { schema: { tags: ['meta'], summary: 'this OpenAPI description' } }, async () => app.swagger());
  registerReadRoutes(app, context);
  registerArticleRoutes(app, context);
  registerActorRoutes(app, context);
  registerTrendRoutes(app, context);
  registerMonitorRoutes(app, context);
  await registerWebUi(app, options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot);
  await app.ready();
  return app;
}

export interface RouteEntry {
  readonly method: string;
  readonly url: string;
  /** Left out of the OpenAPI description (the UI's static files). */
  readonly hidden: boolean;
}

const ROUTES = new WeakMap<object, RouteEntry[]>();

/** Every route the server registered, for checking the OpenAPI description against. `listRoutes(app)`. */
export function listRoutes(app: Api): readonly RouteEntry[] {
  return ROUTES.get(app) ?? [];
}

/** Security headers, URL length and rate limits, and the JSON error answers. */
function installGuards(app: Api, options: ServerOptions): void {
  const limiter = options.rateLimit === false ? undefined : createRateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  app.addHook('onRequest', async (request, reply) => {
    reply.headers(SECURITY_HEADERS);
    if (request.url.length > MAX_URL_LENGTH) throw new HttpError(414, 'E_URI_TOO_LONG', `the request URL is longer than ${MAX_URL_LENGTH} characters`);
    if (!request.url.startsWith('/api/')) return;
    reply.header('cache-control', 'no-store');
    const wait = limiter?.take(request.ip) ?? 0;
    if (wait > 0) {
      reply.header('retry-after', String(Math.ceil(wait / 1000)));
      throw new HttpError(429, 'E_RATE_LIMITED', 'too many requests; retry later');
    }
  });
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toErrorAnswer(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    reply.status(status).type('application/json; charset=utf-8').send(body);
  });
}

/** Serves the built UI; unknown non-API paths get `index.html` so the UI's own routes load (an SPA). */
async function registerWebUi(app: Api, webRoot: string | null): Promise<void> {
  const hasUi = webRoot !== null && existsSync(join(webRoot, 'index.html'));
  if (hasUi) await app.register(fastifyStatic, { root: webRoot, index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url === '/api' || request.url.startsWith('/openapi.json');
    if (hasUi && !isApi && (request.method === 'GET' || request.method === 'HEAD')) return reply.type('text/html; charset=utf-8').sendFile('index.html');
    return reply.status(404).send({ error: { code: 'E_NOT_FOUND', message: `no route ${request.method} ${request.url.split('?')[0]}` } });
  });
}
