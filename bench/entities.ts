import { findEntities } from '../src/analyze/entities/index.ts';
import { defaultTagger } from '../src/analyze/entities/ner/default-model.ts';
import { recognizeEntities } from '../src/analyze/entities/ner/index.ts';
import { cleanRawText } from '../src/clean/clean.ts';
import { splitSentences } from '../src/text/sentences.ts';
import { tokenize } from '../src/text/tokenize.ts';
import { loadCorpus, timeBest } from './corpus.ts';

/** Like timeBest, in CPU seconds of this process: what one core does, whatever else the machine runs. */
function cpuBest<T>(rounds: number, inputs: readonly T[], fn: (input: T) => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    const start = process.cpuUsage();
    for (const input of inputs) fn(input);
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1e6);
  }
  return best;
}

/**
 * NER and entity linking on real news: model load time and memory, then tokens/s and articles/s for the
 * model alone and with registry linking, beside baselines from the same run (a whitespace split and the
 * tokenizer), in wall-clock and in CPU time (the machine may be shared: CPU time is what one core does).
 */
export function benchEntities(limit = 2000): Record<string, number> {
  // The model is loaded first, before the corpus fills the heap, so its memory can be read off the RSS.
  const rssBefore = process.memoryUsage().rss;
  const loadStart = performance.now();
  defaultTagger();
  const loadMs = performance.now() - loadStart;
  const modelMb = (process.memoryUsage().rss - rssBefore) / 1e6;
  const articles = loadCorpus(limit).map((a) => cleanRawText(a.text).cleanText);
  const prepared = articles.map((text) => {
    const tokens = tokenize(text);
    return { text, tokens, sentences: splitSentences(text, tokens) };
  });
  const words = prepared.reduce((sum, p) => sum + p.tokens.length, 0);
  const splitWords = articles.reduce((sum, text) => sum + text.split(/\s+/).length, 0);
  const split = timeBest(3, articles, (text) => text.split(/\s+/));
  const splitCpu = cpuBest(3, articles, (text) => text.split(/\s+/));
  const tokenizer = timeBest(2, articles, (text) => tokenize(text));
  const model = timeBest(2, prepared, (p) => recognizeEntities(p.tokens));
  const modelCpu = cpuBest(2, prepared, (p) => recognizeEntities(p.tokens));
  const linked = timeBest(1, prepared, (p) => findEntities(p));
  return {
    articles: articles.length,
    tokens: words,
    'model load (ms)': Math.round(loadMs),
    'model memory (MB RSS)': Math.round(modelMb),
    'peak RSS (MB)': Math.round(process.memoryUsage().rss / 1e6),
    'whitespace split (baseline) words/s': Math.round(splitWords / split),
    'whitespace split words/s (CPU time)': Math.round(splitWords / splitCpu),
    'tokenizer (baseline) tokens/s': Math.round(words / tokenizer),
    'NER model tokens/s': Math.round(words / model),
    'NER model tokens/s (CPU time)': Math.round(words / modelCpu),
    'NER model articles/s': Math.round(articles.length / model),
    'NER + registry + linking articles/s': Math.round(articles.length / linked),
    'NER cost vs tokenizer (×)': Math.round((100 * model) / tokenizer) / 100,
    'NER cost vs whitespace split (×)': Math.round(model / split),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(benchEntities());
