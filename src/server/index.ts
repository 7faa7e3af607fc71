/** The HTTP API: JSON under /api, OpenAPI at /openapi.json, the web UI at /. */
export { createServer, DEFAULT_BODY_LIMIT, listRoutes, type RouteEntry, type ServerOptions } from './app.ts';
export type { Api } from './context.ts';
export { isLoopback, tokenMatches } from './security.ts';
export { type RunningServer, startServer } from './start.ts';
