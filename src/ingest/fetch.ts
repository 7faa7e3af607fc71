import { lookup } from 'node:dns/promises';
import { RasdError } from '../core/errors.ts';
import { isPrivateAddress } from './private-address.ts';
import type { FetchedPage } from './types.ts';

export interface FetchOptions {
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly maxRedirects: number;
  /** Allow loopback and private addresses (tests, an intranet); off by default so a feed cannot reach them. */
  readonly allowPrivate: boolean;
  readonly userAgent: string;
}

export const DEFAULT_FETCH_OPTIONS: FetchOptions = {
  timeoutMs: 15_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  allowPrivate: false,
  userAgent: 'rasd/0.1 (+news analysis)',
};

/**
 * Builds a careful fetcher: http(s) only, every hop's host resolved and refused when private, redirects
 * followed by hand and capped, one deadline for the whole fetch, and the body cut off past `maxBytes`.
 * `await createFetcher({...DEFAULT_FETCH_OPTIONS, allowPrivate: true})('http://127.0.0.1:8080/')` → a page.
 */
export function createFetcher(options: FetchOptions = DEFAULT_FETCH_OPTIONS): (url: string) => Promise<FetchedPage> {
  return async function fetchPage(start: string): Promise<FetchedPage> {
    const signal = AbortSignal.timeout(options.timeoutMs);
    let url = start;
    for (let hop = 0; hop <= options.maxRedirects; hop++) {
      await checkTarget(url, options.allowPrivate, start);
      let response: Response;
      try {
        response = await fetch(url, { redirect: 'manual', signal, headers: { 'user-agent': options.userAgent } });
      } catch (error) {
        const reason = signal.aborted ? `timed out after ${options.timeoutMs} ms` : (error as Error).message;
        throw new RasdError('E_FETCH', `fetch failed: ${reason}`, { input: url });
      }
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.body?.cancel();
        url = new URL(location, url).href;
        continue;
      }
      if (response.status >= 400) {
        await response.body?.cancel();
        throw new RasdError('E_FETCH', `HTTP ${response.status}`, { input: url });
      }
      const bytes = await readLimited(response, options.maxBytes, url);
      return { url, status: response.status, contentType: response.headers.get('content-type') ?? '', bytes };
    }
    throw new RasdError('E_FETCH', `more than ${options.maxRedirects} redirects`, { input: start });
  };
}

async function checkTarget(url: string, allowPrivate: boolean, start: string): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RasdError('E_FETCH', 'not a URL', { input: url });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new RasdError('E_FETCH', `refusing ${parsed.protocol} URL`, { input: url });
  }
  if (allowPrivate) return;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string }[];
  try {
    addresses = await lookup(host, { all: true });
  } catch {
    throw new RasdError('E_FETCH', `cannot resolve host ${host}`, { input: url });
  }
  // Checked before connecting; a host that re-resolves between lookup and connect is not covered.
  const blocked = addresses.find((a) => isPrivateAddress(a.address));
  if (blocked !== undefined) {
    const via = url === start ? '' : ` (redirected from ${start})`;
    throw new RasdError('E_FETCH', `refusing private or loopback address ${blocked.address}${via}; use --allow-private`, { input: url });
  }
}

async function readLimited(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new RasdError('E_INPUT_TOO_LARGE', `response of ${declared} bytes exceeds ${maxBytes}`, { input: url });
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (response.body === null) return new Uint8Array(0);
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.length;
    if (total > maxBytes) {
      throw new RasdError('E_INPUT_TOO_LARGE', `response exceeds ${maxBytes} bytes`, { input: url, byteOffset: maxBytes });
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
