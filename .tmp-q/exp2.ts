import { rmSync } from 'node:fs';
import { DEFAULT_JSONL_FIELDS } from '../src/ingest/types.ts';
import { DEFAULT_PLAN_LIMITS, enqueueJobs, planJobs, queueAddress, queueStatus, removeQueue, startWorker } from '../src/queue/index.ts';
import { openStore } from '../src/store/open.ts';
import { Redis } from 'ioredis';
const origEval = Redis.prototype.eval;
let evals = 0, evalMs = 0, keys = 0;
(Redis.prototype as any).eval = async function (...a: any[]) { const t = performance.now(); try { return await (origEval as any).apply(this, a); } finally { evals++; keys += a[1]; evalMs += performance.now() - t; } };
const settings = { analyze: true, fields: DEFAULT_JSONL_FIELDS, allowPrivate: false, timeoutMs: 10_000 };
const address = queueAddress('redis://127.0.0.1:6379', `exp-${process.pid}`);
rmSync('/tmp/exp2.db', { force: true });
await enqueueJobs(address, planJobs(['/tmp/qsmoke/c100.jsonl'], { ...DEFAULT_PLAN_LIMITS, recordsPerJob: 5, settings }));
const t = performance.now();
const w = await startWorker({ address, openStore: () => openStore('/tmp/exp2.db'), concurrency: 1, lockDurationMs: 30000, stalledIntervalMs: 30000 });
const t1 = performance.now();
for (;;) { const s = await queueStatus(address, 1); if (s.counts.completed >= 20) break; await new Promise((r) => setTimeout(r, 200)); }
console.log('start', ((t1 - t) / 1000).toFixed(1), 'run', ((performance.now() - t1) / 1000).toFixed(1), { evals, keys, evalMs: evalMs.toFixed(0) });
await w.stop(1000); await removeQueue(address);
