import { type Command, Option } from 'commander';
import { DEFAULT_FETCH_OPTIONS } from '../ingest/fetch.ts';
import { INPUT_FORMATS, type InputFormat } from '../ingest/detect-format.ts';
import { DEFAULT_QUEUE_NAME } from '../queue/connection.ts';
import { INGEST_BATCH_SIZE, PLAN_RECORDS_PER_JOB } from './defaults.ts';

export interface IngestCliOptions {
  db?: string;
  format?: InputFormat;
  field: string[];
  analyze: boolean;
  allowPrivate?: boolean;
  allowHost: string[];
  batch: string;
  timeout: string;
  json?: boolean;
  queue?: string;
  queueName: string;
  recordsPerJob: string;
}

/** The database file: `--db`, else `$RASD_DB`, else `./rasd.db`. `databasePath(undefined)` → `'rasd.db'`. */
export function databasePath(option: string | undefined): string {
  return option ?? process.env.RASD_DB ?? 'rasd.db';
}

/** `rasd ingest PATH|URL…`: read, deduplicate, analyze and store articles; re-running adds nothing twice. */
export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('ingest articles from files, folders, stdin (-), URLs and feeds into the database')
    .argument('<inputs...>', 'files, folders, http(s) URLs, or - for stdin')
    .option('--db <file|url>', 'SQLite file or postgres:// URL (default $RASD_DB or ./rasd.db)')
    .addOption(
      new Option('--format <format>', 'input format (default: from the name or the first bytes)').choices([
        ...INPUT_FORMATS,
      ]),
    )
    .option(
      '--field <name=key>',
      'JSONL field names, e.g. date=date_extracted (title, text, url, date, author, outlet)',
      collect,
      [],
    )
    .option('--no-analyze', 'store clean text only, without analysis')
    .option('--allow-private', 'allow fetching from loopback and private addresses')
    .option(
      '--allow-host <host>',
      'allow this one host name or address even if it is private (repeatable); redirects from it are still checked',
      collect,
      [],
    )
    .option('--batch <n>', 'articles per committed transaction', String(INGEST_BATCH_SIZE))
    .option('--timeout <ms>', 'HTTP timeout per fetch', String(DEFAULT_FETCH_OPTIONS.timeoutMs))
    .option('--json', 'print the summary as JSON')
    .option('--queue <url>', 'enqueue jobs on this Redis queue for `rasd worker` instead of ingesting here')
    .option('--queue-name <name>', 'queue name (with --queue)', DEFAULT_QUEUE_NAME)
    .option(
      '--records-per-job <n>',
      'JSONL records per queued job (with --queue)',
      String(PLAN_RECORDS_PER_JOB),
    )
    // The pipeline (and with it the analyzers) loads when an ingest runs, not when any command starts.
    .action(async (inputs: string[], options: IngestCliOptions) =>
      (await import('./ingest-run.ts')).runIngest(inputs, options),
    );
}

/** Commander collector for a repeatable option: `--actor a --actor b` → `['a', 'b']`. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
