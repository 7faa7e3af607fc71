import type { Command } from 'commander';
import { DEFAULT_QUEUE_NAME } from '../queue/connection.ts';
import { openStore } from '../store/open.ts';
import { WORKER_DEFAULTS } from './defaults.ts';
import { databasePath } from './ingest.ts';
import { positive, queueUrl } from './queue-options.ts';

interface WorkerCliOptions {
  queue?: string;
  queueName: string;
  db?: string;
  concurrency: string;
  lockDuration: string;
  stalledInterval: string;
  grace: string;
  untilEmpty?: boolean;
  quiet?: boolean;
}

/** `rasd worker --queue redis://… --db postgres://…`: ingest queued jobs until SIGTERM (or until the queue is empty). */
export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('process queued ingest jobs (from `rasd ingest --queue`) into the database; stops cleanly on SIGTERM')
    .option('--queue <url>', 'Redis URL of the queue (default $RASD_QUEUE)')
    .option('--queue-name <name>', 'queue name', DEFAULT_QUEUE_NAME)
    .option('--db <file|url>', 'SQLite file or postgres:// URL (default $RASD_DB or ./rasd.db)')
    .option('--concurrency <n>', 'jobs at once in this process (a SQLite file takes one)', String(WORKER_DEFAULTS.concurrency))
    .option('--lock-duration <ms>', 'a job whose worker is silent this long goes to another worker', String(WORKER_DEFAULTS.lockDurationMs))
    .option('--stalled-interval <ms>', 'how often to look for such jobs', String(WORKER_DEFAULTS.stalledIntervalMs))
    .option('--grace <ms>', 'on SIGTERM, time to finish running jobs before returning them to the queue', '30000')
    .option('--until-empty', 'exit once no job is waiting, delayed or running')
    .option('--quiet', 'no line per job on stderr')
    .action(async (options: WorkerCliOptions) => {
      // BullMQ and the analyzers load only when a worker runs.
      const { queueAddress, queueStatus, startWorker } = await import('../queue/index.ts');
      const address = queueAddress(queueUrl(options.queue), options.queueName);
      const db = databasePath(options.db);
      const isPostgres = /^postgres(ql)?:\/\//i.test(db);
      // One SQLite connection per process: a second one would wait on the first inside the same event loop.
      const concurrency = isPostgres ? positive('--concurrency', options.concurrency) : 1;
      const log = (line: string) => {
        if (!options.quiet) process.stderr.write(`${new Date().toISOString()} ${line}\n`);
      };
      const worker = await startWorker({
        address,
        openStore: () => openStore(db),
        concurrency,
        lockDurationMs: positive('--lock-duration', options.lockDuration),
        stalledIntervalMs: positive('--stalled-interval', options.stalledInterval),
        onJob: (e) =>
          log(
            e.outcome === 'completed'
              ? `job ${e.id} done (${e.name}): ${e.summary?.new ?? 0} new, ${(e.summary?.duplicates ?? 0) + (e.summary?.nearDuplicates ?? 0)} copies, ${e.summary?.unchanged ?? 0} already there, ${e.summary?.failed ?? 0} failed`
              : e.outcome === 'returned'
                ? `job ${e.id} returned to the queue (${e.name})`
                : `job ${e.id} failed (${e.name}): ${e.reason}`,
          ),
      });
      log(`worker ${worker.id} on queue ${address.name}, concurrency ${concurrency}`);
      const grace = positive('--grace', options.grace);
      await new Promise<void>((resolve) => {
        const stop = (why: string) => {
          log(`${why}: finishing running jobs (up to ${grace} ms)`);
          worker.stop(grace).then(resolve, resolve);
        };
        process.once('SIGTERM', () => stop('SIGTERM'));
        process.once('SIGINT', () => stop('SIGINT'));
        if (options.untilEmpty) {
          const poll = setInterval(async () => {
            const status = await queueStatus(address, 1).catch(() => undefined);
            const c = status?.counts;
            if (c && c.waiting + c.active + c.delayed === 0) {
              clearInterval(poll);
              stop('queue empty');
            }
          }, 1000);
        }
      });
      log(`worker ${worker.id} stopped`);
    });
}
