import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Queue } from 'bullmq';
import { queueAddress, queueStatus, removeQueue } from '../../src/queue/index.ts';
import { openStore } from '../../src/store/open.ts';
import { rasdRun, tempDir } from './helpers.ts';
import { freshSchema, needs, postgresAnswers, REDIS_URL, redisAnswers, startWorkerProcess, uniqueQueueName, waitFor, writeCorpusWithCopies } from './queue-helpers.ts';

const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const cleanup of cleanups) await cleanup().catch(() => {});
});

/** The worker (by its process id) that holds a running job, if any. */
async function workersWithActiveJobs(name: string): Promise<string[]> {
  const queue = new Queue(name, { connection: { url: REDIS_URL, maxRetriesPerRequest: null } });
  try {
    return (await queue.getActive()).map((job) => job.processedBy ?? '');
  } finally {
    await queue.close();
  }
}

describe('distributed ingest with a worker killed (integration, Redis + PostgreSQL)', () => {
  it('two workers, one killed with SIGKILL mid-run: every article stored exactly once and no job lost', async (t) => {
    if (!(await needs(t, 'Redis', redisAnswers))) return;
    if (!(await needs(t, 'PostgreSQL', postgresAnswers))) return;
    const { url: db, drop } = await freshSchema('kill');
    cleanups.push(drop);
    const name = uniqueQueueName('kill');
    const address = queueAddress(REDIS_URL, name);
    cleanups.push(() => removeQueue(address));

    // 100 distinct articles and exact copies of 40 of them, each copy in the job after its original's, so
    // the two workers race to store the same story.
    const corpus = join(tempDir(), 'corpus.jsonl');
    const records = writeCorpusWithCopies(corpus, 40);
    const enqueue = await rasdRun(['ingest', corpus, '--queue', REDIS_URL, '--queue-name', name, '--records-per-job', '5', '--json']);
    assert.equal(enqueue.status, 0, enqueue.stderr);
    const jobs = JSON.parse(enqueue.stdout).jobs as number;

    // Short job locks so the dead worker's job goes to the other in seconds, not the default 30.
    const args = ['--queue', REDIS_URL, '--queue-name', name, '--db', db, '--concurrency', '2', '--lock-duration', '10000', '--stalled-interval', '2000'];
    const victim = startWorkerProcess(args);
    const survivor = startWorkerProcess([...args, '--until-empty']);
    const victimPid = String(victim.child.pid);
    const busy = await waitFor(
      async () => {
        const done = (await queueStatus(address)).counts.completed;
        return done >= 3 && (await workersWithActiveJobs(name)).some((worker) => worker.startsWith(`${victimPid}-`));
      },
      300_000,
      200,
    );
    assert.ok(busy, `the victim never held a job after 3 were done\n${victim.output()}`);
    victim.child.kill('SIGKILL');
    await victim.exited;
    const atKill = (await queueStatus(address)).counts;
    assert.ok(atKill.completed < jobs, `killed mid-run (${atKill.completed} of ${jobs} jobs done)`);

    assert.equal(await survivor.exited, 0, survivor.output());
    if (process.env.RASD_TEST_VERBOSE) console.error(`${victim.output()}\n----\n${survivor.output()}`);
    const status = await queueStatus(address);
    assert.deepEqual(status.counts, { waiting: 0, active: 0, delayed: 0, completed: jobs, dead: 0 }, 'every job completed, none dead');
    const store = await openStore(db);
    try {
      const stats = await store.stats();
      assert.equal(stats.articles, 100, 'each distinct article stored once');
      assert.equal(stats.sightings, records, 'each record seen once');
      assert.equal(stats.analyses, 100);
    } finally {
      await store.close();
    }
  });
});
