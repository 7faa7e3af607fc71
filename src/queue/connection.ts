import type { ConnectionOptions } from 'bullmq';
import { RasdError } from '../core/errors.ts';

/** The queue BullMQ keeps rasd's ingest jobs in, unless `--queue-name` says otherwise. */
export const DEFAULT_QUEUE_NAME = 'rasd-ingest';

/** Where a queue lives: the Redis URL and the queue's name. */
export interface QueueAddress {
  readonly url: string;
  readonly name: string;
}

const QUEUE_NAME = /^[A-Za-z0-9_.-]{1,100}$/;

/**
 * Checks a `--queue` URL and queue name. `queueAddress('redis://127.0.0.1:6379')` → name `rasd-ingest`.
 * Only `redis://` and `rediss://` are queues; anything else is a usage error naming the value.
 */
export function queueAddress(url: string, name: string = DEFAULT_QUEUE_NAME): QueueAddress {
  if (!/^rediss?:\/\//i.test(url))
    throw new RasdError('E_USAGE', `--queue must be a redis:// URL, not ${JSON.stringify(url)}`);
  try {
    new URL(url);
  } catch {
    throw new RasdError('E_USAGE', 'not a valid Redis URL', { input: url });
  }
  if (!QUEUE_NAME.test(name))
    throw new RasdError(
      'E_USAGE',
      `queue name ${JSON.stringify(name)} must be letters, digits, _ . - (at most 100)`,
    );
  return { url, name };
}

/** BullMQ connection options for an address; blocking commands need `maxRetriesPerRequest: null`. */
export function connectionOptions(address: QueueAddress): ConnectionOptions {
  return { url: address.url, maxRetriesPerRequest: null };
}

/** The URL without its password, for messages. */
export function displayUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = '***';
  return parsed.href;
}

/** Rejects with a clear error when Redis does not answer in time, instead of retrying forever. */
export async function readyOrFail(
  ready: Promise<unknown>,
  address: QueueAddress,
  timeoutMs = 5000,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new RasdError('E_NOT_FOUND', `Redis did not answer within ${timeoutMs} ms`, {
            input: displayUrl(address.url),
          }),
        ),
      timeoutMs,
    );
  });
  try {
    await Promise.race([ready, timeout]);
  } catch (error) {
    if (error instanceof RasdError) throw error;
    throw new RasdError('E_NOT_FOUND', `cannot reach Redis: ${(error as Error).message}`, {
      input: displayUrl(address.url),
    });
  } finally {
    clearTimeout(timer);
  }
}

/** Keys rasd keeps beside BullMQ's own for a queue (totals, record failures), under BullMQ's prefix. */
export function rasdKey(name: string, what: 'totals' | 'record-failures' | 'lock:'): string {
  return `bull:${name}:rasd:${what}`;
}
