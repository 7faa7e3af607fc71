/** Source adapters (text, Markdown, HTML, RSS/Atom, WARC, JSONL, HTTP) and the ingest pipeline. */
export { DEFAULT_FETCH_OPTIONS, createFetcher, type FetchOptions } from './fetch.ts';
export { INPUT_FORMATS, type InputFormat } from './detect-format.ts';
export { parseHtmlArticle } from './html/extract.ts';
export { jsonlFields } from './jsonl.ts';
export { DEFAULT_INPUT_LIMITS, type InputLimits } from './limits.ts';
export { DEFAULT_INGEST_OPTIONS, type IngestOptions, type IngestSummary, ingestItems, sourceKey } from './pipeline.ts';
export { openSources } from './sources.ts';
export { DEFAULT_JSONL_FIELDS, type SourceItem, type SourceOptions } from './types.ts';
