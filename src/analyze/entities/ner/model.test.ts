import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { describe, it } from 'node:test';
import modelFile from '../../../../data/ner/model.json' with { type: 'json' };
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
    assert.ok(model.index.size > 10000, `${model.index.size} features`);
    assert.equal(model.index.size, file.features.names.split('\n').length);
    for (let k = 0; k < model.pairs.length; k += 2) {
      assert.ok(Number.isInteger(model.pairs[k]) && model.pairs[k]! >= 0 && model.pairs[k]! < T);
      assert.notEqual(model.pairs[k + 1], 0);
    }
    assert.ok(model.index.has('bias'));
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
