import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_INGEST_OPTIONS } from '../ingest/pipeline.ts';
import { DEFAULT_PLAN_LIMITS } from '../queue/plan.ts';
import { DEFAULT_WORKER_OPTIONS } from '../queue/worker.ts';
import { INGEST_BATCH_SIZE, PLAN_RECORDS_PER_JOB, WORKER_DEFAULTS } from './defaults.ts';

describe('CLI option defaults', () => {
  it('equal the values of the modules that own them', () => {
    assert.equal(INGEST_BATCH_SIZE, DEFAULT_INGEST_OPTIONS.batchSize);
    assert.equal(PLAN_RECORDS_PER_JOB, DEFAULT_PLAN_LIMITS.recordsPerJob);
    assert.deepEqual(WORKER_DEFAULTS, DEFAULT_WORKER_OPTIONS);
  });
});
