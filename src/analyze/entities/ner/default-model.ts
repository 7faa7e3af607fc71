import clustersFile from '../../../../data/ner/clusters.json' with { type: 'json' };
import gazetteersFile from '../../../../data/ner/gazetteers.json' with { type: 'json' };
import modelFile from '../../../../data/ner/model.json' with { type: 'json' };
import namelikeFile from '../../../../data/ner/namelike.json' with { type: 'json' };
import { loadModel, type NerModelFile } from './model.ts';
import { type GazetteersFile, loadResources } from './resources.ts';
import { createTagger, type Tagger } from './tagger.ts';

let tagger: Tagger | undefined;

/**
 * The tagger of the shipped model (data/ner/), built on first use so importing the analyzer stays cheap.
 * `defaultTagger().tag(['قال', 'بوتين'])` → `['O', 'B-PER']`.
 */
export function defaultTagger(): Tagger {
  tagger ??= createTagger(
    loadModel(modelFile as unknown as NerModelFile),
    loadResources(clustersFile, gazetteersFile as unknown as GazetteersFile, namelikeFile),
  );
  return tagger;
}
