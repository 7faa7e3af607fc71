import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffMs, MAX_BACKOFF_MS, nextPollTime } from './schedule.ts';

const MINUTE = 60_000;

describe('poll schedule', () => {
  it('polls again one interval later, jittered by at most 10 % either way', () => {
    assert.equal(
      nextPollTime(1000, MINUTE, 0, () => 0.5),
      1000 + MINUTE,
    );
    assert.equal(
      nextPollTime(0, MINUTE, 0, () => 0),
      0.9 * MINUTE,
    );
    assert.equal(
      nextPollTime(0, MINUTE, 0, () => 0.999999),
      Math.round(MINUTE * (1 + 0.999998 * 0.1)),
    );
  });

  it('doubles the wait with every consecutive failure', () => {
    assert.deepEqual(
      [1, 2, 3].map((f) => backoffMs(MINUTE, f)),
      [2 * MINUTE, 4 * MINUTE, 8 * MINUTE],
    );
    assert.equal(
      nextPollTime(0, MINUTE, 2, () => 0.5),
      4 * MINUTE,
    );
  });

  it('caps the backoff at six hours but never waits less than the interval', () => {
    assert.equal(backoffMs(MINUTE, 30), MAX_BACKOFF_MS);
    assert.equal(backoffMs(MINUTE, 10_000), MAX_BACKOFF_MS, 'no overflow for a long-dead source');
    assert.equal(
      backoffMs(24 * 3_600_000, 3),
      24 * 3_600_000,
      'a daily source is not polled more often after failing',
    );
  });

  it('keeps a broken random source inside the jitter band', () => {
    assert.equal(
      nextPollTime(0, MINUTE, 0, () => 7),
      1.1 * MINUTE,
    );
    assert.equal(
      nextPollTime(0, MINUTE, 0, () => -1),
      0.9 * MINUTE,
    );
  });
});
