/** The kinds of input rasd can ingest. */
export type InputFormat = 'text' | 'markdown' | 'html' | 'jsonl' | 'feed' | 'warc';

export const INPUT_FORMATS: readonly InputFormat[] = ['text', 'markdown', 'html', 'jsonl', 'feed', 'warc'];

/**
 * Guesses the format of a file from its name. `formatFromName('a/b.warc.gz')` → `'warc'`; unknown → undefined.
 */
export function formatFromName(name: string): InputFormat | undefined {
  const lower = name.toLowerCase().replace(/\.gz$/, '');
  if (/\.(txt|text)$/.test(lower)) return 'text';
  if (/\.(md|markdown)$/.test(lower)) return 'markdown';
  if (/\.(html?|xhtml)$/.test(lower)) return 'html';
  if (/\.(jsonl|ndjson)$/.test(lower)) return 'jsonl';
  if (/\.(rss|atom|xml)$/.test(lower)) return 'feed';
  if (/\.(warc|arc)$/.test(lower)) return 'warc';
  return undefined;
}

/**
 * Guesses the format from the first bytes (stdin, files without a known extension, HTTP bodies without a
 * useful content type). `sniffFormat(bytes)` → `'html'` for `<!doctype html>…`.
 */
export function sniffFormat(head: Uint8Array, contentType = ''): InputFormat {
  if (/(rss|atom)\+xml|\/xml/i.test(contentType)) return 'feed';
  if (/html/i.test(contentType)) return 'html';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'warc'; // gzip on its own: WARC.gz is the gzip format we take
  const text = new TextDecoder('utf-8').decode(head.subarray(0, 1024)).replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('WARC/')) return 'warc';
  if (/^<\?xml[\s\S]*?<(rss|feed|rdf:RDF)\b/i.test(text) || /^<(rss|feed)\b/i.test(text)) return 'feed';
  if (/^<(!doctype html|html|head|body)\b/i.test(text)) return 'html';
  if (text.startsWith('{')) return 'jsonl';
  return 'text';
}
