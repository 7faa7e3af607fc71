/**
 * Typed errors: every error carries a stable code and names the input and the place it concerns,
 * so a batch can report "file X, byte 120: invalid UTF-8" and go on.
 */
export type RasdErrorCode =
  | 'E_INVALID_UTF8'
  | 'E_BINARY_INPUT'
  | 'E_EMPTY_INPUT'
  | 'E_INPUT_TOO_LARGE'
  | 'E_NOT_FOUND'
  | 'E_BAD_DOCUMENT'
  | 'E_SCHEMA_VERSION'
  | 'E_PIPELINE'
  | 'E_USAGE'
  | 'E_FETCH'
  | 'E_BAD_RECORD'
  | 'E_TRUNCATED'
  | 'E_UNSAFE_INPUT'
  | 'E_UNSUPPORTED';

export interface ErrorPlace {
  /** File path, URL, WARC record id or `-` for stdin. */
  readonly input?: string;
  /** Byte offset into the raw input, when known. */
  readonly byteOffset?: number;
  /** Record number (line in JSONL, record in WARC), when known. */
  readonly record?: number;
}

/** The base of every error rasd raises on purpose. `new RasdError('E_EMPTY_INPUT', 'no text', {input: 'a.txt'})`. */
export class RasdError extends Error {
  readonly code: RasdErrorCode;
  readonly place: ErrorPlace;

  constructor(code: RasdErrorCode, message: string, place: ErrorPlace = {}) {
    super(formatMessage(code, message, place));
    this.name = 'RasdError';
    this.code = code;
    this.place = place;
  }
}

function formatMessage(code: RasdErrorCode, message: string, place: ErrorPlace): string {
  const where: string[] = [];
  if (place.input !== undefined) where.push(place.input);
  if (place.record !== undefined) where.push(`record ${place.record}`);
  if (place.byteOffset !== undefined) where.push(`byte ${place.byteOffset}`);
  return `${where.length > 0 ? `${where.join(', ')}: ` : ''}${message} [${code}]`;
}
