import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { buildLattice } from './lattice.ts';
import { canEnd, canFollow, spansOf, type TagScheme, tagSpans, tagsOf } from './tags.ts';
import { marginals, viterbi } from './viterbi.ts';

function randomLattice(scheme: TagScheme, weights: number[]) {
  const tags = tagsOf(scheme);
  const T = tags.length;
  const full = Array.from({ length: (T + 2) * T }, (_, k) => weights[k % weights.length] ?? 0);
  return { tags, lattice: buildLattice(tags, scheme, full) };
}

describe('viterbi', () => {
  for (const scheme of ['BIO', 'BILOU'] as const) {
    it(`never emits an invalid ${scheme} transition, whatever the scores`, () => {
      fc.assert(
        fc.property(
          fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 40 }),
          fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 300 }),
          fc.integer({ min: 1, max: 12 }),
          (transitionWeights, emissionValues, n) => {
            const { tags, lattice } = randomLattice(scheme, transitionWeights);
            const T = tags.length;
            const emissions = Float64Array.from(
              { length: n * T },
              (_, k) => emissionValues[k % emissionValues.length]!,
            );
            const path = Array.from(viterbi(emissions, lattice), (t) => tags[t]!);
            assert.ok(canFollow(null, path[0]!, scheme), `starts with ${path[0]}`);
            for (let i = 1; i < n; i++)
              assert.ok(canFollow(path[i - 1]!, path[i]!, scheme), `${path[i - 1]} → ${path[i]}`);
            assert.ok(canEnd(path[n - 1]!, scheme), `ends with ${path[n - 1]}`);
          },
        ),
        { numRuns: 300, seed: 42 },
      );
    });
  }

  it('prefers B-PER over an I-PER the emissions favour after O', () => {
    const { tags, lattice } = randomLattice('BIO', [0]);
    const T = tags.length;
    const emissions = new Float64Array(2 * T);
    emissions[tags.indexOf('O')] = 5;
    emissions[T + tags.indexOf('I-PER')] = 3;
    emissions[T + tags.indexOf('B-PER')] = 2;
    assert.deepEqual(
      Array.from(viterbi(emissions, lattice), (t) => tags[t]),
      ['O', 'B-PER'],
    );
  });

  it('gives per-word probabilities that sum to one', () => {
    const { tags, lattice } = randomLattice('BIO', [0.5, -1, 2]);
    const T = tags.length;
    const emissions = Float64Array.from({ length: 4 * T }, (_, k) => Math.sin(k));
    const p = marginals(emissions, lattice);
    for (let i = 0; i < 4; i++) {
      const sum = p.slice(i * T, (i + 1) * T).reduce((a, b) => a + b, 0);
      assert.ok(Math.abs(sum - 1) < 1e-9, `word ${i}: ${sum}`);
    }
  });
});

describe('tag schemes', () => {
  it('round-trips spans through BIO and BILOU', () => {
    const spans = [
      { start: 0, end: 2, type: 'PER' as const },
      { start: 2, end: 3, type: 'LOC' as const },
      { start: 4, end: 7, type: 'ORG' as const },
    ];
    for (const scheme of ['BIO', 'BILOU'] as const)
      assert.deepEqual(spansOf(tagSpans(spans, 8, scheme)), spans);
  });

  it('reads a stray I- as the start of a name, as conlleval does', () => {
    assert.deepEqual(spansOf(['O', 'I-LOC', 'I-LOC', 'I-PER']), [
      { start: 1, end: 3, type: 'LOC' },
      { start: 3, end: 4, type: 'PER' },
    ]);
  });
});
