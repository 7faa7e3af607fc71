import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { WARCParser, type WARCRecord } from 'warcio';
import { RasdError } from '../core/errors.ts';
import { decodeWeb } from './charset.ts';
import { parseHtmlArticle } from './html/extract.ts';
import { inflateLimited, isGzip } from './inflate.ts';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from './limits.ts';
import { type ByteCounter, reasonOf, type SourceItem } from './types.ts';

/**
 * Reads a WARC or WARC.gz file record by record and yields an article per HTML response, keeping the
 * WARC-Record-ID and target URI; other records are skipped with a reason. The gzip layer is inflated here
 * (not by warcio) so the decompression-bomb limits apply; a record whose Content-Length does not match its
 * bytes (truncated file, wrong header) fails with `E_TRUNCATED` and is not stored.
 * `for await (const item of readWarcFile('crawl.warc.gz', counter, 32 << 20))` → articles.
 */
export async function* readWarcFile(path: string, counter: ByteCounter, maxBytes: number, limits: InputLimits = DEFAULT_INPUT_LIMITS): AsyncGenerator<SourceItem> {
  let gzip: boolean;
  try {
    gzip = isGzip(await readHead(path));
  } catch (error) {
    yield { kind: 'failed', input: path, reason: reasonOf(error) };
    return;
  }
  const stream = createReadStream(path);
  stream.on('data', (chunk) => {
    counter.read += chunk.length;
  });
  const parser = new CheckedWarcParser(guardEnd(gzip ? inflateLimited(stream, path, limits) : stream, path));
  let record = 0;
  // An item is held back until the next record boundary proves its Content-Length was right.
  let held: { item: SourceItem; where: string } | undefined;
  const release = (): SourceItem | undefined => {
    const out = held === undefined ? undefined : parser.lengthTooSmall ? failedLength(held.where) : held.item;
    parser.lengthTooSmall = false;
    held = undefined;
    return out;
  };
  try {
    for await (const r of parser) {
      const previous = release();
      if (previous !== undefined) yield previous;
      record++;
      const url = r.warcTargetURI ?? undefined;
      const where = `${path}, record ${record}${url ? ` (${url})` : ''}`;
      const item = await recordItem(r, { path, record, where, maxBytes, limits });
      held = { item, where };
      // After a record that could not be read to its end, the parser's place in the file is unknown: stop.
      if (item.kind === 'failed' && /\[E_TRUNCATED\]/.test(item.reason)) break;
    }
    const last = release();
    if (last !== undefined) yield last;
  } catch (error) {
    const last = release();
    if (last !== undefined) yield last;
    yield { kind: 'failed', input: `${path}, after record ${record}`, reason: `unreadable WARC: ${reasonOf(error)}` };
  } finally {
    stream.destroy();
  }
}

interface RecordPlace {
  readonly path: string;
  readonly record: number;
  readonly where: string;
  readonly maxBytes: number;
  readonly limits: InputLimits;
}

async function recordItem(r: WARCRecord, place: RecordPlace): Promise<SourceItem> {
  const { where } = place;
  if (r.warcType !== 'response') return { kind: 'skipped', input: where, reason: `${r.warcType} record` };
  const contentType = r.httpHeaders?.headers.get('content-type') ?? '';
  if (!/html/i.test(contentType)) return { kind: 'skipped', input: where, reason: `not HTML (${contentType || 'no content type'})` };
  if (r.warcContentLength > place.maxBytes) {
    return { kind: 'failed', input: where, reason: `record of ${r.warcContentLength} bytes exceeds ${place.maxBytes} [E_INPUT_TOO_LARGE]` };
  }
  try {
    const payload = await readPayload(r, where, place);
    const missing = unreadBytes(r);
    if (missing > 0) {
      throw new RasdError('E_TRUNCATED', `record ends ${missing} bytes before its Content-Length (truncated file or wrong Content-Length)`, { input: where });
    }
    const url = r.warcTargetURI ?? undefined;
    const recordId = r.warcHeader('WARC-Record-ID') ?? undefined;
    const article = parseHtmlArticle(
      decodeWeb(payload, contentType),
      { kind: 'warc', location: place.path, record: place.record, ...(url ? { url } : {}), ...(recordId ? { warcRecordId: recordId } : {}) },
      place.limits,
    );
    // Keep the captured URI as the article's place even when the page names another canonical URL.
    return { kind: 'article', article: { ...article, source: { ...article.source, ...(url ? { url } : {}) } } };
  } catch (error) {
    return { kind: 'failed', input: where, reason: reasonOf(error) };
  }
}

/**
 * The HTTP body of a response. warcio would undo a Content-Encoding itself, with no limit on the output; a
 * compressed body is read raw here and inflated with the bomb limits instead.
 */
async function readPayload(r: WARCRecord, where: string, place: RecordPlace): Promise<Uint8Array> {
  const headers = r.httpHeaders?.headers;
  const encoding = (headers?.get('content-encoding') ?? '').trim().toLowerCase();
  if (encoding === '' || encoding === 'identity') return r.readFully(true);
  const raw = await r.readFully(false);
  const body = /chunked/i.test(headers?.get('transfer-encoding') ?? '') ? dechunk(raw, where) : raw;
  const cap = Math.min(place.maxBytes, Math.max(place.limits.expansionGraceBytes, body.length * place.limits.maxExpansionRatio));
  try {
    if (encoding === 'gzip' || encoding === 'x-gzip') return gunzipSync(body, { maxOutputLength: cap });
    if (encoding === 'deflate') return inflateSync(body, { maxOutputLength: cap });
    if (encoding === 'br') return brotliDecompressSync(body, { maxOutputLength: cap });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new RasdError('E_INPUT_TOO_LARGE', `${encoding} body expands past ${cap} bytes (${body.length} compressed): refused as a decompression bomb`, { input: where });
    }
    throw new RasdError('E_BAD_RECORD', `corrupt ${encoding} body: ${reasonOf(error)}`, { input: where });
  }
  throw new RasdError('E_UNSUPPORTED', `unknown Content-Encoding ${encoding}`, { input: where });
}

/** Undoes HTTP chunked transfer coding. */
function dechunk(raw: Uint8Array, where: string): Uint8Array {
  const parts: Uint8Array[] = [];
  let at = 0;
  for (;;) {
    const eol = raw.indexOf(0x0a, at);
    if (eol === -1) throw new RasdError('E_TRUNCATED', 'chunked body is cut off', { input: where });
    const size = Number.parseInt(new TextDecoder('latin1').decode(raw.subarray(at, eol)).trim(), 16);
    if (!Number.isFinite(size) || size < 0) throw new RasdError('E_BAD_RECORD', 'bad chunk size in chunked body', { input: where });
    if (size === 0) break;
    if (eol + 1 + size > raw.length) throw new RasdError('E_TRUNCATED', 'chunked body is cut off', { input: where });
    parts.push(raw.subarray(eol + 1, eol + 1 + size));
    at = eol + 1 + size + 2;
  }
  return Buffer.concat(parts);
}

/** Bytes the record's Content-Length promised that the file did not have (warcio's limit reader counts them). */
function unreadBytes(r: WARCRecord): number {
  const reader = (r as unknown as { _reader?: { limit?: unknown } })._reader;
  return typeof reader?.limit === 'number' && reader.limit > 0 ? reader.limit : 0;
}

function failedLength(where: string): SourceItem {
  return { kind: 'failed', input: where, reason: 'record runs past its Content-Length (wrong Content-Length) [E_TRUNCATED]' };
}

/**
 * warcio skips an unread record with a loop that asks for more bytes until it has skipped them all; when the
 * file ends inside that record the loop never ends. Past the end, this source answers "done" a few times (as
 * a normal end needs) and then fails, which breaks that loop with a clear error.
 */
function guardEnd(source: AsyncIterable<Uint8Array>, path: string): AsyncIterable<Uint8Array> {
  return {
    [Symbol.asyncIterator]() {
      const inner = source[Symbol.asyncIterator]();
      let callsAfterEnd = 0;
      return {
        async next(): Promise<IteratorResult<Uint8Array>> {
          if (callsAfterEnd > 0) {
            if (++callsAfterEnd > 64) throw new RasdError('E_TRUNCATED', 'the file ends inside a record (truncated file or wrong Content-Length)', { input: path });
            return { done: true, value: undefined };
          }
          const result = await inner.next();
          if (result.done) callsAfterEnd = 1;
          return result;
        },
      };
    },
  };
}

/**
 * warcio only warns on the console when a record is longer than its Content-Length, then resyncs on the
 * next record. This notes the warning instead, so the record it concerns can be refused.
 */
class CheckedWarcParser extends WARCParser {
  lengthTooSmall = false;

  override async readToNextRecord(): Promise<Uint8Array | null> {
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].startsWith('Content-Length Too Small')) this.lengthTooSmall = true;
      else warn(...args);
    };
    try {
      return await super.readToNextRecord();
    } finally {
      console.warn = warn;
    }
  }
}

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const head = new Uint8Array(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
