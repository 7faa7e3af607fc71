import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { makeRawArticle } from '../core/article.ts';
import { RasdError } from '../core/errors.ts';
import { parseDate } from './dates.ts';
import { inflateLimited } from './inflate.ts';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from './limits.ts';
import { splitLines } from './lines.ts';
import { type ByteCounter, DEFAULT_JSONL_FIELDS, type JsonlFields, reasonOf, type SourceItem } from './types.ts';

/**
 * Reads a JSONL (or .jsonl.gz) file line by line — constant memory for any size — and yields one article per
 * record. Field names come from `fields` (first key present wins). A bad line is reported with its record
 * number and byte offset and the file goes on; a truncated or bomb-like .gz ends the file with a failure,
 * keeping the records read before it.
 * `for await (const item of readJsonlFile('dump.jsonl', DEFAULT_JSONL_FIELDS, counter))` → articles.
 */
export async function* readJsonlFile(path: string, fields: JsonlFields, counter: ByteCounter, limits: InputLimits = DEFAULT_INPUT_LIMITS): AsyncGenerator<SourceItem> {
  const file = createReadStream(path);
  file.on('data', (chunk) => {
    counter.read += chunk.length;
  });
  const bytes: AsyncIterable<Uint8Array> = path.endsWith('.gz') ? inflateLimited(file, path, limits) : file;
  try {
    yield* readJsonlStream(bytes, path, fields, limits);
  } finally {
    file.destroy();
  }
}

/** The same over any byte stream (stdin). */
export async function* readJsonlStream(
  stream: Readable | AsyncIterable<Uint8Array>,
  input: string,
  fields: JsonlFields = DEFAULT_JSONL_FIELDS,
  limits: InputLimits = DEFAULT_INPUT_LIMITS,
): AsyncGenerator<SourceItem> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lastRecord = 0;
  try {
    for await (const line of splitLines(stream, limits.maxLineBytes)) {
      lastRecord = line.number;
      const place = { input, record: line.number, offset: line.offset };
      if (line.kind === 'tooLong') {
        const error = new RasdError('E_INPUT_TOO_LARGE', `line of ${line.length} bytes exceeds ${limits.maxLineBytes}`, { input, record: line.number, byteOffset: line.offset });
        yield { kind: 'failed', input: whereOf(place), reason: error.message };
        continue;
      }
      let text: string;
      try {
        text = decoder.decode(line.bytes);
      } catch {
        yield { kind: 'failed', input: whereOf(place), reason: `invalid UTF-8 [E_INVALID_UTF8]` };
        continue;
      }
      if (line.number === 1) text = text.replace(/^\uFEFF/, '');
      if (text.trim() === '') continue;
      yield recordToItem(text, place, fields);
    }
  } catch (error) {
    // The stream itself failed (a cut-off .gz, a bomb): what was read stays; the rest of the file is lost.
    yield { kind: 'failed', input: `${input}, after record ${lastRecord}`, reason: reasonOf(error) };
  }
}

export interface Place {
  readonly input: string;
  readonly record: number;
  readonly offset: number;
}

function whereOf(place: Place): string {
  return `${place.input}, record ${place.record}, byte ${place.offset}`;
}

/** One JSONL line to an article, or to a failure naming the record. `recordToItem('{"text":"نص"}', place, fields)`. */
export function recordToItem(line: string, place: Place, fields: JsonlFields): SourceItem {
  const where = whereOf(place);
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { kind: 'failed', input: where, reason: `not JSON: ${(error as Error).message} [E_BAD_RECORD]` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { kind: 'failed', input: where, reason: 'not a JSON object [E_BAD_RECORD]' };
  const obj = value as Record<string, unknown>;
  const pick = (keys: readonly string[]) => {
    for (const key of keys) {
      const v = obj[key];
      if (typeof v === 'string' && v.trim() !== '') return v;
    }
    return undefined;
  };
  const text = pick(fields.text);
  if (text === undefined) return { kind: 'failed', input: where, reason: `no text field (tried ${fields.text.join(', ')}) [E_BAD_RECORD]` };
  // An escaped NUL (\u0000) is binary smuggled into text; it would end strings in C-based tools downstream.
  if (text.includes('\u0000')) return { kind: 'failed', input: where, reason: 'NUL character in the text field [E_BINARY_INPUT]' };
  const url = pick(fields.url);
  const outlet = pick(fields.outlet);
  const title = pick(fields.title)?.replace(/\u0000/g, '').trim();
  const publishedAt = parseDate(pick(fields.date));
  const author = pick(fields.author)?.replace(/\u0000/g, '').trim();
  return {
    kind: 'article',
    article: makeRawArticle({
      source: { kind: 'jsonl', location: place.input, record: place.record, ...(url && !isScriptUrl(url) ? { url } : {}), ...(outlet ? { outlet } : {}) },
      rawText: text,
      ...(title ? { title } : {}),
      ...(publishedAt ? { publishedAt } : {}),
      ...(author ? { author } : {}),
    }),
  };
}

/** `javascript:`, `vbscript:`, `data:` and `file:` links are never kept as an article's address. `isScriptUrl(' JavaScript:x')` → true. */
export function isScriptUrl(value: string): boolean {
  return /^[\s\u0000-\u001f]*(javascript|vbscript|data|file):/i.test(value.replace(/[\t\n\r]/g, ''));
}

/** Parses `--field date=date_extracted` style overrides onto the defaults. `jsonlFields(['text=body']).text` → `['body']`. */
export function jsonlFields(overrides: readonly string[]): JsonlFields {
  const fields: Record<string, readonly string[]> = { ...DEFAULT_JSONL_FIELDS };
  for (const spec of overrides) {
    const [name, keys] = spec.split('=', 2);
    if (name === undefined || keys === undefined || !(name in fields)) {
      throw new Error(`bad --field "${spec}": expected one of ${Object.keys(fields).join(', ')}=KEY[,KEY…]`);
    }
    fields[name] = keys.split(',').map((k) => k.trim()).filter((k) => k !== '');
  }
  return fields as unknown as JsonlFields;
}
