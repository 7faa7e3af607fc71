/**
 * rasd as a library: the one public entry point. Everything here is pure (no Node modules) and runs in a
 * browser too. `analyzeArticle(parsePlainText(text, {kind: 'inline'}))` → an `AnalyzedDocument`.
 */
export { analyzeArticle, createAnalyzer, DEFAULT_COMPONENTS } from './analyze/index.ts';
export { entitiesComponent, findEntities } from './analyze/entities/index.ts';
export { evaluateNer, recognizeEntities } from './analyze/entities/ner/index.ts';
export { checkHeadline, integrityComponent } from './analyze/integrity/index.ts';
export { evaluateQuotes, findQuotes, quotesComponent } from './analyze/quotes/index.ts';
export { cleanRawText, findHeadlineCandidates } from './clean/index.ts';
export type * from './core/annotations.ts';
export { type Article, type ArticleSource, articleId, makeRawArticle, type RawArticle, toRawOffset } from './core/article.ts';
export { type AnalyzedDocument, documentFromJson, documentToJson, findSpanProblem, SCHEMA_VERSION } from './core/document.ts';
export { RasdError, type RasdErrorCode } from './core/errors.ts';
export type { HeadlineCheck } from './core/headline-check.ts';
export { checkPipeline, type Component, type DocumentDraft } from './core/pipeline.ts';
export { sliceSpan, type Span } from './core/span.ts';
export { parsePlainText } from './ingest/plain-text.ts';
export { normalizeArabic, normalizeWithOffsets } from './text/normalize.ts';
export { splitSentences } from './text/sentences.ts';
export { createTokenizer, tokenize } from './text/tokenize.ts';
