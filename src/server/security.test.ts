import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RasdError } from '../core/errors.ts';
import { toErrorAnswer } from './errors.ts';
import { createRateLimiter, createSerialQueue, isLoopback, tokenMatches } from './security.ts';

describe('server security helpers', () => {
  it('tells loopback addresses from the others', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) assert.equal(isLoopback(host), true, host);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'example.com', '128.0.0.1']) assert.equal(isLoopback(host), false, host);
  });

  it('accepts only the exact bearer token', () => {
    assert.equal(tokenMatches('Bearer s3cret', 's3cret'), true);
    assert.equal(tokenMatches('bearer s3cret', 's3cret'), true);
    for (const header of [undefined, '', 's3cret', 'Bearer', 'Bearer s3cre', 'Bearer s3cretx', 'Basic s3cret', 'Bearer s3cret extra']) {
      assert.equal(tokenMatches(header, 's3cret'), false, String(header));
    }
  });

  it('limits each address per window and starts afresh in the next one', () => {
    let now = 1_000;
    const limiter = createRateLimiter({ max: 2, windowMs: 1_000 }, () => now);
    assert.deepEqual([limiter.take('a'), limiter.take('a'), limiter.take('b')], [0, 0, 0]);
    now += 400;
    assert.equal(limiter.take('a'), 600, 'over the budget: wait for the window to end');
    now += 600;
    assert.equal(limiter.take('a'), 0);
  });

  it('runs writes one at a time, even when one fails', async () => {
    const serial = createSerialQueue();
    const order: string[] = [];
    const slow = serial(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push('first');
      throw new Error('boom');
    });
    const fast = serial(async () => {
      order.push('second');
      return 2;
    });
    await assert.rejects(slow, /boom/);
    assert.equal(await fast, 2);
    assert.deepEqual(order, ['first', 'second']);
  });

  it('answers errors as JSON with a code, hiding unexpected ones', () => {
    const fts = Object.assign(new Error('fts5: syntax error near "("'), { code: 'SQLITE_ERROR' });
    assert.deepEqual(toErrorAnswer(fts).status, 400);
    assert.deepEqual(toErrorAnswer(new RasdError('E_EMPTY_INPUT', 'no text', { input: 'body' })).body.error.code, 'E_EMPTY_INPUT');
    assert.deepEqual(toErrorAnswer(new Error('at /srv/secret.ts:12')), { status: 500, body: { error: { code: 'E_INTERNAL', message: 'internal error' } } });
    assert.deepEqual(toErrorAnswer(new RasdError('E_PIPELINE', 'internal detail')).status, 500);
  });
});
