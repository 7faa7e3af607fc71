import { cleanRawText } from '../src/clean/clean.ts';
import { findQuotes } from '../src/analyze/quotes/index.ts';
import { splitSentences } from '../src/text/sentences.ts';
import { tokenize } from '../src/text/tokenize.ts';
import { loadCorpus, round, timeBest } from './corpus.ts';

/**
 * The quote stage's throughput on real news, beside its inputs' cost (cleaning, tokens, sentences) and a
 * whitespace split of the same text, all measured in the same run.
 */
export function benchQuotes(limit = 3000): Record<string, number> {
  const articles = loadCorpus(limit).map((a) => a.text);
  const megabytes = articles.reduce((sum, t) => sum + Buffer.byteLength(t, 'utf8'), 0) / 1e6;
  const prepared = articles.map((raw) => {
    const text = cleanRawText(raw).cleanText;
    const tokens = tokenize(text);
    return { text, tokens, sentences: splitSentences(text, tokens) };
  });
  const baseline = timeBest(3, articles, (text) => text.split(/\s+/));
  const upstream = timeBest(2, articles, (raw) => {
    const text = cleanRawText(raw).cleanText;
    splitSentences(text, tokenize(text));
  });
  const quotesOnly = timeBest(3, prepared, (input) => findQuotes(input));
  let total = 0;
  for (const input of prepared) total += findQuotes(input).length;
  return {
    articles: articles.length,
    'quotes found': total,
    'whitespace split (baseline) MB/s': round(megabytes / baseline),
    'clean + tokens + sentences MB/s': round(megabytes / upstream),
    'quote stage alone MB/s': round(megabytes / quotesOnly),
    'quote stage articles/s': Math.round(articles.length / quotesOnly),
    'quote stage cost vs baseline (×)': round(quotesOnly / baseline),
    'quote stage share of text pipeline (%)': round((100 * quotesOnly) / (quotesOnly + upstream)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(benchQuotes());
