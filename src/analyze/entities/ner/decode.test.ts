import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createDecoder, eachSpan, tagMeaning } from './decode.ts';
import { buildLattice } from './lattice.ts';
import { spansOf, type TagScheme, tagsOf } from './tags.ts';
import { marginals, viterbi } from './viterbi.ts';

// The reference implementations (viterbi.ts, log-space forward–backward, spansOf) against the typed-array
// decoder, on random scores and transitions in both schemes.
const cases = (scheme: TagScheme) =>
  fc.record({
    transition: fc.array(fc.integer({ min: -300, max: 300 }), { minLength: 1, maxLength: 40 }),
    emission: fc.array(fc.integer({ min: -3000, max: 3000 }), { minLength: 1, maxLength: 200 }),
    n: fc.integer({ min: 1, max: 40 }),
    bias: fc.integer({ min: 0, max: 2000 }),
    scheme: fc.constant(scheme),
  });

describe('typed-array decoding', () => {
  for (const scheme of ['BIO', 'BILOU'] as const) {
    it(`finds the path viterbi.ts finds and the probabilities of its log-space marginals (${scheme})`, () => {
      fc.assert(
        fc.property(cases(scheme), ({ transition, emission, n, bias }) => {
          const tags = tagsOf(scheme);
          const T = tags.length;
          const scale = 100;
          const weights = Array.from(
            { length: (T + 2) * T },
            (_, k) => transition[k % transition.length]! / scale,
          );
          const lattice = buildLattice(tags, scheme, weights);
          // Integer sums, as the scorer makes them, and their scores (O less the bias).
          const sums = Int32Array.from({ length: n * T }, (_, k) => emission[k % emission.length]!);
          const scores = Float64Array.from(sums, (s, k) => s / scale - (k % T === 0 ? bias / scale : 0));
          const path = new Int32Array(n);
          const sure = new Float64Array(n);
          const decoder = createDecoder(lattice, 30, { scale, bias });
          decoder.best(scores, n, path);
          assert.deepEqual(path, viterbi(scores, lattice));
          const softened = buildLattice(
            tags,
            scheme,
            weights.map((w) => w / 30),
          );
          const expected = marginals(
            scores.map((s) => s / 30),
            softened,
          );
          for (const withSums of [true, false]) {
            decoder.confidences(scores, n, path, sure, withSums ? sums : undefined);
            for (let i = 0; i < n; i++) {
              const want = expected[i * T + path[i]!]!;
              assert.ok(Math.abs(sure[i]! - want) < 1e-9, `word ${i}: ${sure[i]} vs ${want}`);
            }
          }
        }),
        { numRuns: 300, seed: 7 },
      );
    });
  }

  it('reads the names off a path of ids as spansOf reads them off tag strings', () => {
    const tags = tagsOf('BILOU');
    const meaning = tagMeaning(tags);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: tags.length - 1 }), { maxLength: 30 }), (ids) => {
        const found: { start: number; end: number; type: string }[] = [];
        eachSpan(meaning, Int32Array.from(ids), ids.length, (start, end, type) => {
          found.push({ start, end, type: meaning.types[type]! });
        });
        assert.deepEqual(found, spansOf(ids.map((t) => tags[t]!)));
      }),
      { numRuns: 500, seed: 3 },
    );
  });
});
