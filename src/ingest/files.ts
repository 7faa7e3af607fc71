import { open, opendir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleSource } from '../core/article.ts';
import { RasdError } from '../core/errors.ts';
import { decodeWeb } from './charset.ts';
import { inflateDocument, isGzip } from './inflate.ts';
import { DEFAULT_INPUT_LIMITS } from './limits.ts';
import { parsePlainText } from './plain-text.ts';
import { decodeTextFile } from './text-decode.ts';
import { formatFromName, type InputFormat, sniffFormat } from './detect-format.ts';
import { readFeed } from './feed.ts';
import { parseHtmlArticle } from './html/extract.ts';
import { readJsonlFile } from './jsonl.ts';
import { markdownToText } from './markdown.ts';
import { reasonOf, type SourceItem, type SourceOptions } from './types.ts';
import { readWarcFile } from './warc.ts';

/**
 * Walks a folder depth-first in name order (so every run sees files in the same order, which keeps resumed
 * runs identical), yielding the paths of regular files; hidden entries are skipped.
 * `for await (const path of walkFiles('corpus/'))` → `corpus/a.txt`, `corpus/sub/b.html`, …
 */
export async function* walkFiles(root: string): AsyncGenerator<string> {
  const entries: { name: string; dir: boolean }[] = [];
  // opendir streams entries; only one folder's names are held at a time, never the whole tree.
  for await (const entry of await opendir(root)) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory() || entry.isFile()) entries.push({ name: entry.name, dir: entry.isDirectory() });
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(root, entry.name);
    if (entry.dir) yield* walkFiles(path);
    else yield path;
  }
}

/** Reads one file as the given (or detected) format. In a folder walk, files of no known kind are skipped. */
export async function* readFileSource(path: string, options: SourceOptions, format?: InputFormat, inFolder = false): AsyncGenerator<SourceItem> {
  const kind = format ?? formatFromName(path) ?? (inFolder ? undefined : await sniffFile(path));
  if (kind === undefined) {
    yield { kind: 'skipped', input: path, reason: 'not a known article format' };
    return;
  }
  const limits = options.limits ?? DEFAULT_INPUT_LIMITS;
  if (kind === 'jsonl') return yield* readJsonlFile(path, options.fields, options.counter, limits);
  if (kind === 'warc') return yield* readWarcFile(path, options.counter, options.maxDocumentBytes, limits);
  try {
    const size = (await stat(path)).size;
    if (size > options.maxDocumentBytes) throw new RasdError('E_INPUT_TOO_LARGE', `larger than ${options.maxDocumentBytes} bytes`, { input: path });
    const read = await readFile(path);
    options.counter.read += read.length;
    const bytes = isGzip(read) ? inflateDocument(read, path, options.maxDocumentBytes, limits) : read;
    yield* documentItems(bytes, kind, { kind: 'file', location: path }, options);
  } catch (error) {
    yield { kind: 'failed', input: path, reason: reasonOf(error) };
  }
}

/** Articles of one whole document held in memory (a text file, a page, a feed, stdin). */
export async function* documentItems(bytes: Uint8Array, format: InputFormat, source: ArticleSource, options: SourceOptions, contentType?: string): AsyncGenerator<SourceItem> {
  const input = source.url ?? source.location ?? 'stdin';
  const limits = options.limits ?? DEFAULT_INPUT_LIMITS;
  if (bytes.length === 0) throw new RasdError('E_EMPTY_INPUT', 'empty file', { input });
  if (format === 'html') {
    // Parsers turn NUL into U+FFFD anyway; dropping it keeps the text clean of binary debris.
    yield { kind: 'article', article: parseHtmlArticle(decodeWeb(bytes, contentType).replace(/\0/g, ''), source, limits) };
  } else if (format === 'feed') {
    yield* readFeed(decodeWeb(bytes, contentType).replace(/\0/g, ''), input, options);
  } else if (format === 'markdown') {
    const text = markdownToText(decodeTextFile(bytes, input).text);
    if (text.trim() === '') throw new RasdError('E_EMPTY_INPUT', 'no text in the file', { input });
    yield { kind: 'article', article: parsePlainText(text, source) };
  } else if (format === 'text') {
    const text = decodeTextFile(bytes, input).text;
    if (text.trim() === '') throw new RasdError('E_EMPTY_INPUT', 'empty file (only whitespace)', { input });
    yield { kind: 'article', article: parsePlainText(text, source) };
  } else {
    throw new RasdError('E_UNSUPPORTED', `${format} is read as a stream, not as one document`, { input });
  }
}

async function sniffFile(path: string): Promise<InputFormat> {
  const handle = await open(path, 'r');
  try {
    const head = new Uint8Array(1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return sniffFormat(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}
