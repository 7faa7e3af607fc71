import type { Token } from '../../core/annotations.ts';
import { meaningOf, type TokenView } from './words.ts';

/** What a recognized expression means, before it is resolved against a publication date. */
export type TimeMeaning =
  /** A weekday; `direction` -1 for الماضي, +1 for المقبل/القادم, 0 when no word says; `week` when a week is named (الجمعة من الأسبوع المقبل → +1). */
  | { readonly type: 'weekday'; readonly day: number; readonly direction: -1 | 0 | 1; readonly week?: number }
  | { readonly type: 'day-offset'; readonly offset: number }
  | { readonly type: 'unit'; readonly unit: 'week' | 'month' | 'year'; readonly offset: number }
  /** A calendar date; without `year` it is partial and the year comes from the publication date. */
  | {
      readonly type: 'date';
      readonly calendar: 'gregorian' | 'hijri';
      readonly year?: number;
      readonly month: number;
      readonly day?: number;
      readonly direction: -1 | 0 | 1;
      /** The weekday written with the date (الاثنين 10 جمادى الآخرة): it picks the year when none is written. */
      readonly weekday?: number;
    }
  /** A day of the month named relatively: 20 من الشهر المقبل، يوم 27 الجاري (`monthOffset` +1, 0). */
  | { readonly type: 'day-of-month'; readonly day: number; readonly monthOffset: number }
  | { readonly type: 'year'; readonly calendar: 'gregorian' | 'hijri'; readonly year: number }
  | { readonly type: 'clock'; readonly hour: number; readonly minute: number };

/** A recognized expression: tokens `[startToken, endToken)`, text offsets, meaning, and whether its clause is future. */
export interface TimeMatch {
  readonly startToken: number;
  readonly endToken: number;
  readonly start: number;
  readonly end: number;
  readonly meaning: TimeMeaning;
  readonly future: boolean;
}

/** The tokens of one sentence as the matcher reads them. */
export interface Scan {
  readonly tokens: readonly Token[];
  readonly views: readonly TokenView[];
  readonly sentenceStart: number;
  readonly sentenceEnd: number;
}

/** A matched expression's end and meaning, before its start is settled. */
export type Core = { readonly endToken: number; readonly end?: number; readonly meaning: TimeMeaning };

export const DIGITS = /^\d+$/;

export function bareAt(s: Scan, i: number): string | undefined {
  return i < s.sentenceEnd ? s.views[i]!.bare : undefined;
}

export function punctAt(s: Scan, i: number, chars: string): boolean {
  const token = s.tokens[i];
  return i < s.sentenceEnd && token !== undefined && token.type === 'punct' && chars.includes(token.text);
}

/** A modifier word with the article (الماضي، المقبلة، الجاري) at `i`. */
export function modifierAt(s: Scan, i: number): -1 | 0 | 1 | undefined {
  if (i >= s.sentenceEnd || !s.views[i]!.article) return undefined;
  return meaningOf(s.views[i], 'modifier')?.direction;
}
