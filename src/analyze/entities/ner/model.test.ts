import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { describe, it } from 'node:test';
import modelFile from '../../../../data/ner/model.json' with { type: 'json' };
import { decodeBase64 } from './base64.ts';
import { loadModel, type NerModelFile } from './model.ts';
import { tagsOf } from './tags.ts';

const file = modelFile as unknown as NerModelFile;

describe('the shipped NER model', () => {
  it('has the expected shape', () => {
    assert.equal(file.format, 2);
    assert.deepEqual(file.tags, tagsOf(file.scheme));
    const T = file.tags.length;
    assert.equal(file.transition.length, (T + 2) * T);
    const model = loadModel(file);
    assert.ok(model.features.size > 10000, `${model.features.size} features`);
    assert.equal(model.features.size, file.features.names.split('\n').length);
    assert.equal(model.weights.length, model.features.size * T);
    // Every stored (tag, weight) pair lands in the dense table, and only those: pruning keeps no zeros.
    const stored = decodeBase64(file.features.pairs).length / 4;
    const nonZero = model.weights.reduce((n, w) => n + (w === 0 ? 0 : 1), 0);
    assert.equal(nonZero, stored);
    assert.ok(model.features.has('bias'));
    assert.match(file.generatedBy, /scripts\/train-ner\.ts/);
    assert.match(file.training.sourceHash, /^[0-9a-f]{16}$/);
  });

  it('stays compact and loads fast', () => {
    const bytes = statSync(new URL('../../../../data/ner/model.json', import.meta.url)).size;
    assert.ok(bytes < 8_000_000, `${bytes} bytes`);
    const started = performance.now();
    const model = loadModel(file);
    assert.ok(performance.now() - started < 1000);
    assert.equal(model.tags[0], 'O');
  });
});
