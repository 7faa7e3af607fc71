import { looksLikeWindows1256, tryUtf8 } from './text-decode.ts';

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
  const charset = detectCharset(bytes, contentType);
  if (charset === 'utf-8' && !isDeclared(bytes, contentType)) {
    // Nothing declared: old Arabic sites serve windows-1256 without saying so. Valid UTF-8 stays UTF-8.
    const utf8 = tryUtf8(bytes);
    if (utf8 !== undefined) return utf8.replace(/^\uFEFF/, '');
    if (looksLikeWindows1256(bytes)) return new TextDecoder('windows-1256').decode(bytes);
  }
  return new TextDecoder(charset).decode(bytes);
}

function isDeclared(bytes: Uint8Array, contentType?: string): boolean {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return true;
  if (contentType !== undefined && /charset\s*=/i.test(contentType)) return true;
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  return /<meta[^>]+charset\s*=|<\?xml[^>]+encoding\s*=/i.test(head);
}
