import type { Sentence, Token } from '../../core/annotations.ts';
import type { Span } from '../../core/span.ts';
import type { Component } from '../../core/pipeline.ts';
import { linkEntities } from './link/link.ts';
import type { LinkResult, ModelMention } from './link/types.ts';
import { recognizeEntities } from './ner/index.ts';
import { defaultRegistry, type Registry } from './registry/registry.ts';

export type { LinkResult, ModelMention } from './link/types.ts';
export {
  type EntityGold,
  type EntityReport,
  evaluateEntities,
  formatEntityReport,
  sumEntityReports,
} from './evaluate.ts';

export interface FindEntitiesInput {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  /** Publication date (ISO), when known: descriptions resolve to that day's office holders. */
  readonly date?: string;
  /** Time expressions of the text, when found before: the model's names inside them are dropped. */
  readonly times?: readonly Span[];
}

export interface FindEntitiesOptions {
  readonly registry?: Registry;
  /** The statistical recognizer; defaults to the shipped model. Tests pass hand-made mentions. */
  readonly recognize?: (tokens: readonly Token[]) => readonly ModelMention[];
}

/**
 * Finds the article's entities: the model's names, the registry's actors, and the links between them.
 * `findEntities({text, tokens: tokenize(text), sentences})` → `{entities, mentions}`.
 */
export function findEntities(input: FindEntitiesInput, options: FindEntitiesOptions = {}): LinkResult {
  const recognize = options.recognize ?? recognizeEntities;
  const registry = options.registry ?? defaultRegistry();
  return linkEntities(registry, { ...input, modelMentions: recognize(input.tokens) });
}

/** The entities stage for the analyzer pipeline (add it after sentences, before quotes). */
export const entitiesComponent: Component<'entities' | 'mentions'> = {
  name: 'entities',
  requires: ['tokens', 'sentences'],
  assigns: ['entities', 'mentions'],
  run: ({ article, layers }) =>
    findEntities({
      text: article.cleanText,
      tokens: layers.tokens!,
      sentences: layers.sentences!,
      ...(article.publishedAt !== undefined ? { date: article.publishedAt } : {}),
      ...(layers.times !== undefined ? { times: layers.times } : {}),
    }),
};
