import { stat } from 'node:fs/promises';
import { RasdError } from '../core/errors.ts';
import { createFetcher, DEFAULT_FETCH_OPTIONS } from '../ingest/fetch.ts';
import { jsonlFields } from '../ingest/jsonl.ts';
import { DEFAULT_INGEST_OPTIONS, type IngestSummary, ingestItems } from '../ingest/pipeline.ts';
import { createProgress } from '../ingest/progress.ts';
import { openSources } from '../ingest/sources.ts';
import type { ByteCounter } from '../ingest/types.ts';
import { createAlertHook } from '../monitor/alert-hook.ts';
import { openStore } from '../store/open.ts';
import { EXIT } from './exit-codes.ts';
import { databasePath, type IngestCliOptions } from './ingest.ts';
import { positive } from './queue-options.ts';

/** `rasd ingest`'s work, loaded only when it runs (see ingest.ts for the options). */
export async function runIngest(inputs: string[], options: IngestCliOptions): Promise<void> {
  let fields: ReturnType<typeof jsonlFields>;
  try {
    fields = jsonlFields(options.field);
  } catch (error) {
    throw new RasdError('E_USAGE', (error as Error).message);
  }
  if (options.queue !== undefined) {
    await enqueueCommand(inputs, options, fields);
    return;
  }
  const counter: ByteCounter = { read: 0 };
  const store = await openStore(databasePath(options.db));
  const progress = createProgress(process.stderr, counter, await totalBytes(inputs));
  const fetch = createFetcher({
    ...DEFAULT_FETCH_OPTIONS,
    allowPrivate: options.allowPrivate === true,
    allowHosts: options.allowHost,
    timeoutMs: Number(options.timeout),
  });
  const sourceOptions = {
    fields,
    fetch,
    feedSummaryChars: 400,
    counter,
    maxDocumentBytes: 32 * 1024 * 1024,
  };
  let summary: IngestSummary;
  try {
    summary = await ingestItems(store, openSources(inputs, sourceOptions, options.format), {
      ...DEFAULT_INGEST_OPTIONS,
      analyze: options.analyze,
      batchSize: Math.max(1, Number(options.batch) || DEFAULT_INGEST_OPTIONS.batchSize),
      onItem: (s) => progress.update(s),
      // Articles ingested by hand raise watchlist alerts too (`rasd watch` delivers their webhooks).
      onCommitted: createAlertHook(store, {
        onError: (error, stored) =>
          process.stderr.write(
            `rasd: alerts for ${stored.sourceKey} not raised: ${(error as Error).message}\n`,
          ),
      }),
    });
  } finally {
    progress.done();
    await store.close();
  }
  process.stdout.write(options.json ? `${JSON.stringify(summary)}\n` : formatSummary(summary));
  if (
    summary.failed > 0 &&
    summary.new + summary.duplicates + summary.nearDuplicates + summary.unchanged === 0
  )
    process.exitCode = EXIT.badInput;
}

/** `--queue`: plan jobs from the inputs and put them on the queue; workers do the ingest. */
async function enqueueCommand(
  inputs: string[],
  options: IngestCliOptions,
  fields: ReturnType<typeof jsonlFields>,
): Promise<void> {
  const { DEFAULT_PLAN_LIMITS, enqueueJobs, planJobs, queueAddress } = await import('../queue/index.ts');
  const address = queueAddress(options.queue ?? '', options.queueName);
  const settings = {
    analyze: options.analyze,
    fields,
    allowPrivate: options.allowPrivate === true,
    allowHosts: options.allowHost,
    timeoutMs: Number(options.timeout),
  };
  const summary = await enqueueJobs(
    address,
    planJobs(inputs, {
      ...DEFAULT_PLAN_LIMITS,
      settings,
      recordsPerJob: positive('--records-per-job', options.recordsPerJob),
      ...(options.format ? { format: options.format } : {}),
    }),
  );
  if (options.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  else {
    const lines = [
      `queued: ${summary.jobs} jobs (${summary.units} records, documents and URLs) on ${address.name}`,
      `skipped: ${summary.skipped}`,
      `failed: ${summary.failed}`,
    ];
    lines.push(...summary.failures.slice(0, 50).map((f) => `  ${f.input}: ${f.reason}`));
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  if (summary.failed > 0 && summary.jobs === 0) process.exitCode = EXIT.badInput;
}

/** Sum of the sizes of the file and folder inputs, for the ETA; undefined when any input is a URL or stdin. */
async function totalBytes(inputs: readonly string[]): Promise<number | undefined> {
  let total = 0;
  for (const input of inputs) {
    if (input === '-' || /^https?:/i.test(input)) return undefined;
    try {
      const info = await stat(input);
      if (info.isDirectory()) return undefined;
      total += info.size;
    } catch {
      // A missing input is reported by the ingest itself.
    }
  }
  return total;
}

function formatSummary(s: IngestSummary): string {
  const lines = [
    `new: ${s.new}`,
    `duplicates: ${s.duplicates}`,
    `near-duplicates: ${s.nearDuplicates}`,
    `already ingested: ${s.unchanged}`,
    `skipped: ${s.skipped}`,
    `failed: ${s.failed}`,
    ...s.failures.slice(0, 50).map((f) => `  ${f.input}: ${f.reason}`),
  ];
  if (s.failures.length > 50) lines.push(`  … and ${s.failures.length - 50} more (use --json for all)`);
  return `${lines.join('\n')}\n`;
}
