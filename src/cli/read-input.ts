import { readFile, stat } from 'node:fs/promises';
import { RasdError } from '../core/errors.ts';
import { decodeUtf8 } from '../ingest/plain-text.ts';

/** Refuse single inputs larger than this: a news article is kilobytes, not gigabytes. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** Reads a file (or stdin for `-`) as strict UTF-8, with errors that name the input. */
export async function readTextInput(path: string): Promise<string> {
  const bytes = path === '-' ? await readStdin() : await readFileChecked(path);
  return decodeUtf8(bytes, path === '-' ? 'stdin' : path);
}

async function readFileChecked(path: string): Promise<Uint8Array> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new RasdError('E_USAGE', 'is a directory; use `rasd ingest` for folders', { input: path });
    size = info.size;
  } catch (error) {
    if (error instanceof RasdError) throw error;
    throw new RasdError('E_NOT_FOUND', 'cannot read file', { input: path });
  }
  if (size > MAX_INPUT_BYTES) throw new RasdError('E_INPUT_TOO_LARGE', `larger than ${MAX_INPUT_BYTES} bytes`, { input: path });
  return readFile(path);
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    total += (chunk as Buffer).length;
    if (total > MAX_INPUT_BYTES) throw new RasdError('E_INPUT_TOO_LARGE', `larger than ${MAX_INPUT_BYTES} bytes`, { input: 'stdin' });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
