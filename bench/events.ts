import { codeEvents } from '../src/analyze/events/index.ts';
import { createAnalyzer, DEFAULT_COMPONENTS } from '../src/analyze/index.ts';
import { makeRawArticle } from '../src/core/article.ts';
import { tokenize } from '../src/text/tokenize.ts';
import { loadCorpus, round } from './corpus.ts';

/**
 * Best of `rounds` runs of each function over the inputs, the runs taken in turn (a, b, a, b…): on a shared
 * machine the load drifts, and timing one side's runs all before the other's would let it skew the ratio.
 */
function timeInTurn<T>(
  rounds: number,
  inputs: readonly T[],
  fns: readonly ((input: T) => unknown)[],
): number[] {
  const best = fns.map(() => Number.POSITIVE_INFINITY);
  for (let r = 0; r < rounds; r++) {
    fns.forEach((fn, k) => {
      const start = performance.now();
      for (const input of inputs) fn(input);
      best[k] = Math.min(best[k]!, performance.now() - start);
    });
  }
  return best.map((ms) => ms / 1000);
}

/**
 * Event coding's throughput on real news: the event stage alone, given the layers it reads (tokens, sentences,
 * entities, quotes, times), beside the tokenizer on the same clean texts, measured in the same run.
 */
export function benchEvents(limit = 500): Record<string, number> {
  const upstream = createAnalyzer(DEFAULT_COMPONENTS.filter((c) => c.name !== 'events'));
  const prepared = loadCorpus(limit).map((a) => {
    const doc = upstream(makeRawArticle({ source: { kind: 'file', location: 'bench' }, rawText: a.text }));
    const { tokens, sentences, mentions, entities, quotes, times } = doc.annotations;
    return { text: doc.article.cleanText, tokens, sentences, mentions, entities, quotes, times };
  });
  const megabytes = prepared.reduce((sum, p) => sum + Buffer.byteLength(p.text, 'utf8'), 0) / 1e6;
  // RASD_BENCH_ROUNDS: more rounds where the machine is shared and busy (the best of each side is kept).
  const rounds = Number(process.env.RASD_BENCH_ROUNDS ?? 5);
  const [tokenizer, events] = timeInTurn(rounds, prepared, [
    (p) => tokenize(p.text),
    (p) => codeEvents(p),
  ]) as [number, number];
  let coded = 0;
  for (const p of prepared) coded += codeEvents(p).length;
  return {
    articles: prepared.length,
    'events coded': coded,
    'tokenizer (baseline) MB/s': round(megabytes / tokenizer),
    'event stage alone MB/s': round(megabytes / events),
    'event stage articles/s': Math.round(prepared.length / events),
    'event stage cost vs tokenizer (×)': round(events / tokenizer),
  };
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.table(benchEvents(Number(process.env.RASD_BENCH_ARTICLES ?? 500)));
