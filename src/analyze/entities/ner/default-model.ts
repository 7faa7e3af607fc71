import clustersFile from '../../../../data/ner/clusters.json' with { type: 'json' };
import gazetteersFile from '../../../../data/ner/gazetteers.json' with { type: 'json' };
import modelFile from '../../../../data/ner/model.json' with { type: 'json' };
import namelikeFile from '../../../../data/ner/namelike.json' with { type: 'json' };
import type { DocumentTagger } from './document.ts';
import type { NerModelFile } from './model.ts';
import { type GazetteersFile, loadResources } from './resources.ts';
import type { Tagger } from './tagger.ts';
import { createNerTaggers, type NerTaggers } from './taggers.ts';

let taggers: NerTaggers | undefined;

function shipped(): NerTaggers {
  taggers ??= createNerTaggers(
    modelFile as unknown as NerModelFile,
    loadResources(clustersFile, gazetteersFile as unknown as GazetteersFile, namelikeFile),
  );
  return taggers;
}

/**
 * The tagger of the shipped model (data/ner/) for one sentence alone, built on first use so importing the
 * analyzer stays cheap. `defaultTagger().tag(['قال', 'بوتين'])` → `['O', 'B-PER']`.
 */
export function defaultTagger(): Tagger {
  return shipped().sentence;
}

/** The shipped model's tagger of whole documents (sentences in order), see NerTaggers.document. */
export function defaultDocumentTagger(): DocumentTagger {
  return shipped().document;
}
