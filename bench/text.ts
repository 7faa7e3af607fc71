import { splitSentences } from '../src/text/sentences.ts';
import { tokenize } from '../src/text/tokenize.ts';
import { loadCorpus, round, timeBest } from './corpus.ts';

/**
 * Tokenization + sentence splitting throughput over real news, next to a plain whitespace split of the same
 * text measured in the same run; the ratio is what to compare across machines.
 */
export function benchText(limit = 10_000): Record<string, number | string> {
  const articles = loadCorpus(limit).map((a) => a.text);
  const megabytes = articles.reduce((sum, t) => sum + Buffer.byteLength(t, 'utf8'), 0) / 1e6;
  tokenize('تحميل المعجم'); // load the lexicon outside the timing
  const baseline = timeBest(3, articles, (text) => text.split(/\s+/));
  const tokenOnly = timeBest(3, articles, (text) => tokenize(text));
  const full = timeBest(3, articles, (text) => splitSentences(text, tokenize(text)));
  return {
    articles: articles.length,
    megabytes: round(megabytes),
    'whitespace split (baseline) MB/s': round(megabytes / baseline),
    'tokenize MB/s': round(megabytes / tokenOnly),
    'tokenize + sentences MB/s': round(megabytes / full),
    'tokenize + sentences articles/s': Math.round(articles.length / full),
    'slowdown vs baseline (×)': round(full / baseline),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(benchText());
