import { rmSync } from 'node:fs';
import { DEFAULT_INGEST_OPTIONS, ingestItems } from '../src/ingest/pipeline.ts';
import { openSources } from '../src/ingest/sources.ts';
import { createFetcher } from '../src/ingest/fetch.ts';
import { DEFAULT_JSONL_FIELDS } from '../src/ingest/types.ts';
import { openStore } from '../src/store/open.ts';
const options = { fields: DEFAULT_JSONL_FIELDS, fetch: createFetcher(), feedSummaryChars: 400, counter: { read: 0 }, maxDocumentBytes: 1e8 };
for (const [name, batch] of [['warm', 200], ['batch200', 200], ['batch1', 1], ['batch200b', 200]] as const) {
  const f = `/tmp/exp-${name}.db`; rmSync(f, { force: true }); rmSync(`${f}-wal`, { force: true });
  const store = await openStore(f);
  const t = performance.now();
  await ingestItems(store, openSources(['/tmp/qsmoke/c100.jsonl'], options), { ...DEFAULT_INGEST_OPTIONS, batchSize: batch });
  console.log(name, ((performance.now() - t) / 1000).toFixed(1));
  await store.close();
}
