import type { FastifyError } from 'fastify';
import { RasdError, type RasdErrorCode } from '../core/errors.ts';

/** An error the API answers with its own status and code: `throw new HttpError(404, 'E_NOT_FOUND', 'no article abc')`. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface ErrorAnswer {
  readonly status: number;
  readonly body: { error: { code: string; message: string } };
}

const RASD_STATUS: Partial<Record<RasdErrorCode, number>> = {
  E_NOT_FOUND: 404,
  E_USAGE: 400,
  E_EMPTY_INPUT: 400,
  E_INVALID_UTF8: 400,
  E_BINARY_INPUT: 400,
  E_BAD_RECORD: 400,
  E_BAD_DOCUMENT: 400,
  E_INPUT_TOO_LARGE: 413,
};

// Fastify's own client errors, renamed to the API's codes.
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'E_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'E_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'E_BAD_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'E_BAD_REQUEST',
};

/**
 * Turns any error into the API's JSON answer. Client errors keep their message; anything else becomes a
 * bare 500 (the details go to the log, never to the client).
 */
export function toErrorAnswer(error: unknown): ErrorAnswer {
  if (error instanceof HttpError) return answer(error.statusCode, error.code, error.message);
  if (error instanceof RasdError) {
    const status = RASD_STATUS[error.code];
    if (status !== undefined) return answer(status, error.code, error.message);
  }
  const fastifyError = error as Partial<FastifyError> & { validation?: unknown; validationContext?: string };
  if (fastifyError.validation !== undefined) return answer(400, 'E_BAD_REQUEST', fastifyError.message ?? 'invalid request');
  if (isFtsSyntaxError(error)) return answer(400, 'E_BAD_QUERY', 'the search query could not be read');
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code = FASTIFY_CODES[fastifyError.code ?? ''] ?? (status === 404 ? 'E_NOT_FOUND' : 'E_BAD_REQUEST');
    return answer(status, code, fastifyError.message ?? 'bad request');
  }
  return answer(500, 'E_INTERNAL', 'internal error');
}

/** SQLite's full-text engine rejects some queries as syntax errors: the client's fault, never a 500. */
function isFtsSyntaxError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return /fts5: syntax error|unterminated string/i.test(message) && (error as { code?: string }).code?.startsWith('SQLITE') === true;
}

function answer(status: number, code: string, message: string): ErrorAnswer {
  return { status, body: { error: { code, message } } };
}
