/** Headline–body integrity: does the given title belong to the body, and if not, what does the body offer? */
import type { Component } from '../../core/pipeline.ts';
import { checkHeadline } from './check.ts';

export {
  checkHeadline,
  createHeadlineChecker,
  type HeadlineCheckerOptions,
  type HeadlineInput,
} from './check.ts';
export { defaultIdf, type IdfTable } from './idf.ts';
export { DEFAULT_MODEL, type IntegrityModel } from './model.ts';
export { leadMainClause } from './suggest.ts';
export type { HeadlineCheck, HeadlineFeatures, IntegrityFeatures, IntegritySpan } from './types.ts';
export { defaultVectors, type TermVectors } from './vectors.ts';

/**
 * The headlineCheck layer: the given title judged against the body, with the body's own headline or a
 * suggested one when they do not match.
 */
export const integrityComponent: Component<'headlineCheck'> = {
  name: 'integrity',
  requires: ['tokens', 'sentences', 'headlines'],
  assigns: ['headlineCheck'],
  run: ({ article, layers }) => ({
    headlineCheck: checkHeadline({
      text: article.cleanText,
      title: article.title,
      tokens: layers.tokens!,
      sentences: layers.sentences!,
      headlines: layers.headlines!,
    }),
  }),
};
