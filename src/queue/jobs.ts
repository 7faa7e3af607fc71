import type { ArticleSource } from '../core/article.ts';
import { RasdError } from '../core/errors.ts';
import type { InputFormat } from '../ingest/detect-format.ts';
import type { JsonlFields } from '../ingest/types.ts';

/** How every job of one `rasd ingest --queue` run is to be ingested: the same switches a local ingest takes. */
export interface JobSettings {
  readonly analyze: boolean;
  readonly fields: JsonlFields;
  readonly allowPrivate: boolean;
  /** Hosts allowed even when private (`--allow-host`); redirects from them are still checked. */
  readonly allowHosts?: readonly string[];
  readonly timeoutMs: number;
}

/** One JSONL line with its place in the input, so errors and sources name the same record a local ingest would. */
export interface QueuedRecord {
  readonly record: number;
  readonly offset: number;
  readonly line: string;
}

/**
 * One unit of queued work. Documents and record batches travel inside the job, so a worker on another
 * machine needs no shared disk; WARC files are too large for that and are read from their absolute path.
 */
export type IngestJob =
  | {
      readonly kind: 'records';
      readonly input: string;
      readonly records: readonly QueuedRecord[];
      readonly settings: JobSettings;
    }
  | {
      readonly kind: 'document';
      readonly input: string;
      readonly format: InputFormat;
      readonly source: ArticleSource;
      readonly bytesBase64: string;
      readonly settings: JobSettings;
    }
  | {
      readonly kind: 'file';
      readonly path: string;
      readonly format: InputFormat;
      readonly settings: JobSettings;
    }
  | {
      readonly kind: 'url';
      readonly url: string;
      readonly format?: InputFormat;
      readonly settings: JobSettings;
    };

/** The name BullMQ shows for a job: its kind and input. `jobLabel({kind: 'url', url: 'https://x/rss', …})` → `'url https://x/rss'`. */
export function jobLabel(job: IngestJob): string {
  if (job.kind === 'records') {
    const first = job.records[0]?.record ?? 0;
    const last = job.records.at(-1)?.record ?? first;
    return `records ${job.input}#${first}-${last}`;
  }
  if (job.kind === 'url') return `url ${job.url}`;
  if (job.kind === 'file') return `file ${job.path}`;
  return `document ${job.input}`;
}

const KINDS = new Set(['records', 'document', 'file', 'url']);

/** Checks job data read back from Redis (another version of rasd, or a hand-made job, may have put it there). */
export function parseJob(data: unknown, jobId: string): IngestJob {
  const fail = (reason: string) =>
    new RasdError('E_BAD_RECORD', `queued job is malformed: ${reason}`, { input: `job ${jobId}` });
  if (typeof data !== 'object' || data === null) throw fail('not an object');
  const job = data as Record<string, unknown>;
  if (typeof job.kind !== 'string' || !KINDS.has(job.kind))
    throw fail(`unknown kind ${JSON.stringify(job.kind)}`);
  const settings = job.settings as Record<string, unknown> | undefined;
  if (
    typeof settings !== 'object' ||
    settings === null ||
    typeof settings.analyze !== 'boolean' ||
    typeof settings.fields !== 'object'
  ) {
    throw fail('settings missing');
  }
  if (job.kind === 'records' && (!Array.isArray(job.records) || typeof job.input !== 'string'))
    throw fail('records missing');
  if (job.kind === 'document' && (typeof job.bytesBase64 !== 'string' || typeof job.format !== 'string'))
    throw fail('document bytes missing');
  if (job.kind === 'file' && typeof job.path !== 'string') throw fail('path missing');
  if (job.kind === 'url' && typeof job.url !== 'string') throw fail('url missing');
  return data as IngestJob;
}
