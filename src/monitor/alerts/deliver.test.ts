import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Store } from '../../store/store.ts';
import type { Alert, DeliveryRecord, Watchlist } from '../types.ts';
import { deliverDue, type PostFn, retryAt } from './deliver.ts';
import { verifySignature } from './signature.ts';

const NOW = '2026-11-29T10:00:00.000Z';
const watchlist: Watchlist = {
  id: 'w1',
  name: 'بيسكوف',
  query: { speaker: 'بيسكوف' },
  webhook: { url: 'https://hooks.example/rasd', secret: 'k' },
  createdAt: NOW,
};
const alert = (attempts: number, watchlistId = 'w1'): Alert => ({
  id: '7',
  watchlistId,
  clusterId: 'c',
  articleId: 'a',
  title: 'الكرملين ينفي',
  createdAt: NOW,
  match: { reasons: [] },
  delivery: { status: 'pending', attempts, nextAttemptAt: NOW },
});

/** Just the monitor calls delivery makes, recording what it is told. */
function fakeStore(due: Alert[], watchlists: Watchlist[] = [watchlist]) {
  const recorded: { id: string; attempt: DeliveryRecord }[] = [];
  const monitor = {
    dueDeliveries: async () => due,
    getWatchlist: async (id: string) => watchlists.find((w) => w.id === id),
    recordDelivery: async (id: string, attempt: DeliveryRecord) => {
      recorded.push({ id, attempt });
    },
  };
  return { store: { monitor } as unknown as Store, recorded };
}

describe('delivering due alerts', () => {
  it('posts the signed JSON body with the alert id and records a 2xx as delivered', async () => {
    const { store, recorded } = fakeStore([alert(0)]);
    const sent: { url: string; body: string; headers: Readonly<Record<string, string>> }[] = [];
    const post: PostFn = async (url, body, headers) => {
      sent.push({ url, body, headers });
      return { status: 202 };
    };
    const [attempt] = await deliverDue(store, { now: NOW, post });
    assert.equal(attempt?.ok, true);
    assert.equal(sent[0]?.url, 'https://hooks.example/rasd');
    assert.equal(sent[0]?.headers['content-type'], 'application/json');
    assert.equal(sent[0]?.headers['x-rasd-alert'], '7');
    assert.ok(verifySignature(sent[0]?.body ?? '', sent[0]?.headers['x-rasd-signature'], 'k'));
    assert.deepEqual(recorded, [{ id: '7', attempt: { at: NOW, ok: true } }]);
  });

  it('schedules a retry after base × 2^attempts, and gives up at maxAttempts', async () => {
    const failing: PostFn = async () => ({ status: 503 });
    const early = fakeStore([alert(2)]);
    await deliverDue(early.store, { now: NOW, post: failing, random: () => 0 });
    assert.deepEqual(early.recorded[0]?.attempt, {
      at: NOW,
      ok: false,
      error: 'HTTP 503',
      nextAttemptAt: '2026-11-29T10:00:20.000Z',
    });
    const last = fakeStore([alert(5)]);
    await deliverDue(last.store, { now: NOW, post: failing });
    assert.deepEqual(last.recorded[0]?.attempt, { at: NOW, ok: false, error: 'HTTP 503' });
  });

  it('counts a receiver that never answers as a failure after the timeout', async () => {
    const { store, recorded } = fakeStore([alert(0)]);
    const hanging: PostFn = (_url, _body, _headers, signal) =>
      new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    const [attempt] = await deliverDue(store, { now: NOW, post: hanging, timeoutMs: 20 });
    assert.equal(attempt?.error, 'no answer within 20 ms');
    assert.ok(recorded[0]?.attempt.nextAttemptAt);
  });

  it('fails for good an alert whose watchlist lost its webhook', async () => {
    const { store, recorded } = fakeStore([alert(0, 'gone')]);
    await deliverDue(store, { now: NOW, post: async () => assert.fail('nothing to post to') });
    assert.equal(recorded[0]?.attempt.ok, false);
    assert.equal(recorded[0]?.attempt.nextAttemptAt, undefined);
  });

  it('adds at most 10% jitter to the delay', () => {
    assert.equal(retryAt(NOW, 0, { baseDelayMs: 5000, random: () => 0 }), '2026-11-29T10:00:05.000Z');
    assert.equal(retryAt(NOW, 1, { baseDelayMs: 5000, random: () => 0.999 }), '2026-11-29T10:00:10.999Z');
  });
});
