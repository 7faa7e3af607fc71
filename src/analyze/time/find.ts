import type { Annotations, TimeExpression } from '../../core/annotations.ts';
import type { Article } from '../../core/article.ts';
import { RasdError } from '../../core/errors.ts';
import { type CivilDate, parseIsoDay } from './calendar.ts';
import { timeLexicon } from './lexicon.ts';
import { matchAt, type Scan, type TimeMatch } from './match.ts';
import { resolveMatch } from './resolve.ts';
import { viewTokens } from './words.ts';

/** The article fields time recognition reads. */
export type TimeArticle = Pick<Article, 'cleanText' | 'publishedAt'> &
  Partial<Pick<Article, 'id' | 'source'>>;

/** The layers time recognition reads. */
export type TimeLayers = Pick<Annotations, 'tokens' | 'sentences'>;

/**
 * Finds and normalizes the date and time expressions of an article, against its publication date when it
 * has one. `findTimes({cleanText, publishedAt: '2023-09-15'}, layers)` on "وصل الجمعة" → one weekday,
 * value `2023-09-15`. Throws `RasdError('E_BAD_DOCUMENT')` when `publishedAt` is given but not a date.
 */
export function findTimes(article: TimeArticle, layers: TimeLayers): TimeExpression[] {
  const published = publicationDay(article);
  const { tokens, sentences } = layers;
  const views = viewTokens(tokens, timeLexicon());
  const out: TimeExpression[] = [];
  for (const sentence of sentences) {
    const scan: Scan = { tokens, views, sentenceStart: sentence.tokenStart, sentenceEnd: sentence.tokenEnd };
    const matches: TimeMatch[] = [];
    let i = sentence.tokenStart;
    while (i < sentence.tokenEnd) {
      const match = matchAt(scan, i);
      if (match === undefined) i++;
      else {
        matches.push(match);
        i = match.endToken;
      }
    }
    const resolved = matches.map((match) => ({ match, resolved: resolveMatch(match, published) }));
    for (const [index, { match, resolved: result }] of resolved.entries()) {
      let final = result;
      // A clock time belongs to the day named beside it (الجمعة الساعة 10، الساعة 10 من صباح أمس).
      if (match.meaning.type === 'clock') {
        const day = nearbyDay(resolved, index);
        if (day?.value !== undefined) {
          const clock = result.value?.slice(10) ?? result.relative?.slice(5) ?? '';
          final = { ...result, value: `${day.value}${clock}`, resolution: day.resolution };
        }
      }
      const text = article.cleanText.slice(match.start, match.end);
      out.push({ kind: 'time', start: match.start, end: match.end, text, ...withoutUndefined(final) });
    }
  }
  return out;
}

type Entry = { match: TimeMatch; resolved: ReturnType<typeof resolveMatch> };

function nearbyDay(entries: readonly Entry[], index: number): ReturnType<typeof resolveMatch> | undefined {
  const self = entries[index]!.match;
  for (const k of [index - 1, index + 1]) {
    const other = entries[k];
    if (other === undefined || other.resolved.granularity !== 'day') continue;
    const gap = k < index ? self.startToken - other.match.endToken : other.match.startToken - self.endToken;
    if (gap <= 3) return other.resolved;
  }
  return undefined;
}

function withoutUndefined<T extends object>(value: T): T {
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (field !== undefined) copy[key] = field;
  return copy as T;
}

function publicationDay(article: TimeArticle): CivilDate | undefined {
  if (article.publishedAt === undefined || article.publishedAt === '') return undefined;
  const day = parseIsoDay(article.publishedAt);
  if (day === undefined) {
    const input = article.source?.location ?? article.source?.url ?? article.id;
    throw new RasdError(
      'E_BAD_DOCUMENT',
      `publication date "${article.publishedAt}" is not an ISO 8601 date`,
      input === undefined ? {} : { input },
    );
  }
  return day;
}
