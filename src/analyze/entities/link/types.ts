import type { Entity, EntityType, Mention, Sentence, Token } from '../../../core/annotations.ts';
import type { Span } from '../../../core/span.ts';

/** A name found by the statistical model (src/analyze/entities/ner): a token range with its type. */
export interface ModelMention extends Span {
  readonly type: EntityType;
  /** Token range `[tokenStart, tokenEnd)`. */
  readonly tokenStart: number;
  readonly tokenEnd: number;
  /** 0–1. */
  readonly confidence: number;
}

/** What linking reads: the clean text and its layers. */
export interface LinkInput {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  readonly modelMentions: readonly ModelMention[];
  /** Publication date (ISO), when known: descriptions then resolve to the office holder of that day. */
  readonly date?: string;
  /** Time expressions found in the text, when known: a model name inside one (أبريل (نيسان)) is a month. */
  readonly times?: readonly Span[];
}

export interface LinkResult {
  readonly entities: Entity[];
  readonly mentions: Mention[];
}

/** A mention while linking: its token range and the entity key it points at. */
export interface Draft extends Span {
  readonly text: string;
  readonly tokenStart: number;
  readonly tokenEnd: number;
  readonly type: EntityType;
  readonly via: Mention['via'];
  /** `actor:…` for registry actors, `doc:<type>:<normalized name>` until doc ids are numbered. */
  readonly key: string;
  /** For a capital read as its country (موسكو → Russia): the city's own actor id. */
  readonly place?: string;
}
