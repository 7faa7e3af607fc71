import assert from 'node:assert/strict';
import type { Static } from 'typebox';
import { Value } from 'typebox/value';
import { ErrorBody } from '../../src/server/schemas.ts';

/** GET or POST JSON against a running server; gives the status, headers, parsed body and raw text. */
export async function call(
  base: string,
  path: string,
  init: { method?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
) {
  const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  const response = await fetch(`${base}${path}`, {
    method: init.method ?? (body === undefined ? 'GET' : 'POST'),
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text };
}

/** Checks an error answer: its status, the `{error: {code, message}}` shape, the code when given, no stack trace. */
export function assertError(res: { status: number; json: unknown; text: string }, status: number, code?: string): void {
  assert.equal(res.status, status, res.text);
  assert.ok(Value.Check(ErrorBody, res.json), res.text);
  if (code !== undefined) assert.equal((res.json as Static<typeof ErrorBody>).error.code, code);
  assert.doesNotMatch(res.text, /\bat .+\.(ts|js):\d+/, 'no stack trace');
}
