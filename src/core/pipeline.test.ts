import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_COMPONENTS } from '../analyze/index.ts';
import { headlinesComponent, sentencesComponent, tokensComponent } from '../analyze/components.ts';
import { checkPipeline } from './pipeline.ts';

describe('checkPipeline', () => {
  it('accepts the default components in their order', () => {
    assert.doesNotThrow(() => checkPipeline(DEFAULT_COMPONENTS));
  });

  it('refuses a component placed before the layers it needs, naming both', () => {
    assert.throws(() => checkPipeline([sentencesComponent, tokensComponent]), /"sentences" needs layer "tokens"/);
    assert.throws(() => checkPipeline([tokensComponent, headlinesComponent]), /needs layer "sentences"/);
  });

  it('refuses a layer made twice', () => {
    assert.throws(() => checkPipeline([tokensComponent, tokensComponent]), /made twice/);
  });
});
