import { createHash } from 'node:crypto';

/**
 * A source's stable id: the first 16 hex digits of the SHA-256 of its URL, so every process names a source
 * alike without asking the database. `sourceId('https://x.example/rss')` → a 16-character hex string.
 */
export function sourceId(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 16);
}
