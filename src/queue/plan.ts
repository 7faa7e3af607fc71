import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { formatFromName, type InputFormat, sniffFormat } from '../ingest/detect-format.ts';
import { walkFiles } from '../ingest/files.ts';
import { reasonOf } from '../ingest/types.ts';
import type { IngestJob, JobSettings, QueuedRecord } from './jobs.ts';

/** What planning yields: a job to enqueue, or an input that gives none (and why), as a local ingest reports it. */
export type PlannedItem =
  | { readonly kind: 'job'; readonly job: IngestJob }
  | { readonly kind: 'failed' | 'skipped'; readonly input: string; readonly reason: string };

export interface PlanOptions {
  readonly settings: JobSettings;
  /** Format forced with `--format`, as for a local ingest. */
  readonly format?: InputFormat;
  /** JSONL records per job, and a cap on the bytes they carry. */
  readonly recordsPerJob: number;
  readonly maxJobBytes: number;
  /** Largest document carried inside a job (the local ingest's limit). */
  readonly maxDocumentBytes: number;
  readonly stdin?: Readable;
}

export const DEFAULT_PLAN_LIMITS = {
  recordsPerJob: 50,
  maxJobBytes: 4 * 1024 * 1024,
  maxDocumentBytes: 32 * 1024 * 1024,
} as const;

/**
 * Splits inputs into jobs the way a local ingest walks them: a folder into its files (same order), a JSONL
 * file or stream into batches of records, any other file or stdin into one document, a URL into one job the
 * worker fetches, a WARC file into one job read from its absolute path.
 * `for await (const item of planJobs(['dump.jsonl.gz', 'pages/'], options))`.
 */
export async function* planJobs(
  inputs: readonly string[],
  options: PlanOptions,
): AsyncGenerator<PlannedItem> {
  for (const input of inputs) {
    try {
      if (input === '-') yield* planStdin(options);
      else if (/^https?:\/\//i.test(input)) {
        yield {
          kind: 'job',
          job: {
            kind: 'url',
            url: input,
            settings: options.settings,
            ...(options.format ? { format: options.format } : {}),
          },
        };
      } else {
        const info = await stat(input).catch(() => undefined);
        if (info === undefined) yield { kind: 'failed', input, reason: 'no such file or folder' };
        else if (info.isDirectory()) {
          for await (const path of walkFiles(input)) yield* planFile(path, options, true);
        } else yield* planFile(input, options, false);
      }
    } catch (error) {
      yield { kind: 'failed', input, reason: reasonOf(error) };
    }
  }
}

async function* planFile(path: string, options: PlanOptions, inFolder: boolean): AsyncGenerator<PlannedItem> {
  const format = options.format ?? formatFromName(path) ?? (inFolder ? undefined : await sniffFile(path));
  if (format === undefined) {
    yield { kind: 'skipped', input: path, reason: 'not a known article format' };
    return;
  }
  if (format === 'warc') {
    yield { kind: 'job', job: { kind: 'file', path: resolve(path), format, settings: options.settings } };
    return;
  }
  if (format === 'jsonl') {
    const file = createReadStream(path);
    yield* batchRecords(path.endsWith('.gz') ? file.pipe(createGunzip()) : file, path, options);
    return;
  }
  const size = (await stat(path)).size;
  if (size > options.maxDocumentBytes) {
    yield { kind: 'failed', input: path, reason: `larger than ${options.maxDocumentBytes} bytes` };
    return;
  }
  const bytes = await readWhole(createReadStream(path));
  yield {
    kind: 'job',
    job: documentJob(path, format, { kind: 'file', location: path }, bytes, options.settings),
  };
}

async function* planStdin(options: PlanOptions): AsyncGenerator<PlannedItem> {
  const stdin = options.stdin ?? process.stdin;
  const bytes = await readWhole(stdin, options.maxDocumentBytes);
  if (bytes.length === 0) {
    yield { kind: 'failed', input: 'stdin', reason: 'nothing on stdin' };
    return;
  }
  const format = options.format ?? sniffFormat(bytes.subarray(0, 1024));
  if (format === 'warc')
    yield { kind: 'failed', input: 'stdin', reason: 'WARC on stdin is not supported; give the file path' };
  else if (format === 'jsonl') yield* batchRecords(Readable.from([bytes]), 'stdin', options);
  else yield { kind: 'job', job: documentJob('stdin', format, { kind: 'stdin' }, bytes, options.settings) };
}

function documentJob(
  input: string,
  format: InputFormat,
  source: { kind: 'file' | 'stdin'; location?: string },
  bytes: Buffer,
  settings: JobSettings,
): IngestJob {
  return { kind: 'document', input, format, source, bytesBase64: bytes.toString('base64'), settings };
}

/** Groups JSONL lines into jobs, numbering records and bytes as the local reader does (blank lines count, yield nothing). */
async function* batchRecords(
  stream: Readable,
  input: string,
  options: PlanOptions,
): AsyncGenerator<PlannedItem> {
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let batch: QueuedRecord[] = [];
  let batchBytes = 0;
  let record = 0;
  let offset = 0;
  for await (const line of lines) {
    record++;
    const bytes = Buffer.byteLength(line) + 1;
    if (line.trim() !== '') {
      if (
        batch.length > 0 &&
        (batch.length >= options.recordsPerJob || batchBytes + bytes > options.maxJobBytes)
      ) {
        yield { kind: 'job', job: { kind: 'records', input, records: batch, settings: options.settings } };
        batch = [];
        batchBytes = 0;
      }
      batch.push({ record, offset, line });
      batchBytes += bytes;
    }
    offset += bytes;
  }
  if (batch.length > 0)
    yield { kind: 'job', job: { kind: 'records', input, records: batch, settings: options.settings } };
}

async function readWhole(stream: Readable, limit = Number.POSITIVE_INFINITY): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    total += buffer.length;
    if (total > limit) throw new Error(`larger than ${limit} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

async function sniffFile(path: string): Promise<InputFormat> {
  const handle = await open(path, 'r');
  try {
    const head = new Uint8Array(1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return sniffFormat(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}
