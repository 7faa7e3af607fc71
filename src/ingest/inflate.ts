import { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { createGunzip, gunzipSync } from 'node:zlib';
import { RasdError } from '../core/errors.ts';
import type { InputLimits } from './limits.ts';

/** True when the bytes start with the gzip magic number. */
export function isGzip(head: Uint8Array): boolean {
  return head[0] === 0x1f && head[1] === 0x8b;
}

/**
 * Decompresses a gzip stream (one or several members) chunk by chunk, refusing it as a decompression bomb
 * once its output passes `limits.maxInflatedBytes`, or passes `maxExpansionRatio` × the compressed bytes read
 * (after a grace size). A cut-off stream ends in `E_TRUNCATED`.
 * `for await (const chunk of inflateLimited(createReadStream('a.jsonl.gz'), 'a.jsonl.gz', limits))` → bytes.
 */
export async function* inflateLimited(source: AsyncIterable<Uint8Array>, input: string, limits: InputLimits): AsyncGenerator<Uint8Array> {
  let compressed = 0;
  const counted = Readable.from(
    (async function* () {
      for await (const chunk of source) {
        compressed += chunk.length;
        yield chunk;
      }
    })(),
  );
  const gunzip = createGunzip();
  // pipeline() destroys both ends when either fails or when the reader below stops early.
  pipeline(counted, gunzip, () => {});
  let inflated = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      checkExpansion(inflated, compressed, input, limits);
      yield chunk;
    }
  } catch (error) {
    throw gzipError(error, input, inflated);
  }
}

/**
 * Decompresses one whole gzip document held in memory (a `.txt.gz`, an `.html.gz`), with the same bomb
 * checks and at most `maxBytes` of output. `inflateDocument(bytes, 'a.txt.gz', 32 << 20, limits)` → bytes.
 */
export function inflateDocument(bytes: Uint8Array, input: string, maxBytes: number, limits: InputLimits): Uint8Array {
  const byRatio = Math.max(limits.expansionGraceBytes, bytes.length * limits.maxExpansionRatio);
  const cap = Math.min(maxBytes, limits.maxInflatedBytes, byRatio);
  try {
    return gunzipSync(bytes, { maxOutputLength: cap });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new RasdError('E_INPUT_TOO_LARGE', `gzip data expands past ${cap} bytes (${bytes.length} compressed): refused as a decompression bomb`, { input });
    }
    throw gzipError(error, input, 0);
  }
}

function checkExpansion(inflated: number, compressed: number, input: string, limits: InputLimits): void {
  if (inflated > limits.maxInflatedBytes) {
    throw new RasdError('E_INPUT_TOO_LARGE', `gzip data expands past ${limits.maxInflatedBytes} bytes: refused`, { input });
  }
  if (inflated > limits.expansionGraceBytes && inflated > compressed * limits.maxExpansionRatio) {
    throw new RasdError(
      'E_INPUT_TOO_LARGE',
      `gzip data expands more than ${limits.maxExpansionRatio}× (${inflated} bytes from ${compressed}): refused as a decompression bomb`,
      { input },
    );
  }
}

function gzipError(error: unknown, input: string, inflated: number): Error {
  if (error instanceof RasdError) return error;
  const message = (error as Error).message ?? String(error);
  if (/unexpected end of file/i.test(message)) {
    return new RasdError('E_TRUNCATED', `gzip data is cut off after ${inflated} decompressed bytes (truncated file)`, { input });
  }
  return new RasdError('E_BAD_RECORD', `corrupt gzip data: ${message}`, { input });
}
