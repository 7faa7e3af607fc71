import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { signBody, verifySignature } from './signature.ts';

describe('webhook signatures', () => {
  const body = JSON.stringify({ type: 'rasd.alert', alert: { title: 'الكرملين ينفي توقيع «أي اتفاق»' } });

  it('is the hex HMAC-SHA256 of the exact UTF-8 body, as a receiver would compute it', () => {
    const expected = createHmac('sha256', 's3cret').update(Buffer.from(body, 'utf8')).digest('hex');
    assert.equal(signBody(body, 's3cret'), `sha256=${expected}`);
  });

  it('verifies our own signature, in any hex case, and nothing else', () => {
    const signature = signBody(body, 's3cret');
    assert.equal(verifySignature(body, signature, 's3cret'), true);
    assert.equal(
      verifySignature(body, signature.toUpperCase().replace('SHA256=', 'sha256='), 's3cret'),
      true,
    );
    assert.equal(verifySignature(body, [signature], 's3cret'), true);
    assert.equal(verifySignature(`${body} `, signature, 's3cret'), false);
    assert.equal(verifySignature(body, signature, 'other'), false);
    assert.equal(verifySignature(body, signature.slice(0, -2), 's3cret'), false);
    assert.equal(verifySignature(body, undefined, 's3cret'), false);
    assert.equal(verifySignature(body, `sha1=${signature.slice(7)}`, 's3cret'), false);
  });
});
