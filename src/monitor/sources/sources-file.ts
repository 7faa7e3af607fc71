import { readFile } from 'node:fs/promises';
import { parseOpml } from 'feedsmith';
import { RasdError } from '../../core/errors.ts';
import { unsafeXmlReason } from '../../ingest/feed.ts';
import { reasonOf } from '../../ingest/types.ts';
import { parseInterval } from './interval.ts';

export { parseInterval } from './interval.ts';

/** A source listed in a file: its URL, and the interval or name the file gives, if any. */
export interface ListedSource {
  readonly url: string;
  readonly everyMs?: number;
  readonly name?: string;
}

/** Largest sources file read: a list of feeds is kilobytes; anything bigger is not one. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;

/**
 * The sources a file lists: an OPML subscription list (every outline with an `xmlUrl`, nested ones too) or a
 * plain list, one URL per line with an optional interval after it and `#` comments.
 * `await readSourcesFile('feeds.opml')` → `[{url: 'https://x/rss', name: 'X'}, …]`.
 */
export async function readSourcesFile(path: string): Promise<ListedSource[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new RasdError('E_NOT_FOUND', `cannot read sources file: ${reasonOf(error)}`, { input: path });
  }
  if (bytes.length > MAX_FILE_BYTES)
    throw new RasdError('E_INPUT_TOO_LARGE', `sources file larger than ${MAX_FILE_BYTES} bytes`, {
      input: path,
    });
  return parseSourcesText(bytes.toString('utf8').replace(/^\uFEFF/, ''), path);
}

/**
 * The sources of a file's text (see `readSourcesFile`); `where` names the file in errors.
 * `parseSourcesText('https://x/rss 1h # X', 'list.txt')` → `[{url: 'https://x/rss', everyMs: 3600000}]`.
 */
export function parseSourcesText(text: string, where: string): ListedSource[] {
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<opml\b/i.test(text)
    ? opmlSources(text, where)
    : listSources(text, where);
}

function opmlSources(xml: string, where: string): ListedSource[] {
  const unsafe = unsafeXmlReason(xml);
  if (unsafe !== undefined) throw new RasdError('E_UNSAFE_INPUT', unsafe, { input: where });
  let opml: ReturnType<typeof parseOpml>;
  try {
    opml = parseOpml(xml);
  } catch (error) {
    throw new RasdError('E_BAD_RECORD', `not an OPML file: ${reasonOf(error)}`, { input: where });
  }
  const found: ListedSource[] = [];
  // Folders nest outlines; an explicit stack (not recursion) keeps a hostile nesting depth harmless.
  type Outline = { xmlUrl?: unknown; title?: unknown; text?: unknown; outlines?: unknown };
  const stack: Outline[] = [...((opml.body?.outlines ?? []) as Outline[])].reverse();
  while (stack.length > 0) {
    const outline = stack.pop()!;
    if (typeof outline.xmlUrl === 'string' && outline.xmlUrl.trim() !== '') {
      const name =
        typeof outline.title === 'string'
          ? outline.title
          : typeof outline.text === 'string'
            ? outline.text
            : undefined;
      found.push({ url: outline.xmlUrl.trim(), ...(name?.trim() ? { name: name.trim() } : {}) });
    }
    if (Array.isArray(outline.outlines)) stack.push(...[...(outline.outlines as Outline[])].reverse());
  }
  return found;
}

function listSources(text: string, where: string): ListedSource[] {
  const found: ListedSource[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') continue;
    const [url, interval, ...rest] = line.split(/\s+/);
    if (rest.length > 0 || url === undefined || !/^https?:\/\/\S+$/i.test(url)) {
      throw new RasdError('E_BAD_RECORD', `expected "URL [interval]", got ${JSON.stringify(raw.trim())}`, {
        input: where,
        record: index + 1,
      });
    }
    try {
      found.push({ url, ...(interval === undefined ? {} : { everyMs: parseInterval(interval) }) });
    } catch (error) {
      throw new RasdError('E_BAD_RECORD', reasonOf(error).replace(/ \[E_USAGE\]$/, ''), {
        input: where,
        record: index + 1,
      });
    }
  }
  return found;
}
