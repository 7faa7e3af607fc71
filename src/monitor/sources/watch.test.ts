import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Store } from '../../store/store.ts';
import { runWatch } from './watch.ts';

describe('watch loop', () => {
  it('reports a store error and keeps looking until stopped', async () => {
    let looks = 0;
    const errors: string[] = [];
    const controller = new AbortController();
    const store = {
      monitor: {
        dueSources: async () => {
          looks++;
          if (looks === 1) throw new Error('database is locked');
          if (looks === 3) controller.abort();
          return [];
        },
      },
    } as unknown as Store;
    const summary = await runWatch({
      store,
      fetch: async () => assert.fail('nothing is due'),
      signal: controller.signal,
      sleep: async () => {},
      onError: (error) => errors.push((error as Error).message),
    });
    assert.deepEqual(errors, ['database is locked']);
    assert.equal(looks, 3);
    assert.equal(summary.polls, 0);
  });
});
