import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { DEFAULT_JSONL_FIELDS } from '../ingest/types.ts';
import { jobItems } from './job-items.ts';
import { type IngestJob, jobLabel, parseJob } from './jobs.ts';
import { DEFAULT_PLAN_LIMITS, type PlannedItem, type PlanOptions, planJobs } from './plan.ts';
import { jobId } from './producer.ts';

const settings = { analyze: false, fields: DEFAULT_JSONL_FIELDS, allowPrivate: false, timeoutMs: 1000 };
const options = (extra: Partial<PlanOptions> = {}): PlanOptions => ({
  ...DEFAULT_PLAN_LIMITS,
  settings,
  recordsPerJob: 2,
  ...extra,
});

async function plan(inputs: string[], extra: Partial<PlanOptions> = {}): Promise<PlannedItem[]> {
  const items: PlannedItem[] = [];
  for await (const item of planJobs(inputs, options(extra))) items.push(item);
  return items;
}

const jobs = (items: PlannedItem[]): IngestJob[] =>
  items.flatMap((item) => (item.kind === 'job' ? [item.job] : []));
const record = (text: string) =>
  JSON.stringify({ title: 'عنوان', text, url: `https://news.example/${text.length}` });

describe('planJobs', () => {
  it('batches JSONL records, numbering lines and bytes as the local reader does (blank lines count)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rasd-plan-'));
    const dump = join(dir, 'dump.jsonl');
    const lines = [record('خبر أول'), '', record('خبر ثان'), record('خبر ثالث')];
    writeFileSync(dump, `${lines.join('\n')}\n`);
    const planned = jobs(await plan([dump]));
    assert.equal(planned.length, 2);
    const first = planned[0]!;
    assert.ok(first.kind === 'records');
    assert.deepEqual(
      first.records.map((r) => r.record),
      [1, 3],
    );
    assert.equal(first.records[1]!.offset, Buffer.byteLength(lines[0]!) + 2);
    assert.equal(jobLabel(first), `records ${dump}#1-3`);
    const items = [];
    for await (const item of jobItems(first)) items.push(item);
    assert.equal(items[1]!.kind === 'article' && items[1]!.article.source.record, 3);
  });

  it('cuts a batch early when its bytes would pass the cap', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rasd-plan-'));
    const dump = join(dir, 'big.jsonl');
    writeFileSync(dump, `${[record('أ'.repeat(300)), record('ب'.repeat(300))].join('\n')}\n`);
    assert.equal(jobs(await plan([dump], { maxJobBytes: 700 })).length, 2);
  });

  it('carries documents inside the job, sends WARC files by absolute path, skips unknown files in a folder, reports missing inputs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rasd-plan-'));
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'a.txt'), 'عنوان\n\nقال الوزير إن المحادثات مستمرة.');
    writeFileSync(join(dir, 'in', 'b.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    writeFileSync(join(dir, 'in', 'c.warc'), 'WARC/1.1\r\n');
    const items = await plan([join(dir, 'in'), join(dir, 'missing.txt')]);
    const planned = jobs(items);
    assert.deepEqual(
      planned.map((job) => job.kind),
      ['document', 'file'],
    );
    const doc = planned[0]!;
    assert.ok(doc.kind === 'document');
    assert.deepEqual(doc.source, { kind: 'file', location: join(dir, 'in', 'a.txt') });
    assert.equal(doc.format, 'text');
    const warc = planned[1]!;
    assert.ok(warc.kind === 'file' && warc.path === resolve(dir, 'in', 'c.warc'));
    assert.deepEqual(
      items.filter((item) => item.kind !== 'job').map((item) => item.kind),
      ['skipped', 'failed'],
    );
  });

  it('reads stdin as a JSONL stream or as one document', async () => {
    const fromJsonl = jobs(await plan(['-'], { stdin: Readable.from([Buffer.from(`${record('خبر')}\n`)]) }));
    assert.equal(fromJsonl[0]!.kind === 'records' && fromJsonl[0]!.input, 'stdin');
    const fromText = jobs(await plan(['-'], { stdin: Readable.from([Buffer.from('نص خبر قصير.')]) }));
    assert.equal(fromText[0]!.kind === 'document' && fromText[0]!.source.kind, 'stdin');
  });

  it('gives the same job the same id, and refuses malformed job data with the job named', () => {
    const job: IngestJob = { kind: 'url', url: 'https://news.example/rss', settings };
    assert.equal(jobId(job), jobId({ ...job }));
    assert.notEqual(jobId(job), jobId({ ...job, url: 'https://news.example/atom' }));
    assert.throws(
      () => parseJob({ kind: 'url', settings }, '7'),
      /job 7: queued job is malformed: url missing \[E_BAD_RECORD\]/,
    );
    assert.throws(() => parseJob(null, '8'), /job 8: .*not an object/);
  });
});
