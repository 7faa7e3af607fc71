import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { RasdError } from '../core/errors.ts';
import { type InputFormat, sniffFormat } from './detect-format.ts';
import { documentItems, readFileSource, walkFiles } from './files.ts';
import { readJsonlStream } from './jsonl.ts';
import { reasonOf, type SourceItem, type SourceOptions } from './types.ts';

/**
 * Every article of every input, in order: `-` is stdin, `http(s)://…` is fetched (a page or a feed), a folder
 * is walked, a file is read by its extension or first bytes. Failures are items, not exceptions, so one bad
 * input never stops the rest. `for await (const item of openSources(['feeds/', 'https://x/rss'], options))`.
 */
export async function* openSources(specs: readonly string[], options: SourceOptions, format?: InputFormat): AsyncGenerator<SourceItem> {
  for (const spec of specs) {
    try {
      if (spec === '-') yield* readStdin(process.stdin, options, format);
      else if (/^https?:\/\//i.test(spec)) yield* readUrl(spec, options, format);
      else if ((await statOrUndefined(spec))?.isDirectory()) {
        for await (const path of walkFiles(spec)) yield* readFileSource(path, options, format, true);
      } else if ((await statOrUndefined(spec)) === undefined) {
        yield { kind: 'failed', input: spec, reason: 'no such file or folder' };
      } else yield* readFileSource(spec, options, format);
    } catch (error) {
      yield { kind: 'failed', input: spec, reason: reasonOf(error) };
    }
  }
}

async function statOrUndefined(path: string) {
  try {
    return await stat(path);
  } catch {
    return undefined;
  }
}

async function* readUrl(url: string, options: SourceOptions, format?: InputFormat): AsyncGenerator<SourceItem> {
  const page = await options.fetch(url);
  options.counter.read += page.bytes.length;
  const kind = format ?? sniffFormat(page.bytes, page.contentType);
  yield* documentItems(page.bytes, kind, { kind: 'url', url: page.url }, options, page.contentType);
}

/** stdin: JSONL streams line by line; any other format is read whole (up to the document size limit). */
async function* readStdin(stdin: Readable, options: SourceOptions, format?: InputFormat): AsyncGenerator<SourceItem> {
  const iterator = stdin[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await iterator.next();
  if (first.done) throw new RasdError('E_EMPTY_INPUT', 'nothing on stdin', { input: 'stdin' });
  const kind = format ?? sniffFormat(first.value);
  const rest = (async function* () {
    yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
  if (kind === 'jsonl') {
    yield* readJsonlStream(Readable.from(rest), 'stdin', options.fields);
    return;
  }
  if (kind === 'warc') throw new RasdError('E_UNSUPPORTED', 'WARC on stdin is not supported; give the file path', { input: 'stdin' });
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of rest) {
    total += chunk.length;
    if (total > options.maxDocumentBytes) throw new RasdError('E_INPUT_TOO_LARGE', `larger than ${options.maxDocumentBytes} bytes`, { input: 'stdin' });
    chunks.push(chunk);
  }
  options.counter.read += total;
  yield* documentItems(Buffer.concat(chunks), kind, { kind: 'stdin' }, options);
}
