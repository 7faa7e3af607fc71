import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import clustersFile from '../../../../data/ner/clusters.json' with { type: 'json' };
import gazetteersFile from '../../../../data/ner/gazetteers.json' with { type: 'json' };
import modelFile from '../../../../data/ner/model.json' with { type: 'json' };
import namelikeFile from '../../../../data/ner/namelike.json' with { type: 'json' };
import { defaultDocumentTagger, defaultTagger } from './default-model.ts';
import { createDocumentTagger, documentFeatures } from './document.ts';
import { documentFeatureIds, MAX_DOCUMENT_FEATURES } from './document-ids.ts';
import { createFeaturizer } from './features.ts';
import { addScores, loadModel, type NerModelFile } from './model.ts';
import { type GazetteersFile, loadResources } from './resources.ts';
import { createTagger } from './tagger.ts';

/**
 * The typed-array tagger against predictions recorded from the string-feature tagger before it was
 * replaced (golden/fixture.json, written by `npx tsx scripts/ner-golden.ts write-fixture`): the ANERcorp
 * test slice of test/fixtures/ner and the eight SaudiNewsNet articles of test/fixtures/corpus, tokenized
 * then. Tags and confidences must be identical, not merely close.
 */
interface Fixture {
  readonly sentenceTags: string[];
  readonly documents: { readonly sentences: string[][]; readonly spans: string[] }[];
}
const fixture = JSON.parse(
  readFileSync(new URL('./golden/fixture.json', import.meta.url), 'utf8'),
) as Fixture;
const file = modelFile as unknown as NerModelFile;
const resources = loadResources(clustersFile, gazetteersFile as unknown as GazetteersFile, namelikeFile);

const asText = (spans: readonly { start: number; end: number; type: string; confidence: number }[]) =>
  spans.map((s) => `${s.start}-${s.end}-${s.type}-${s.confidence}`).join(' ');

describe('NER inference against the recorded predictions', () => {
  it('tags each sentence alone exactly as before', () => {
    const slice = fixture.documents[0]!.sentences;
    assert.equal(slice.length, fixture.sentenceTags.length);
    slice.forEach((words, i) => {
      assert.equal(defaultTagger().tag(words).join(' '), fixture.sentenceTags[i]);
    });
  });

  it('finds the same names with the same confidences in whole documents (two stages)', () => {
    let names = 0;
    for (const doc of fixture.documents) {
      const found = defaultDocumentTagger().spans(doc.sentences).map(asText);
      assert.deepEqual(found, doc.spans);
      names += found.join(' ').split(' ').filter(Boolean).length;
    }
    assert.ok(names > 100, `${names} names`);
  });

  it('sums the weights of exactly the features features.ts lists for each word', () => {
    const model = loadModel(file.stage1!);
    const featurizer = createFeaturizer(resources);
    const tagger = createTagger(model, resources);
    const T = model.tags.length;
    let checked = 0;
    for (const doc of fixture.documents) {
      for (const words of doc.sentences) {
        // Stored (integer) weights of every feature string, own and context: an exact sum in any order.
        const expected = new Int32Array(words.length * T);
        featurizer.all(words).forEach((features, i) => {
          for (const f of features) tagger.scorer.addFeature(tagger.scorer.featureId(f), expected, i * T);
        });
        const ids = Int32Array.from(words, (w) => tagger.table.id(w));
        const sums = new Int32Array(words.length * T);
        tagger.scorer.score(ids, 0, words.length, sums);
        assert.deepEqual(sums, expected);
        checked += words.length;
      }
    }
    assert.ok(checked > 1000, `${checked} words`);
  });

  it('turns those sums into the scores of the string tagger (own features, O bias, context) within 1e-9', () => {
    const model = loadModel(file.stage1!);
    const featurizer = createFeaturizer(resources);
    const tagger = createTagger(model, resources);
    const T = model.tags.length;
    for (const words of fixture.documents[1]!.sentences) {
      const infos = words.map(featurizer.info);
      const context = featurizer.context(words, infos);
      const expected = new Float64Array(words.length * T);
      words.forEach((_, i) => {
        addScores(model, infos[i]!.own, expected, i * T);
        expected[i * T]! -= model.outsideBias;
        addScores(model, context[i]!, expected, i * T);
      });
      const ids = Int32Array.from(words, (w) => tagger.table.id(w));
      const sums = new Int32Array(words.length * T);
      const scores = new Float64Array(words.length * T);
      tagger.scorer.score(ids, 0, words.length, sums);
      tagger.scorer.finish(sums, words.length, scores);
      scores.forEach((score, k) => {
        assert.ok(Math.abs(score - expected[k]!) < 1e-9, `${score} vs ${expected[k]}`);
      });
    }
  });

  it('computes the document features of document.ts as ids, in the same order', () => {
    const stage1 = createTagger(loadModel(file.stage1!), resources);
    const stage2 = createTagger(loadModel(file), resources);
    for (const doc of fixture.documents) {
      const first = doc.sentences.map((words) => ({ words, spans: stage1.spans(words) }));
      const strings = documentFeatures(first, 30);
      const N = doc.sentences.reduce((n, s) => n + s.length, 0);
      const words = Int32Array.from(doc.sentences.flat(), (w) => stage1.table.id(w));
      const starts = Int32Array.from([
        0,
        ...doc.sentences.map((_, s) => doc.sentences.slice(0, s + 1).flat().length),
      ]);
      const labels = new Uint8Array(N);
      const confidence = new Float64Array(N).fill(1);
      const types = ['PER', 'ORG', 'LOC', 'MISC'];
      const names = first.map((sentence, s) =>
        sentence.spans.flatMap((span) => {
          const t = types.indexOf(span.type);
          for (let k = span.start; k < span.end; k++) {
            labels[starts[s]! + k] = (k === span.start ? 1 : 2) + 2 * t;
            confidence[starts[s]! + k] = span.confidence;
          }
          return [span.start, span.end, t];
        }),
      );
      const out = new Int32Array(N * MAX_DOCUMENT_FEATURES);
      const count = new Uint8Array(N);
      documentFeatureIds(
        { words, starts, labels, confidence, names },
        stage1.table,
        stage2.scorer,
        30,
        out,
        count,
      );
      strings.flat().forEach((list, w) => {
        const expected = list.map((f) => stage2.scorer.featureId(f));
        assert.deepEqual(
          Array.from(out.subarray(w * MAX_DOCUMENT_FEATURES, w * MAX_DOCUMENT_FEATURES + count[w]!)),
          expected,
        );
      });
    }
  });

  it('gives the same names through the string document features (the training path)', () => {
    const stage1 = createTagger(loadModel(file.stage1!), resources);
    const stage2 = createTagger(loadModel(file), resources);
    const slow = createDocumentTagger(stage1, stage2, file.documentWindow ?? 30);
    const doc = fixture.documents[2]!;
    assert.deepEqual(slow.spans(doc.sentences).map(asText), doc.spans);
  });
});
