import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createExclusive } from './exclusive.ts';
import { createSlots, hostOf } from './slots.ts';

describe('concurrency helpers', () => {
  it('runs exclusive work one at a time, in order, past failures', async () => {
    const exclusive = createExclusive();
    const log: string[] = [];
    let running = 0;
    const work = (name: string, fail = false) =>
      exclusive(async () => {
        running++;
        assert.equal(running, 1, 'never two at once');
        await new Promise((resolve) => setTimeout(resolve, 5));
        log.push(name);
        running--;
        if (fail) throw new Error(name);
        return name;
      });
    const results = await Promise.allSettled([work('a'), work('b', true), work('c')]);
    assert.deepEqual(log, ['a', 'b', 'c']);
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
  });

  it('limits slots overall and per host', () => {
    const slots = createSlots(3, 2);
    assert.equal(slots.take('a'), true);
    assert.equal(slots.take('a'), true);
    assert.equal(slots.take('a'), false, 'third poll of one host waits');
    assert.equal(slots.take('b'), true);
    assert.equal(slots.take('c'), false, 'overall limit reached');
    slots.release('a');
    assert.equal(slots.take('c'), true);
    assert.equal(hostOf('https://A.example:8080/rss'), 'a.example:8080');
  });
});
