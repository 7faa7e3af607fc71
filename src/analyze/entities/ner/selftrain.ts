import { gazetteerWord } from './gazetteer.ts';
import type { Tagger } from './tagger.ts';

/** Which of the names found in unlabelled text are kept. */
export interface HarvestOptions {
  /** Only occurrences found with at least this confidence count. */
  readonly minConfidence: number;
  /** A name must be found confidently at least this many times… */
  readonly minCount: number;
  /** …and its most frequent type must hold this share of all its occurrences (confident or not). */
  readonly minShare: number;
}

export const DEFAULT_HARVEST: HarvestOptions = { minConfidence: 0.8, minCount: 3, minShare: 0.8 };

/**
 * Self-training lexicon: tags unlabelled sentences and keeps the names the tagger found confidently,
 * several times, with one type — `[name as written (most frequent spelling), type]` pairs, sorted. Names
 * are grouped by their matching forms (clitics aside), as gazetteers match them.
 * `harvestNames(tagger, sentences)` → `[['بوتين', 'PER'], …]`.
 */
export function harvestNames(
  tagger: Tagger,
  sentences: Iterable<readonly string[]>,
  options: HarvestOptions = DEFAULT_HARVEST,
): [string, string][] {
  const found = new Map<
    string,
    { spellings: Map<string, number>; all: Map<string, number>; sure: Map<string, number> }
  >();
  for (const words of sentences) {
    for (const span of tagger.spans(words)) {
      const slice = words.slice(span.start, span.end);
      const key = slice.map(gazetteerWord).join(' ');
      if (key.length < 3) continue;
      let entry = found.get(key);
      if (!entry) {
        entry = { spellings: new Map(), all: new Map(), sure: new Map() };
        found.set(key, entry);
      }
      const raw = slice.join(' ');
      entry.spellings.set(raw, (entry.spellings.get(raw) ?? 0) + 1);
      entry.all.set(span.type, (entry.all.get(span.type) ?? 0) + 1);
      if (span.confidence >= options.minConfidence)
        entry.sure.set(span.type, (entry.sure.get(span.type) ?? 0) + 1);
    }
  }
  const best = <K>(counts: Map<K, number>) =>
    [...counts].sort((a, b) => b[1] - a[1] || (String(a[0]) < String(b[0]) ? -1 : 1))[0];
  const names: [string, string][] = [];
  for (const { spellings, all, sure } of found.values()) {
    const top = best(sure);
    if (!top || top[1] < options.minCount) continue;
    let total = 0;
    for (const n of all.values()) total += n;
    if ((all.get(top[0]) ?? 0) < options.minShare * total) continue;
    names.push([best(spellings)![0], top[0]]);
  }
  return names.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
