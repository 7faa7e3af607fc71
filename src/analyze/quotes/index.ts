/** Quotations: who said what, to whom, through whom. */
import type { Component } from '../../core/pipeline.ts';
import { findQuotes } from './extract.ts';

export { findQuotes, type QuoteInput } from './extract.ts';
export {
  evaluateQuotes,
  formatQuoteReport,
  type QuoteGold,
  type QuoteReport,
  sumQuoteReports,
} from './evaluate.ts';

/** The quotes layer; reads entity mentions when an earlier component made them. */
export const quotesComponent: Component<'quotes'> = {
  name: 'quotes',
  requires: ['tokens', 'sentences'],
  assigns: ['quotes'],
  run: ({ article, layers }) => ({
    quotes: findQuotes({
      text: article.cleanText,
      tokens: layers.tokens!,
      sentences: layers.sentences!,
      mentions: layers.mentions ?? [],
    }),
  }),
};
