import type { ArticleSource, RawArticle } from '../core/article.ts';
import { makeRawArticle } from '../core/article.ts';
import { RasdError } from '../core/errors.ts';

const MAX_TITLE_CHARS = 250;
const MAX_TITLE_WORDS = 30;

/**
 * Reads a plain-text article. When the first line looks like a title (short, no final punctuation, with
 * body lines after it) it becomes the given title and the body starts on the next line; `source.bodyOffset`
 * records where. `parsePlainText('عنوان\nنص.\nنص آخر.', {kind: 'inline'}).title` → `'عنوان'`.
 */
export function parsePlainText(text: string, source: ArticleSource): RawArticle {
  const firstBreak = text.indexOf('\n');
  const firstLine = (firstBreak === -1 ? text : text.slice(0, firstBreak)).trim();
  const rest = firstBreak === -1 ? '' : text.slice(firstBreak + 1);
  const bodyLines = rest.split('\n').filter((line) => line.trim() !== '').length;
  if (bodyLines >= 2 && isTitleLike(firstLine)) {
    return makeRawArticle({ source: { ...source, bodyOffset: firstBreak + 1 }, title: firstLine, rawText: rest });
  }
  return makeRawArticle({ source, rawText: text });
}

function isTitleLike(line: string): boolean {
  if (line === '' || line.length > MAX_TITLE_CHARS) return false;
  if (line.split(/\s+/).length > MAX_TITLE_WORDS) return false;
  // Shortcodes and markup are not titles; neither is a sentence.
  return !/^[[<]/.test(line) && !/[.!؟?:;،,]$/.test(line);
}

/**
 * Decodes UTF-8 input strictly. Throws `RasdError` naming the input and the byte offset on invalid bytes
 * or on binary data (NUL bytes). A leading byte-order mark is dropped.
 * `decodeUtf8(new TextEncoder().encode('نص'), 'a.txt')` → `'نص'`.
 */
export function decodeUtf8(bytes: Uint8Array, input: string): string {
  // The whole input, not a prefix: a NUL far into a file is still binary debris.
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new RasdError('E_BINARY_INPUT', 'binary data (NUL byte), not text', { input, byteOffset: nul });
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new RasdError('E_INVALID_UTF8', 'invalid UTF-8', { input, byteOffset: firstInvalidUtf8Byte(bytes) });
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= bytes.length) return i;
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
