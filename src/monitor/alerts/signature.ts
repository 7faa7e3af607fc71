import { createHmac, timingSafeEqual } from 'node:crypto';

const SCHEME = 'sha256=';

/**
 * The `X-Rasd-Signature` value of a webhook body: HMAC-SHA256 of the exact bytes sent, keyed by the
 * watchlist's secret, in hex. `signBody('{"a":1}', 's3cret')` → `'sha256=6b0…'`.
 */
export function signBody(body: string, secret: string): string {
  return `${SCHEME}${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/**
 * Checks a received signature against the body, for receivers written in TypeScript (and for our tests).
 * The comparison takes the same time wherever the strings differ, so the signature cannot be guessed byte by byte.
 * `verifySignature(body, req.headers['x-rasd-signature'], secret)` → true when it is ours.
 */
export function verifySignature(
  body: string,
  header: string | readonly string[] | undefined,
  secret: string,
): boolean {
  const value = Array.isArray(header) ? header[0] : header;
  if (typeof value !== 'string' || !value.startsWith(SCHEME)) return false;
  const expected = Buffer.from(signBody(body, secret), 'utf8');
  const given = Buffer.from(value.trim().toLowerCase(), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
