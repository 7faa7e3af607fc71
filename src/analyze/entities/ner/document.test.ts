import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentFeatures } from './document.ts';

describe('documentFeatures', () => {
  const sentences = [
    { words: ['قال', 'انرون'], spans: [{ start: 1, end: 2, type: 'ORG' as const, confidence: 0.9 }] },
    { words: ['وأفلست', 'لانرون', 'أمس'], spans: [] },
    { words: ['انرون'], spans: [{ start: 0, end: 1, type: 'ORG' as const, confidence: 0.6 }] },
  ];

  it("reads a word's other occurrences in the window, clitics aside, never its own sentence", () => {
    const features = documentFeatures(sentences, 5);
    const missed = features[1]![1]!;
    assert.ok(missed.includes('d1=O'));
    assert.ok(missed.includes('de=B-ORG'));
    assert.ok(missed.includes('dw=B-ORG'));
    assert.ok(missed.includes('dn=2'));
    // The first sentence sees one ORG elsewhere (sentence 2) and one O (sentence 1), not its own ORG.
    const first = features[0]![1]!;
    assert.ok(first.includes('dn=2'));
    assert.ok(first.includes('dst=ORG|ORG'));
  });

  it('sees nothing beyond the window', () => {
    const features = documentFeatures(sentences, 0);
    assert.ok(features[1]![1]!.includes('dn=0'));
    assert.ok(features[1]![1]!.includes('de=O'));
  });
});
