import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Queue } from 'bullmq';
import { queueAddress, queueStatus, removeQueue } from '../../src/queue/index.ts';
import { openStore } from '../../src/store/open.ts';
import { dumpDatabase, FIXTURES, rasdRun, tempDir } from './helpers.ts';
import { DISTINCT, needs, REDIS_URL, redisAnswers, startWorkerProcess, uniqueQueueName, waitFor } from './queue-helpers.ts';

const names: string[] = [];
after(async () => {
  if (await redisAnswers()) for (const name of names) await removeQueue(queueAddress(REDIS_URL, name));
});

function newQueue(what: string): string {
  const name = uniqueQueueName(what);
  names.push(name);
  return name;
}

const INPUTS = [DISTINCT, join(FIXTURES, 'seed-article.txt'), join(FIXTURES, 'pages')];

describe('rasd ingest --queue and rasd worker (integration, SQLite)', () => {
  it('stores through the queue exactly what a local ingest of the same inputs stores, and a second pass changes nothing', async (t) => {
    if (!(await needs(t, 'Redis', redisAnswers))) return;
    const dir = tempDir();
    const local = join(dir, 'local.db');
    const queued = join(dir, 'queued.db');
    const reference = await rasdRun(['ingest', ...INPUTS, '--db', local, '--no-analyze', '--json']);
    assert.equal(reference.status, 0, reference.stderr);

    const name = newQueue('same');
    const enqueue = await rasdRun(['ingest', ...INPUTS, '--queue', REDIS_URL, '--queue-name', name, '--records-per-job', '7', '--no-analyze', '--json']);
    assert.equal(enqueue.status, 0, enqueue.stderr);
    const planned = JSON.parse(enqueue.stdout);
    assert.equal(planned.units, 100 + 1 + 3, 'every record, document and page is queued');
    assert.equal(planned.jobs, Math.ceil(100 / 7) + 1 + 3);
    // Enqueueing the same inputs again adds no job: job ids are hashes of their content.
    await rasdRun(['ingest', ...INPUTS, '--queue', REDIS_URL, '--queue-name', name, '--records-per-job', '7', '--no-analyze']);
    assert.equal((await queueStatus(queueAddress(REDIS_URL, name))).counts.waiting, planned.jobs);

    const worker = startWorkerProcess(['--queue', REDIS_URL, '--queue-name', name, '--db', queued, '--until-empty']);
    assert.equal(await worker.exited, 0, worker.output());
    assert.equal(dumpDatabase(queued), dumpDatabase(local));
    const status = await queueStatus(queueAddress(REDIS_URL, name));
    assert.deepEqual(status.counts, { waiting: 0, active: 0, delayed: 0, completed: planned.jobs, dead: 0 });
    assert.equal(status.totals.new, JSON.parse(reference.stdout).new);

    // Every job processed a second time (a new queue, same inputs): nothing changes.
    const again = newQueue('again');
    await rasdRun(['ingest', ...INPUTS, '--queue', REDIS_URL, '--queue-name', again, '--records-per-job', '7', '--no-analyze']);
    const second = startWorkerProcess(['--queue', REDIS_URL, '--queue-name', again, '--db', queued, '--until-empty']);
    assert.equal(await second.exited, 0, second.output());
    assert.equal(dumpDatabase(queued), dumpDatabase(local));
    const secondStatus = await queueStatus(queueAddress(REDIS_URL, again));
    assert.equal(secondStatus.totals.new, 0);
    assert.equal(secondStatus.totals.unchanged, 104);
  });

  it('puts a malformed job in the dead-letter list with its reason, shows it in queue status, and retry-dead queues it again', async (t) => {
    if (!(await needs(t, 'Redis', redisAnswers))) return;
    const name = newQueue('dead');
    const queue = new Queue(name, { connection: { url: REDIS_URL, maxRetriesPerRequest: null } });
    await queue.add('broken', { kind: 'spreadsheet' }, { jobId: 'broken-1', attempts: 3 });
    await queue.close();
    const worker = startWorkerProcess(['--queue', REDIS_URL, '--queue-name', name, '--db', join(tempDir(), 'dead.db'), '--until-empty']);
    assert.equal(await worker.exited, 0, worker.output());

    const shown = await rasdRun(['queue', 'status', '--queue', REDIS_URL, '--queue-name', name, '--json']);
    assert.equal(shown.status, 0, shown.stderr);
    const status = JSON.parse(shown.stdout);
    assert.equal(status.counts.dead, 1);
    assert.equal(status.dead[0].id, 'broken-1');
    assert.match(status.dead[0].reason, /malformed: unknown kind "spreadsheet"/);
    assert.equal(status.dead[0].attempts, 1, 'a malformed job is not retried');
    const text = await rasdRun(['queue', 'status', '--queue', REDIS_URL, '--queue-name', name]);
    assert.match(text.stdout, /1 dead/);
    assert.match(text.stdout, /broken-1 broken/);

    const retried = await rasdRun(['queue', 'retry-dead', '--queue', REDIS_URL, '--queue-name', name]);
    assert.equal(retried.status, 0, retried.stderr);
    assert.match(retried.stdout, /^1 dead job/);
    const after = await queueStatus(queueAddress(REDIS_URL, name));
    assert.equal(after.counts.dead, 0);
    assert.equal(after.counts.waiting, 1);
  });

  it('finishes its running job and exits 0 on SIGTERM', async (t) => {
    if (!(await needs(t, 'Redis', redisAnswers))) return;
    const name = newQueue('term');
    const enqueue = await rasdRun(['ingest', DISTINCT, '--queue', REDIS_URL, '--queue-name', name, '--records-per-job', '10', '--json']);
    const jobs = JSON.parse(enqueue.stdout).jobs as number;
    const worker = startWorkerProcess(['--queue', REDIS_URL, '--queue-name', name, '--db', join(tempDir(), 'term.db')]);
    const address = queueAddress(REDIS_URL, name);
    assert.ok(await waitFor(async () => (await queueStatus(address)).counts.active > 0, 60_000), worker.output());
    worker.child.kill('SIGTERM');
    assert.equal(await worker.exited, 0, worker.output());
    const status = await queueStatus(address);
    assert.equal(status.counts.active, 0, 'no job is left running');
    assert.ok(status.counts.completed >= 1 && status.counts.completed < jobs, `the running job finished, the rest wait (${JSON.stringify(status.counts)})`);
    assert.equal(status.counts.completed + status.counts.waiting, jobs);
  });

  it('returns its unfinished job to the queue on SIGTERM once the grace period is over, keeping what it committed', async (t) => {
    if (!(await needs(t, 'Redis', redisAnswers))) return;
    const name = newQueue('grace');
    await rasdRun(['ingest', DISTINCT, '--queue', REDIS_URL, '--queue-name', name, '--records-per-job', '100']);
    const db = join(tempDir(), 'grace.db');
    const worker = startWorkerProcess(['--queue', REDIS_URL, '--queue-name', name, '--db', db, '--grace', '1']);
    const address = queueAddress(REDIS_URL, name);
    assert.ok(await waitFor(async () => (await queueStatus(address)).counts.active > 0, 60_000), worker.output());
    worker.child.kill('SIGTERM');
    assert.equal(await worker.exited, 0, worker.output());
    assert.match(worker.output(), /returned to the queue/);
    const status = await queueStatus(address);
    assert.deepEqual(status.counts, { waiting: 1, active: 0, delayed: 0, completed: 0, dead: 0 });
    // A second worker finishes the job; the articles the first one committed are found, not stored twice.
    const second = startWorkerProcess(['--queue', REDIS_URL, '--queue-name', name, '--db', db, '--until-empty']);
    assert.equal(await second.exited, 0, second.output());
    const store = await openStore(db);
    try {
      assert.equal((await store.stats()).articles, 100);
    } finally {
      await store.close();
    }
  });

  it('reports an unreachable Redis with its address and exit code 1', async () => {
    const run = await rasdRun(['queue', 'status', '--queue', 'redis://127.0.0.1:1']);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /redis:\/\/127\.0\.0\.1:1.*(cannot reach Redis|did not answer)/);
    const usage = await rasdRun(['worker', '--queue', 'http://x']);
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /--queue must be a redis:\/\/ URL/);
  });
});
