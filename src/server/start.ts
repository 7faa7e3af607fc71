import type { AddressInfo } from 'node:net';
import type { Api } from './context.ts';
import { createServer, type ServerOptions } from './app.ts';

export interface RunningServer {
  readonly app: Api;
  /** `http://host:port` it answers at. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Builds the server and listens (default 127.0.0.1:8080). Closing stops the server; the store stays open
 * (its owner closes it). `const s = await startServer({store, port: 0}); await fetch(`${s.url}/api/health`)`.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const app = await createServer({ ...options, host });
  await app.listen({ host, port: options.port ?? 8080 });
  const address = app.server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { app, url: `http://${shown === '0.0.0.0' ? '127.0.0.1' : shown}:${address.port}`, close: () => app.close() };
}
