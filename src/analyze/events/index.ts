/** Events: who did what to whom, coded in PLOVER (with CAMEO codes) from the Arabic text, each pointing to its words. */
import type { Component } from '../../core/pipeline.ts';
import { codeEvents } from './code.ts';

export { codeEvents, type EventCoderOptions, type EventInput } from './code.ts';
export { createEventLexicon, defaultEventLexicon, type EventLexicon } from './lexicon.ts';
export type { EventLexiconFile, TriggerRecord } from './lexicon-file.ts';
export { cameoCode, cameoRoot, EVENT_TYPES, goldTypeAlias, ploverOfCameo } from './ontology.ts';
export { evaluateEvents, formatEventReport, type EventGold, type EventReport } from './evaluate.ts';

/** The events layer; reads entities, quotes and times when earlier components made them. Run it last. */
export const eventsComponent: Component<'events'> = {
  name: 'events',
  requires: ['tokens', 'sentences'],
  assigns: ['events'],
  run: ({ article, layers }) => ({
    events: codeEvents({
      text: article.cleanText,
      tokens: layers.tokens!,
      sentences: layers.sentences!,
      ...(layers.mentions !== undefined ? { mentions: layers.mentions } : {}),
      ...(layers.entities !== undefined ? { entities: layers.entities } : {}),
      ...(layers.quotes !== undefined ? { quotes: layers.quotes } : {}),
      ...(layers.times !== undefined ? { times: layers.times } : {}),
      ...(article.publishedAt !== undefined ? { published: article.publishedAt } : {}),
    }),
  }),
};
