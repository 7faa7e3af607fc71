import type { Command } from 'commander';
import { RasdError } from '../core/errors.ts';
import { openStore } from '../store/open.ts';
import { databasePath } from './ingest.ts';

interface ServeCliOptions {
  db?: string;
  port: string;
  host: string;
  token?: string;
  queue?: string;
  queueName?: string;
  log?: boolean;
  rateLimit?: string;
}

/** `rasd serve`: the HTTP API and the web UI over a store, until interrupted. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API (/api, /openapi.json) and the web UI')
    .option('--db <file|url>', 'SQLite file or postgres:// URL (default $RASD_DB or ./rasd.db)')
    .option('--port <n>', 'port to listen on (0: any free port)', '8080')
    .option('--host <address>', 'address to listen on; beyond loopback a token is required', '127.0.0.1')
    .option('--token <token>', 'bearer token for writes (default $RASD_TOKEN)')
    .option('--queue <url>', 'attach a work queue (redis://…) and report it at /api/queue')
    .option('--queue-name <name>', 'the queue\'s name (default rasd-ingest)')
    .option('--log', 'log requests as JSON lines')
    .option('--rate-limit <n>', 'requests per minute per client address on /api (0: no limit)', '600')
    .action(async (options: ServeCliOptions) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new RasdError('E_USAGE', `--port must be 0–65535, not ${JSON.stringify(options.port)}`);
      const rateLimit = Number(options.rateLimit ?? '600');
      if (!Number.isInteger(rateLimit) || rateLimit < 0) throw new RasdError('E_USAGE', `--rate-limit must be a whole number ≥ 0, not ${JSON.stringify(options.rateLimit)}`);
      const token = options.token ?? process.env.RASD_TOKEN;
      const queueStatus = options.queue === undefined ? undefined : await loadQueueStatus(options.queue, options.queueName);
      // Fastify, the routes and the analyzers behind them load only when the server starts.
      const { startServer } = await import('../server/index.ts');
      const store = await openStore(databasePath(options.db));
      let server: Awaited<ReturnType<typeof startServer>>;
      try {
        server = await startServer({
          store,
          port,
          host: options.host,
          ...(token ? { token } : {}),
          ...(queueStatus ? { queueStatus } : {}),
          logger: options.log === true,
          rateLimit: rateLimit === 0 ? false : { max: rateLimit, windowMs: 60_000 },
        });
      } catch (error) {
        await store.close();
        throw error;
      }
      process.stderr.write(`rasd: serving ${server.url} (API under /api, OpenAPI at /openapi.json)\n`);
      const stop = async () => {
        await server.close();
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

/** The status of the attached queue; src/queue (and BullMQ) load only when a queue is asked for. */
async function loadQueueStatus(url: string, name: string | undefined): Promise<() => Promise<unknown>> {
  const { queueAddress, queueStatus } = await import('../queue/index.ts');
  const address = name === undefined ? queueAddress(url) : queueAddress(url, name);
  return () => queueStatus(address);
}
