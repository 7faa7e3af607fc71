import { createFetcher, DEFAULT_FETCH_OPTIONS } from '../ingest/fetch.ts';
import { documentItems, readFileSource } from '../ingest/files.ts';
import { recordToItem } from '../ingest/jsonl.ts';
import { openSources } from '../ingest/sources.ts';
import { reasonOf, type SourceItem, type SourceOptions } from '../ingest/types.ts';
import type { IngestJob } from './jobs.ts';

/** Thrown between items when the worker is asked to stop: the job goes back to the queue unfinished. */
export class ShutdownRequested extends Error {
  constructor() {
    super('worker shutting down');
    this.name = 'ShutdownRequested';
  }
}

/**
 * The source items of one job, read by the same adapters a local ingest uses, so a job stores exactly what
 * `rasd ingest` of that input would. Stops between items when `signal` is aborted.
 * `for await (const item of jobItems(job))` → articles, failures and skips.
 */
export async function* jobItems(job: IngestJob, signal?: AbortSignal): AsyncGenerator<SourceItem> {
  const options: SourceOptions = {
    fields: job.settings.fields,
    fetch: createFetcher({
      ...DEFAULT_FETCH_OPTIONS,
      allowPrivate: job.settings.allowPrivate,
      allowHosts: job.settings.allowHosts ?? [],
      timeoutMs: job.settings.timeoutMs,
    }),
    feedSummaryChars: 400,
    counter: { read: 0 },
    maxDocumentBytes: 32 * 1024 * 1024,
  };
  for await (const item of itemsOf(job, options)) {
    if (signal?.aborted) throw new ShutdownRequested();
    yield item;
  }
}

async function* itemsOf(job: IngestJob, options: SourceOptions): AsyncGenerator<SourceItem> {
  switch (job.kind) {
    case 'records':
      for (const r of job.records)
        yield recordToItem(r.line, { input: job.input, record: r.record, offset: r.offset }, options.fields);
      return;
    case 'document':
      try {
        yield* documentItems(Buffer.from(job.bytesBase64, 'base64'), job.format, job.source, options);
      } catch (error) {
        yield { kind: 'failed', input: job.input, reason: reasonOf(error) };
      }
      return;
    case 'file':
      yield* readFileSource(job.path, options, job.format);
      return;
    case 'url':
      yield* openSources([job.url], options, job.format);
      return;
  }
}
