import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { WARCRecord, WARCSerializer } from 'warcio';

// Every hostile input is made here at test time: nothing large or malicious is committed to the repository.

/** windows-1256 bytes of a text (characters the code page lacks are dropped). */
export function encodeCp1256(text: string): Uint8Array {
  const table = new Map<string, number>();
  const decoded = new TextDecoder('windows-1256').decode(Uint8Array.from({ length: 256 }, (_, i) => i));
  for (let i = 0; i < 256; i++) table.set(decoded[i]!, i);
  const out: number[] = [];
  for (const ch of text) {
    const byte = table.get(ch);
    if (byte !== undefined) out.push(byte);
  }
  return Uint8Array.from(out);
}

/** Writes `size` bytes made of `unit` repeated, with no line break, without building it in memory. */
export function writeHugeLine(path: string, size: number, prefix = '', unit = 'ا'): void {
  const block = Buffer.from(unit.repeat(Math.ceil((1 << 20) / Buffer.byteLength(unit))));
  const fd = openSync(path, 'w');
  try {
    let written = writeSync(fd, prefix);
    while (written < size) written += writeSync(fd, block, 0, Math.min(block.length, size - written));
  } finally {
    closeSync(fd);
  }
}

/** A gzip bomb: `members` gzip members of 16 MB of zeros each (multi-member gzip is valid), ~16 KB apiece. */
export function gzipBomb(members: number): Buffer {
  const member = gzipSync(Buffer.alloc(16 << 20), { level: 9 });
  return Buffer.concat(Array.from({ length: members }, () => member));
}

/** An uncompressed WARC with one response record per page (each preceded by a request record). */
export async function warcBytes(pages: readonly { url: string; body: Uint8Array; headers?: Record<string, string> }[], gzip = false): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for (const page of pages) {
    const request = WARCRecord.create({ url: page.url, type: 'request', statusline: 'GET / HTTP/1.1', httpHeaders: { Host: new URL(page.url).host } }, [new Uint8Array(0)]);
    parts.push(await WARCSerializer.serialize(request, { gzip }));
    const headers = { 'Content-Type': 'text/html; charset=utf-8', ...page.headers };
    const response = WARCRecord.create({ url: page.url, type: 'response', statusline: 'HTTP/1.1 200 OK', httpHeaders: headers }, [page.body]);
    parts.push(await WARCSerializer.serialize(response, { gzip }));
  }
  return Buffer.concat(parts);
}

/** Changes the Content-Length of the `nth` response record of an uncompressed WARC by `delta`. */
export function skewContentLength(warc: Buffer, nth: number, delta: number): Buffer {
  const text = warc.toString('latin1');
  let at = -1;
  for (let i = 0; i < nth; i++) at = text.indexOf('WARC-Type: response', at + 1);
  const start = text.indexOf('Content-Length: ', at);
  const end = text.indexOf('\r\n', start);
  const length = Number(text.slice(start + 16, end));
  return Buffer.from(`${text.slice(0, start)}Content-Length: ${length + delta}${text.slice(end)}`, 'latin1');
}

/** A page as a browser would get it. */
export function htmlPage(title: string, body: string, head = ''): string {
  return `<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body><article>${body}</article></body></html>`;
}

/** Paragraphs of an article as HTML. */
export function paragraphs(text: string): string {
  return text
    .trim()
    .split('\n')
    .map((p) => `<p>${p}</p>`)
    .join('\n');
}

const LOL = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');

/** "Billion laughs": nine levels of entities, each ten of the one before. */
export const BILLION_LAUGHS = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">${LOL}]><rss version="2.0"><channel><title>t</title><item><title>x</title><description>&lol9;</description></item></channel></rss>`;

/** An external entity pointing at a local file. */
export const EXTERNAL_ENTITY = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>t</title><item><title>x</title><description>&xxe;</description></item></channel></rss>`;

export function writeText(path: string, text: string | Uint8Array): void {
  writeFileSync(path, text);
}
