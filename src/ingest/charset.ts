/**
 * Picks the character encoding of a web document: byte-order mark first, then the HTTP header, then
 * `<meta charset>` / `<meta http-equiv>` in the first 2 KB (the HTML spec's prescan window), else UTF-8.
 * `detectCharset(bytes, 'text/html; charset=windows-1256')` → `'windows-1256'`.
 */
export function detectCharset(bytes: Uint8Array, contentType?: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const fromHeader = contentType === undefined ? undefined : /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1];
  if (fromHeader !== undefined && isKnown(fromHeader)) return fromHeader.toLowerCase();
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const fromMeta =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1];
  if (fromMeta !== undefined && isKnown(fromMeta)) return fromMeta.toLowerCase();
  return 'utf-8';
}

function isKnown(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes a web document with its detected charset. Web pages are decoded leniently (a stray bad byte
 * becomes U+FFFD rather than losing the page), as browsers do. `decodeWeb(bytes)` → the text.
 */
export function decodeWeb(bytes: Uint8Array, contentType?: string): string {
  return new TextDecoder(detectCharset(bytes, contentType)).decode(bytes);
}
