import { RasdError } from '../core/errors.ts';
import { firstInvalidUtf8Byte } from './plain-text.ts';

/**
 * Decodes a text file: UTF-8 when valid (BOM dropped), else windows-1256 when the bytes read as Arabic in that
 * code page and carry no UTF-8 sequences (old Arabic sites and Windows exports write it undeclared). Anything
 * else — random bytes, a file mixing both encodings — is refused with the offset of the first bad byte, and a
 * NUL byte anywhere marks binary data. `decodeTextFile(bytes, 'a.txt')` → `{text, charset}`.
 */
export function decodeTextFile(bytes: Uint8Array, input: string): { text: string; charset: 'utf-8' | 'windows-1256' } {
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new RasdError('E_BINARY_INPUT', 'binary data (NUL byte), not text', { input, byteOffset: nul });
  const utf8 = tryUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, charset: 'utf-8' };
  if (looksLikeWindows1256(bytes)) return { text: new TextDecoder('windows-1256').decode(bytes), charset: 'windows-1256' };
  const offset = Math.max(0, firstInvalidUtf8Byte(bytes));
  const mixed = countUtf8Sequences(bytes) > 0 ? ' (it mixes UTF-8 with another encoding)' : '';
  throw new RasdError('E_INVALID_UTF8', `invalid UTF-8 and not windows-1256 Arabic${mixed}`, { input, byteOffset: offset });
}

/** The text when the bytes are valid UTF-8, else undefined. */
export function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * True when bytes that are not UTF-8 read as Arabic in windows-1256: nearly all high bytes decode to Arabic
 * letters or Arabic punctuation, and hardly any form UTF-8 sequences (which would mean a mixed file).
 */
export function looksLikeWindows1256(bytes: Uint8Array): boolean {
  let high = 0;
  for (const b of bytes) if (b >= 0x80) high++;
  if (high === 0) return false;
  const text = new TextDecoder('windows-1256').decode(bytes);
  let arabic = 0;
  let other = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) continue;
    if (code >= 0x0600 && code <= 0x06ff) arabic++;
    else other++;
  }
  // A UTF-8 Arabic letter is two bytes; real cp1256 text forms such pairs only by accident.
  return arabic >= 0.9 * (arabic + other) && countUtf8Sequences(bytes) * 2 < high * 0.05;
}

/** How many well-formed multi-byte UTF-8 sequences the bytes hold. */
function countUtf8Sequences(bytes: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (need === 0) continue;
    let ok = i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      count++;
      i += need;
    }
  }
  return count;
}
