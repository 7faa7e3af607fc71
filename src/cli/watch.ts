import type { Command } from 'commander';
import { createFetcher, DEFAULT_FETCH_OPTIONS } from '../ingest/fetch.ts';
import { formatAlertLine } from '../monitor/alerts/format.ts';
import { parseInterval } from '../monitor/sources/interval.ts';
import { describePoll } from '../monitor/sources/describe.ts';
import type { PollResult } from '../monitor/sources/poll.ts';
import type { Alert, Watchlist } from '../monitor/types.ts';
import { openStore } from '../store/open.ts';
import { collect, databasePath } from './ingest.ts';
import { positive } from './queue-options.ts';

interface WatchCliOptions {
  db?: string;
  once?: boolean;
  alerts?: boolean;
  json?: boolean;
  concurrency: string;
  perHost: string;
  timeout: string;
  allowPrivate?: boolean;
  allowHost: string[];
  quiet?: boolean;
  queue?: string;
  queueName?: string;
  alertMaxAge?: string;
}

/** `rasd watch`: poll the sources, store what is new, raise and deliver alerts, until interrupted. */
export function registerWatch(program: Command): void {
  program
    .command('watch')
    .description('poll the sources (`rasd sources add`) as they fall due, ingest new articles, raise and deliver watchlist alerts')
    .option('--db <file|url>', 'SQLite file or postgres:// URL (default $RASD_DB or ./rasd.db)')
    .option('--once', 'poll what is due now once, deliver, and exit')
    .option('--alerts', 'print each alert on stdout as it is raised')
    .option('--json', 'with --alerts: one JSON record per alert')
    .option('--concurrency <n>', 'polls in flight at once', '4')
    .option('--per-host <n>', 'polls in flight at once against one host', '2')
    .option('--timeout <ms>', 'HTTP timeout per fetch', String(DEFAULT_FETCH_OPTIONS.timeoutMs))
    .option('--allow-private', 'allow polling loopback and private addresses')
    .option('--allow-host <host>', 'allow this one private host (repeatable)', collect, [])
    .option('--queue <url>', 'scale out: schedule polls as BullMQ repeatable jobs on this Redis and work them here (run it on several machines)')
    .option('--queue-name <name>', 'with --queue: the poll queue\'s name (default rasd-poll)')
    .option('--alert-max-age <interval>', 'raise alerts only for articles published this recently (e.g. 2d); undated ones always alert')
    .option('--quiet', 'no line per poll on stderr')
    .action(async (options: WatchCliOptions) => {
      const log = (line: string) => {
        if (!options.quiet) process.stderr.write(`${new Date().toISOString()} ${line}\n`);
      };
      const fetch = createFetcher({
        ...DEFAULT_FETCH_OPTIONS,
        timeoutMs: positive('--timeout', options.timeout),
        allowPrivate: options.allowPrivate === true,
        allowHosts: options.allowHost,
      });
      const printAlert = (alert: Alert, watchlist: Watchlist | undefined) => {
        if (options.alerts) process.stdout.write(options.json ? `${JSON.stringify({ watchlist: watchlist?.name, ...alert })}\n` : `${formatAlertLine(alert, watchlist)}\n`);
      };
      const db = databasePath(options.db);
      const common = {
        fetch,
        concurrency: positive('--concurrency', options.concurrency),
        perHostConcurrency: positive('--per-host', options.perHost),
        onAlert: printAlert,
        ...(options.alertMaxAge === undefined ? {} : { alertMaxAgeMs: parseInterval(options.alertMaxAge) }),
        onPoll: (result: PollResult) => log(describePoll(result)),
        onError: (error: unknown) => log(`store unreachable, retrying: ${(error as Error).message}`),
        onDelivery: (a: { alertId: string; ok: boolean; error?: string; nextAttemptAt?: string }) =>
          log(`alert ${a.alertId} ${a.ok ? 'delivered' : `not delivered (${a.error ?? 'error'}); ${a.nextAttemptAt ? `retry at ${a.nextAttemptAt}` : 'given up'}`}`),
      };
      if (options.queue !== undefined) {
        const { runQueuedMonitor } = await import('../queue/poll/index.ts');
        await runQueuedMonitor({ ...common, queueUrl: options.queue, ...(options.queueName ? { queueName: options.queueName } : {}), openStore: () => openStore(db), signal: stopSignal(log) });
        return;
      }
      // The monitor (feed readers, ingest, analyzers) loads only when watching starts.
      const { runMonitor } = await import('../monitor/run.ts');
      const store = await openStore(db);
      try {
        const sources = await store.monitor.listSources();
        if (sources.length === 0) process.stderr.write('rasd: no sources yet; add some with `rasd sources add URL`\n');
        log(`watching ${sources.length} source${sources.length === 1 ? '' : 's'}`);
        const summary = await runMonitor({ ...common, store, ...(options.once ? { once: true } : { signal: stopSignal(log) }) });
        log(`${summary.polls} polls: ${summary.ok} changed, ${summary.notModified} unchanged, ${summary.errors} failed; ${summary.newItems} new items, ${summary.ingested} new articles`);
      } finally {
        await store.close();
      }
    });
}

/** Aborts on SIGINT/SIGTERM: polls under way finish and are recorded, then the command exits. */
function stopSignal(log: (line: string) => void): AbortSignal {
  const controller = new AbortController();
  const stop = (why: string) => {
    log(`${why}: finishing the polls under way`);
    controller.abort();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  return controller.signal;
}
