import type { Command } from 'commander';
import { DEFAULT_QUEUE_NAME } from '../queue/connection.ts';
import type { QueueStatus } from '../queue/index.ts';
import { positive, queueUrl } from './queue-options.ts';

interface QueueCliOptions {
  queue?: string;
  queueName: string;
  json?: boolean;
  limit: string;
}

/** `rasd queue status|retry-dead`: the queue's depth, progress and dead-letter list, and a way to retry it. */
export function registerQueue(program: Command): void {
  const queue = program.command('queue').description('inspect and manage the ingest queue (see `rasd ingest --queue` and `rasd worker`)');
  const common = (command: Command) =>
    command
      .option('--queue <url>', 'Redis URL of the queue (default $RASD_QUEUE)')
      .option('--queue-name <name>', 'queue name', DEFAULT_QUEUE_NAME);
  common(queue.command('status'))
    .description('jobs waiting, running, done and dead; workers; articles stored so far; dead jobs with their reason')
    .option('--json', 'print the status object as JSON')
    .option('--limit <n>', 'dead jobs and record failures to list', '20')
    .action(async (options: QueueCliOptions) => {
      // BullMQ loads only when a queue command runs.
      const { queueAddress, queueStatus } = await import('../queue/index.ts');
      const status = await queueStatus(queueAddress(queueUrl(options.queue), options.queueName), positive('--limit', options.limit));
      process.stdout.write(options.json ? `${JSON.stringify(status)}\n` : formatStatus(status));
    });
  common(queue.command('retry-dead'))
    .description('put every job of the dead-letter list back on the queue')
    .action(async (options: QueueCliOptions) => {
      const { queueAddress, retryDead } = await import('../queue/index.ts');
      const count = await retryDead(queueAddress(queueUrl(options.queue), options.queueName));
      process.stdout.write(`${count} dead job(s) queued again\n`);
    });
}

function formatStatus(s: QueueStatus): string {
  const c = s.counts;
  const t = s.totals;
  const lines = [
    `queue ${s.queue}: ${c.waiting} waiting, ${c.delayed} delayed (retry), ${c.active} running, ${c.completed} done, ${c.dead} dead; ${s.workers} worker(s)`,
    `articles: ${t.items} read, ${t.new} new, ${t.duplicates} duplicates, ${t.nearDuplicates} near-duplicates, ${t.unchanged} already ingested, ${t.skipped} skipped, ${t.failed} failed`,
  ];
  if (s.dead.length > 0) lines.push('dead jobs:', ...s.dead.map((d) => `  ${d.id} ${d.name} (${d.attempts} attempts): ${d.reason}`));
  if (s.recordFailures.length > 0) lines.push('latest record failures:', ...s.recordFailures.map((f) => `  ${f.input}: ${f.reason}`));
  return `${lines.join('\n')}\n`;
}
