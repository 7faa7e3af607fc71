import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { makeRawArticle } from '../core/article.ts';
import { parseDate } from './dates.ts';
import { type ByteCounter, DEFAULT_JSONL_FIELDS, type JsonlFields, type SourceItem } from './types.ts';

/**
 * Reads a JSONL (or .jsonl.gz) file line by line — constant memory for any size — and yields one article per
 * record. Field names come from `fields` (first key present wins). A bad line is reported with its record
 * number and byte offset and the file goes on.
 * `for await (const item of readJsonlFile('dump.jsonl', DEFAULT_JSONL_FIELDS, counter))` → articles.
 */
export async function* readJsonlFile(path: string, fields: JsonlFields, counter: ByteCounter): AsyncGenerator<SourceItem> {
  const file = createReadStream(path);
  file.on('data', (chunk) => {
    counter.read += chunk.length;
  });
  const stream: Readable = path.endsWith('.gz') ? file.pipe(createGunzip()) : file;
  yield* readJsonlStream(stream, path, fields);
}

/** The same over any byte stream (stdin). */
export async function* readJsonlStream(stream: Readable, input: string, fields: JsonlFields = DEFAULT_JSONL_FIELDS): AsyncGenerator<SourceItem> {
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let record = 0;
  let byteOffset = 0;
  for await (const line of lines) {
    record++;
    const offset = byteOffset;
    byteOffset += Buffer.byteLength(line) + 1;
    if (line.trim() === '') continue;
    yield recordToItem(line, { input, record, offset }, fields);
  }
}

interface Place {
  readonly input: string;
  readonly record: number;
  readonly offset: number;
}

function recordToItem(line: string, place: Place, fields: JsonlFields): SourceItem {
  const where = `${place.input}, record ${place.record}, byte ${place.offset}`;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { kind: 'failed', input: where, reason: `not JSON: ${(error as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { kind: 'failed', input: where, reason: 'not a JSON object' };
  const obj = value as Record<string, unknown>;
  const pick = (keys: readonly string[]) => {
    for (const key of keys) {
      const v = obj[key];
      if (typeof v === 'string' && v.trim() !== '') return v;
    }
    return undefined;
  };
  const text = pick(fields.text);
  if (text === undefined) return { kind: 'failed', input: where, reason: `no text field (tried ${fields.text.join(', ')})` };
  const url = pick(fields.url);
  const outlet = pick(fields.outlet);
  const title = pick(fields.title)?.trim();
  const publishedAt = parseDate(pick(fields.date));
  const author = pick(fields.author)?.trim();
  return {
    kind: 'article',
    article: makeRawArticle({
      source: { kind: 'jsonl', location: place.input, record: place.record, ...(url ? { url } : {}), ...(outlet ? { outlet } : {}) },
      rawText: text,
      ...(title ? { title } : {}),
      ...(publishedAt ? { publishedAt } : {}),
      ...(author ? { author } : {}),
    }),
  };
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
