import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import clustersFile from '../../../../data/ner/clusters.json' with { type: 'json' };
import gazetteersFile from '../../../../data/ner/gazetteers.json' with { type: 'json' };
import modelFile from '../../../../data/ner/model.json' with { type: 'json' };
import namelikeFile from '../../../../data/ner/namelike.json' with { type: 'json' };
import { configHash, modelSourceHash } from '../../../../scripts/train-ner.ts';
import { parseConll } from './conll.ts';
import { buildGazetteer } from './gazetteer.ts';
import type { NerModelFile } from './model.ts';
import { type GazetteersFile, invertGroups, wordStatistics } from './resources.ts';
import { DEFAULT_TRAINING_CONFIG, trainNer } from './train.ts';

const SLICE = new URL('../../../../test/fixtures/ner/anercorp-train-slice.txt', import.meta.url);
const model = modelFile as unknown as NerModelFile;

function trainedHash(): string {
  const sentences = parseConll(readFileSync(SLICE, 'utf8'));
  const petrarch = (gazetteersFile as unknown as GazetteersFile).lists.p ?? [];
  const resources = {
    ...wordStatistics(clustersFile),
    namelike: invertGroups(namelikeFile.groups),
    gazetteers: [{ name: 'p', gazetteer: buildGazetteer(petrarch) }],
  };
  const { model: trained } = trainNer(sentences, resources, { ...DEFAULT_TRAINING_CONFIG, epochs: 3 });
  return createHash('sha256').update(JSON.stringify(trained)).digest('hex');
}

describe('NER training', () => {
  it('is deterministic: the same slice and seed give byte-identical models', () => {
    assert.equal(trainedHash(), trainedHash());
  });

  it('the committed model was trained by the current code and config (else run npm run train:ner)', () => {
    // The source hash covers the feature, tagging and training code and the clusters, whitespace aside.
    assert.equal(model.training.sourceHash, modelSourceHash());
    assert.equal(model.training.configHash, configHash(DEFAULT_TRAINING_CONFIG));
  });
});
