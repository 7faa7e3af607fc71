import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { propagateNames } from './propagate.ts';

describe('propagateNames', () => {
  it('marks a missed repetition of a confidently found name, clitics aside', () => {
    const spans = propagateNames([
      { words: ['قال', 'انرون'], spans: [{ start: 1, end: 2, type: 'ORG', confidence: 0.9 }] },
      { words: ['وأفلست', 'لانرون', 'أمس'], spans: [] },
    ]);
    assert.deepEqual(spans[1], [{ start: 1, end: 2, type: 'ORG', confidence: 0.45 }]);
  });

  it('leaves words already inside a name and unsure names alone', () => {
    const spans = propagateNames([
      { words: ['انرون'], spans: [{ start: 0, end: 1, type: 'ORG', confidence: 0.3 }] },
      { words: ['شركة', 'انرون'], spans: [{ start: 0, end: 2, type: 'ORG', confidence: 0.9 }] },
      { words: ['انرون'], spans: [] },
    ]);
    assert.equal(spans[0]!.length, 1);
    assert.equal(spans[1]!.length, 1);
    assert.deepEqual(spans[2], []);
  });
});
