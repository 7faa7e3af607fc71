import type { Component } from '../core/pipeline.ts';
import { findHeadlineCandidates } from '../clean/headline.ts';
import { splitSentences } from '../text/sentences.ts';
import { tokenize } from '../text/tokenize.ts';

/** Tokens with offsets and clitic parts. */
export const tokensComponent: Component<'tokens'> = {
  name: 'tokens',
  requires: [],
  assigns: ['tokens'],
  run: ({ article }) => ({ tokens: tokenize(article.cleanText) }),
};

/** Sentences over the tokens. */
export const sentencesComponent: Component<'sentences'> = {
  name: 'sentences',
  requires: ['tokens'],
  assigns: ['sentences'],
  run: ({ article, layers }) => ({ sentences: splitSentences(article.cleanText, layers.tokens!) }),
};

/** The body's own headline, when its first line is one. */
export const headlinesComponent: Component<'headlines'> = {
  name: 'headlines',
  requires: ['tokens', 'sentences'],
  assigns: ['headlines'],
  run: ({ article, layers }) => ({ headlines: findHeadlineCandidates(article.cleanText, layers.tokens!, layers.sentences!) }),
};
