/** Date and time expressions (الجمعة، أمس، يوليو (تموز) 2000، 3 رمضان 1444 هـ، الساعة العاشرة صباحا), normalized. */
import type { Component } from '../../core/pipeline.ts';
import { findTimes } from './find.ts';

export { findTimes, type TimeArticle, type TimeLayers } from './find.ts';
export { fromHijri, toHijri, type CivilDate } from './calendar.ts';

/** The `times` layer: every date and time expression, resolved against the publication date when known. */
export const timesComponent: Component<'times'> = {
  name: 'times',
  requires: ['tokens', 'sentences'],
  assigns: ['times'],
  run: ({ article, layers }) => ({
    times: findTimes(article, { tokens: layers.tokens!, sentences: layers.sentences! }),
  }),
};
