import { findTimes } from '../src/analyze/time/index.ts';
import { splitSentences } from '../src/text/sentences.ts';
import { tokenize } from '../src/text/tokenize.ts';
import { loadCorpus, round, timeBest } from './corpus.ts';

/**
 * Time recognition throughput over real news (tokens and sentences made beforehand), next to the tokenizer
 * on the same articles in the same run. Articles are anchored to their crawl date, as ingest would do.
 */
export function benchTimes(limit = 500): Record<string, number> {
  const corpus = loadCorpus(limit) as readonly (ReturnType<typeof loadCorpus>[number] & {
    date_extracted?: string;
  })[];
  const megabytes = corpus.reduce((sum, a) => sum + Buffer.byteLength(a.text, 'utf8'), 0) / 1e6;
  tokenize('تحميل المعجم'); // load the lexicon outside the timing
  const prepared = corpus.map((a) => {
    const tokens = tokenize(a.text);
    return {
      article: { cleanText: a.text, publishedAt: a.date_extracted?.slice(0, 10) },
      layers: { tokens, sentences: splitSentences(a.text, tokens) },
    };
  });
  const tokenizer = timeBest(3, corpus, (a) => tokenize(a.text));
  const times = timeBest(3, prepared, (input) => findTimes(input.article, input.layers));
  let found = 0;
  for (const input of prepared) found += findTimes(input.article, input.layers).length;
  return {
    articles: corpus.length,
    megabytes: round(megabytes),
    'time expressions found': found,
    'tokenize MB/s': round(megabytes / tokenizer),
    'time recognition MB/s': round(megabytes / times),
    'time recognition articles/s': Math.round(corpus.length / times),
    'time cost vs tokenizer (%)': round((100 * times) / tokenizer),
  };
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.table(benchTimes(Number(process.env.RASD_BENCH_ARTICLES ?? 500)));
