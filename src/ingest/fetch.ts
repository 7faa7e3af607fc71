import { lookup } from 'node:dns';
import { lookup as lookupAsync } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { RasdError } from '../core/errors.ts';
import { isPrivateAddress } from './private-address.ts';
import type { FetchedPage, FetchRequest } from './types.ts';

export interface FetchOptions {
  readonly timeoutMs: number;
  /** Largest body, counted after decompression. */
  readonly maxBytes: number;
  readonly maxRedirects: number;
  /** Allow loopback and private addresses (tests, an intranet); off by default so a feed cannot reach them. */
  readonly allowPrivate: boolean;
  /** Host names (or literal addresses) allowed even when private — one intranet CMS — without opening all. */
  readonly allowHosts?: readonly string[];
  readonly userAgent: string;
  /** Politeness: at least this long between two requests to the same host. */
  readonly minHostIntervalMs: number;
}

export const DEFAULT_FETCH_OPTIONS: FetchOptions = {
  timeoutMs: 15_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  allowPrivate: false,
  userAgent: 'rasd/0.1 (+news analysis)',
  minHostIntervalMs: 1000,
};

/**
 * Builds a careful fetcher: http(s) only; every hop's host resolved and refused when private — checked again
 * on the address the socket actually connects to, so a host that re-resolves (DNS rebinding) gains nothing;
 * redirects followed by hand and capped; one deadline for the whole fetch; the body cut off past `maxBytes`
 * after decompression; requests to one host spaced by `minHostIntervalMs`; a User-Agent on every request.
 * A conditional request (`If-None-Match`/`If-Modified-Since` in `request.headers`) answered 304 comes back
 * as a page with `status: 304` and no bytes; the response's `etag`/`lastModified` validators are returned.
 * `await createFetcher({...DEFAULT_FETCH_OPTIONS, allowPrivate: true})('http://127.0.0.1:8080/')` → a page.
 */
export function createFetcher(options: FetchOptions = DEFAULT_FETCH_OPTIONS): (url: string, request?: FetchRequest) => Promise<FetchedPage> {
  const nextSlot = new Map<string, number>();
  const waitForHost = async (host: string) => {
    const now = Date.now();
    const at = Math.max(now, nextSlot.get(host) ?? 0);
    nextSlot.set(host, at + options.minHostIntervalMs);
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  };
  return async function fetchPage(start: string, request: FetchRequest = {}): Promise<FetchedPage> {
    // The polite wait comes before the deadline starts; redirects belong to the same request and do not wait.
    await waitForHost(hostOf(start));
    const signal = AbortSignal.timeout(options.timeoutMs);
    let url = start;
    for (let hop = 0; hop <= options.maxRedirects; hop++) {
      const target = await checkTarget(url, mayBePrivate(url, options), start);
      const response = await send(target, options, signal, start, request);
      // 304 answers the conditional request: nothing changed, whatever a stray Location header says.
      if (response.statusCode === 304) {
        response.resume();
        return { url, status: 304, contentType: String(response.headers['content-type'] ?? ''), bytes: new Uint8Array(0), ...validators(response) };
      }
      const location = response.headers.location;
      if (response.statusCode !== undefined && response.statusCode >= 300 && response.statusCode < 400 && location !== undefined) {
        response.resume();
        url = new URL(location, url).href;
        continue;
      }
      if ((response.statusCode ?? 0) >= 400) {
        response.resume();
        throw new RasdError('E_FETCH', `HTTP ${response.statusCode}`, { input: url });
      }
      const bytes = await readLimited(response, options.maxBytes, url, signal, options.timeoutMs);
      return { url, status: response.statusCode ?? 200, contentType: String(response.headers['content-type'] ?? ''), bytes, ...validators(response) };
    }
    throw new RasdError('E_FETCH', `more than ${options.maxRedirects} redirects`, { input: start });
  };
}

/** The response's cache validators, for the next conditional request. */
function validators(response: IncomingMessage): { etag?: string; lastModified?: string } {
  const etag = response.headers.etag;
  const lastModified = response.headers['last-modified'];
  return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}

/** Caller headers first, so the fetcher's own User-Agent and encodings (the body decoder relies on them) win. */
function requestHeaders(options: FetchOptions, request: FetchRequest): Record<string, string> {
  const headers: Record<string, string> = { accept: '*/*' };
  for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
  return { ...headers, 'user-agent': options.userAgent, 'accept-encoding': 'gzip, deflate, br' };
}

function send(target: URL, options: FetchOptions, signal: AbortSignal, start: string, fetchRequest: FetchRequest): Promise<IncomingMessage> {
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const url = target.href;
  return new Promise((resolve, reject) => {
    const req = request(target, {
      signal,
      headers: requestHeaders(options, fetchRequest),
      ...(mayBePrivate(url, options) ? {} : { lookup: publicOnlyLookup(url, start) }),
    });
    req.on('response', resolve);
    req.on('error', (error) => {
      if (error instanceof RasdError) reject(error);
      else if (signal.aborted) reject(new RasdError('E_FETCH', `fetch failed: timed out after ${options.timeoutMs} ms`, { input: url }));
      else reject(new RasdError('E_FETCH', `fetch failed: ${error.message}`, { input: url }));
    });
    req.end();
  });
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function mayBePrivate(url: string, options: FetchOptions): boolean {
  if (options.allowPrivate) return true;
  if (options.allowHosts === undefined || options.allowHosts.length === 0) return false;
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return false; // checkTarget reports the bad URL
  }
  return options.allowHosts.some((allowed) => allowed.toLowerCase() === host);
}

/** A DNS lookup for the socket that refuses private answers: the address checked is the address used. */
function publicOnlyLookup(url: string, start: string): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 4);
      const blocked = addresses.find((a) => isPrivateAddress(a.address));
      if (blocked !== undefined) return callback(refusal(url, start, blocked.address), '', 4);
      if (options.all) return (callback as unknown as (e: null, a: typeof addresses) => void)(null, addresses);
      const first = addresses[0];
      if (first === undefined) return callback(new RasdError('E_FETCH', `cannot resolve host ${hostname}`, { input: url }), '', 4);
      callback(null, first.address, first.family);
    });
  };
}

async function checkTarget(url: string, allowPrivate: boolean, start: string): Promise<URL> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RasdError('E_FETCH', 'not a URL', { input: url });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new RasdError('E_FETCH', `refusing ${parsed.protocol} URL`, { input: url });
  }
  if (allowPrivate) return parsed;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  // An address written in the URL is never looked up by the socket, so it is checked here; names are checked
  // here for a clear early message and again at connect time (publicOnlyLookup).
  if (isIP(host) !== 0) {
    if (isPrivateAddress(host)) throw refusal(url, start, host);
    return parsed;
  }
  let addresses: { address: string }[];
  try {
    addresses = await lookupAsync(host, { all: true });
  } catch {
    throw new RasdError('E_FETCH', `cannot resolve host ${host}`, { input: url });
  }
  const blocked = addresses.find((a) => isPrivateAddress(a.address));
  if (blocked !== undefined) throw refusal(url, start, blocked.address);
  return parsed;
}

function refusal(url: string, start: string, address: string): RasdError {
  const via = url === start ? '' : ` (redirected from ${start})`;
  return new RasdError('E_FETCH', `refusing private or loopback address ${address}${via}; use --allow-private`, { input: url });
}

async function readLimited(response: IncomingMessage, maxBytes: number, url: string, signal: AbortSignal, timeoutMs: number): Promise<Uint8Array> {
  const declared = Number(response.headers['content-length'] ?? '0');
  if (declared > maxBytes) {
    response.destroy();
    throw new RasdError('E_INPUT_TOO_LARGE', `response of ${declared} bytes exceeds ${maxBytes}`, { input: url });
  }
  const encoding = String(response.headers['content-encoding'] ?? '').trim().toLowerCase();
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip' ? createGunzip() : encoding === 'deflate' ? createInflate() : encoding === 'br' ? createBrotliDecompress() : undefined;
  // The limit counts decoded bytes, so a compressed bomb is cut off like any other oversized body.
  const body: AsyncIterable<Buffer> = decoder === undefined ? response : response.pipe(decoder);
  if (decoder !== undefined) response.on('error', (error) => decoder.destroy(error));
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of body) {
      total += chunk.length;
      if (total > maxBytes) {
        throw new RasdError('E_INPUT_TOO_LARGE', `response exceeds ${maxBytes} bytes${decoder ? ' once decompressed' : ''}`, { input: url, byteOffset: maxBytes });
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof RasdError) throw error;
    const reason = signal.aborted ? `timed out after ${timeoutMs} ms` : (error as Error).message;
    throw new RasdError('E_FETCH', `fetch failed: ${reason}`, { input: url });
  } finally {
    response.destroy();
    decoder?.destroy();
  }
  return Buffer.concat(chunks);
}
