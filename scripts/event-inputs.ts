// The layers the event stage reads (tokens, sentences, entities, quotes, times, publication date), made by every
// other component of the analyzer: for scripts that code events again and again on the same articles.
import type { EventInput } from '../src/analyze/events/index.ts';
import { createAnalyzer, DEFAULT_COMPONENTS } from '../src/analyze/index.ts';
import { makeRawArticle } from '../src/core/article.ts';

let upstream: ReturnType<typeof createAnalyzer> | undefined;

/** `eventInputOf(text, 'saudinewsnet#12', '2015-07-31')` → what `codeEvents` reads for that article. */
export function eventInputOf(text: string, location: string, publishedAt?: string): EventInput {
  upstream ??= createAnalyzer(DEFAULT_COMPONENTS.filter((c) => c.name !== 'events'));
  const doc = upstream(
    makeRawArticle({
      source: { kind: 'file', location },
      rawText: text,
      ...(publishedAt ? { publishedAt } : {}),
    } as Parameters<typeof makeRawArticle>[0]),
  );
  const { tokens, sentences, mentions, entities, quotes, times } = doc.annotations;
  return {
    text: doc.article.cleanText,
    tokens,
    sentences,
    ...(mentions !== undefined ? { mentions } : {}),
    ...(entities !== undefined ? { entities } : {}),
    ...(quotes !== undefined ? { quotes } : {}),
    ...(times !== undefined ? { times } : {}),
    ...(doc.article.publishedAt !== undefined ? { published: doc.article.publishedAt } : {}),
  };
}
