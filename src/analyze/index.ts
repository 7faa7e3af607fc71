import type { Annotations } from '../core/annotations.ts';
import type { Article, RawArticle } from '../core/article.ts';
import { type AnalyzedDocument, SCHEMA_VERSION } from '../core/document.ts';
import { checkPipeline, type Component } from '../core/pipeline.ts';
import { type CleanResult, cleanRawText } from '../clean/clean.ts';
import { headlinesComponent, sentencesComponent, tokensComponent } from './components.ts';
import { entitiesComponent } from './entities/index.ts';
import { eventsComponent } from './events/index.ts';
import { integrityComponent } from './integrity/index.ts';
import { quotesComponent } from './quotes/index.ts';
import { timesComponent } from './time/index.ts';

/**
 * The default stages, in order: tokens before sentences (sentences are token ranges), both before headlines and
 * times; entities before quotes (speakers are entity mentions); events last (they read entities, quotes and times).
 */
export const DEFAULT_COMPONENTS: readonly Component[] = [
  tokensComponent,
  sentencesComponent,
  timesComponent,
  headlinesComponent,
  integrityComponent,
  entitiesComponent,
  quotesComponent,
  eventsComponent,
];

/**
 * Builds an analyzer from components, checking their order once. The returned function is pure:
 * raw article in, analyzed document out. `createAnalyzer()(raw).annotations.sentences` → the sentences.
 */
export function createAnalyzer(
  components: readonly Component[] = DEFAULT_COMPONENTS,
): (raw: RawArticle, cleaned?: CleanResult) => AnalyzedDocument {
  checkPipeline(components);
  // `cleaned` lets a caller that has already cleaned the raw text (ingest, for deduplication) skip doing it again.
  return function analyze(raw: RawArticle, cleaned: CleanResult = cleanRawText(raw.rawText)): AnalyzedDocument {
    // 1. Clean: fixes the text every annotation will point into.
    const article: Article = { ...raw, cleanText: cleaned.cleanText, offsetMap: cleaned.offsetMap };
    // 2. Run the components in their checked order, each adding its layers.
    let layers: Partial<Annotations> = { boilerplate: cleaned.removed };
    for (const component of components) layers = { ...layers, ...component.run({ article, layers }) };
    return { schemaVersion: SCHEMA_VERSION, article, annotations: layers as Annotations };
  };
}

let defaultAnalyzer: ReturnType<typeof createAnalyzer> | undefined;

/** Cleans (unless given `cleanRawText(raw.rawText)`) and analyzes one article with the default components. */
export function analyzeArticle(raw: RawArticle, cleaned?: CleanResult): AnalyzedDocument {
  defaultAnalyzer ??= createAnalyzer();
  return defaultAnalyzer(raw, cleaned);
}
