/**
 * Builds data/ner/clusters.json: hierarchical word clusters learned from unlabelled news, used as NER
 * features (a stand-in for Brown clusters, which are too slow to induce in JS on two cores).
 *
 * Stages, in order:
 *  1. count words (ANERcorp-style words, normalized, digits folded) over the SaudiNewsNet articles;
 *  2. count each frequent word's neighbours at offsets -2, -1, +1, +2 among the most frequent context words;
 *  3. weight the counts by positive PMI and random-project them to a dense vector (cosine-preserving);
 *  4. cluster the vectors by spherical k-means, top-down, so each word gets a path `a.b.c` whose prefixes
 *     are coarser clusters — the property that makes Brown prefixes useful.
 *
 * Run: `npx tsx scripts/build-clusters.ts [articles.jsonl.gz] [out.json]` (about two minutes).
 */
import { createReadStream, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { createGunzip } from 'node:zlib';
import { seededRandom } from '../src/analyze/entities/ner/rng.ts';
import { stripProclitics } from '../src/analyze/entities/ner/stem.ts';
import { splitWords, wordKey } from '../src/analyze/entities/ner/words.ts';
import { orthonormalize, symmetricEigen } from './lib/linear-algebra.ts';

const SOURCE = process.argv[2] ?? '/work/shared/corpus/saudinewsnet/articles.jsonl.gz';
const OUT = process.argv[3] ?? new URL('../data/ner/clusters.json', import.meta.url).pathname;

export const CONFIG = {
  seed: 20240611,
  /** Words clustered: the most frequent ones seen at least this often. */
  maxVocabulary: 80000,
  minCount: 6,
  /** Stems this frequent get an article-share bucket. */
  minStemCount: 10,
  /** Context words: the most frequent ones, each at four offsets. */
  contextWords: 2000,
  offsets: [-2, -1, 1, 2],
  dimensions: 100,
  /** Branching per level: 16, then 8 and 8 → paths of three levels, up to 1024 leaves. */
  branching: [16, 8, 8],
  kmeansIterations: 15,
};

export async function readSentences(path: string, onWords: (keys: string[]) => void): Promise<number> {
  let articles = 0;
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    const record = JSON.parse(line) as { text?: string; title?: string };
    articles++;
    for (const paragraph of `${record.title ?? ''}\n${record.text ?? ''}`.split('\n')) {
      const words = splitWords(paragraph);
      if (words.length > 0) onWords(words.map(wordKey));
    }
  }
  return articles;
}

/** Open-addressing counter keyed by a non-negative 32-bit integer: millions of pairs without Map overhead. */
class PairCounter {
  keys: Uint32Array;
  counts: Float32Array;
  size = 0;
  constructor(capacityPow2: number) {
    this.keys = new Uint32Array(capacityPow2).fill(0xffffffff);
    this.counts = new Float32Array(capacityPow2);
  }
  add(key: number): void {
    if (this.size * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    while (true) {
      const k = this.keys[slot]!;
      if (k === key) break;
      if (k === 0xffffffff) {
        this.keys[slot] = key;
        this.size++;
        break;
      }
      slot = (slot + 1) & mask;
    }
    this.counts[slot]! += 1;
  }
  private grow(): void {
    const { keys, counts } = this;
    this.keys = new Uint32Array(keys.length * 2).fill(0xffffffff);
    this.counts = new Float32Array(keys.length * 2);
    this.size = 0;
    const mask = this.keys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (key === 0xffffffff) continue;
      let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
      while (this.keys[slot] !== 0xffffffff) slot = (slot + 1) & mask;
      this.keys[slot] = key;
      this.counts[slot] = counts[i]!;
      this.size++;
    }
  }
}

/** A sparse matrix in compressed-row form. */
interface Csr {
  readonly rows: number;
  readonly cols: number;
  readonly rowStart: Int32Array;
  readonly colIndex: Int32Array;
  readonly values: Float64Array;
}

function toCsr(entries: readonly [number, number, number][], rows: number, cols: number): Csr {
  const rowStart = new Int32Array(rows + 1);
  for (const [r] of entries) rowStart[r + 1]!++;
  for (let r = 0; r < rows; r++) rowStart[r + 1]! += rowStart[r]!;
  return {
    rows,
    cols,
    rowStart,
    colIndex: Int32Array.from(entries, (e) => e[1]),
    values: Float64Array.from(entries, (e) => e[2]),
  };
}

/** A·X for X (cols × k, row-major) → rows × k; or Aᵀ·X for X (rows × k) → cols × k. */
function multiply(a: Csr, x: Float64Array, k: number, transpose: boolean): Float64Array {
  const out = new Float64Array((transpose ? a.cols : a.rows) * k);
  for (let r = 0; r < a.rows; r++) {
    for (let e = a.rowStart[r]!; e < a.rowStart[r + 1]!; e++) {
      const c = a.colIndex[e]!;
      const v = a.values[e]!;
      const [to, from] = transpose ? [c * k, r * k] : [r * k, c * k];
      for (let j = 0; j < k; j++) out[to + j]! += v * x[from + j]!;
    }
  }
  return out;
}

/**
 * Rank-`dims` SVD of a sparse matrix by the randomized range finder (Halko et al. 2011) with two power
 * iterations; returns the rows' coordinates U·Σ^½ (n × dims, row-major), the usual word-vector weighting.
 */
function randomizedSvd(a: Csr, dims: number, random: () => number): Float32Array {
  const k = dims + 16;
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const omega = Float64Array.from({ length: a.cols * k }, gaussian);
  let q = orthonormalize(multiply(a, omega, k, false), a.rows, k);
  for (let iter = 0; iter < 2; iter++) {
    const z = orthonormalize(multiply(a, q, k, true), a.cols, k);
    q = orthonormalize(multiply(a, z, k, false), a.rows, k);
  }
  // B = Qᵀ·A (k × cols); B·Bᵀ = Zᵀ·Z with Z = Aᵀ·Q.
  const z = multiply(a, q, k, true);
  const gram = new Float64Array(k * k);
  for (let c = 0; c < a.cols; c++) {
    for (let i = 0; i < k; i++) {
      const zi = z[c * k + i]!;
      if (zi === 0) continue;
      for (let j = 0; j < k; j++) gram[i * k + j]! += zi * z[c * k + j]!;
    }
  }
  const { values, vectors } = symmetricEigen(gram, k, { sweeps: 50, tolerance: 1e-18, negligible: 1e-30 });
  const order = Array.from({ length: k }, (_, i) => i)
    .sort((x, y) => values[y]! - values[x]!)
    .slice(0, dims);
  const out = new Float32Array(a.rows * dims);
  for (let r = 0; r < a.rows; r++) {
    order.forEach((e, d) => {
      let u = 0;
      for (let j = 0; j < k; j++) u += q[r * k + j]! * vectors[j * k + e]!;
      out[r * dims + d] = u * Math.max(values[e]!, 0) ** 0.25;
    });
  }
  return out;
}

function normalizeRows(vectors: Float32Array, dims: number): void {
  for (let row = 0; row * dims < vectors.length; row++) {
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += vectors[row * dims + d]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) vectors[row * dims + d]! /= norm;
  }
}

/** Spherical k-means over the given rows; returns each row's cluster (0..k-1). Deterministic for a seed. */
function kmeans(
  vectors: Float32Array,
  dims: number,
  rows: number[],
  k: number,
  random: () => number,
): number[] {
  const assign = new Array<number>(rows.length).fill(0);
  if (rows.length <= k) return rows.map((_, i) => i);
  const centroids = new Float32Array(k * dims);
  // Initialise on distinct rows chosen by the seeded generator, biased to frequent words (rows are sorted).
  const chosen = new Set<number>();
  while (chosen.size < k) chosen.add(Math.floor(random() ** 2 * rows.length));
  for (const [c, r] of [...chosen].entries())
    centroids.set(vectors.subarray(rows[r]! * dims, rows[r]! * dims + dims), c * dims);
  for (let iter = 0; iter < CONFIG.kmeansIterations; iter++) {
    let moved = 0;
    for (let i = 0; i < rows.length; i++) {
      const base = rows[i]! * dims;
      let best = 0;
      let bestScore = -Infinity;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        for (let d = 0; d < dims; d++) dot += vectors[base + d]! * centroids[c * dims + d]!;
        if (dot > bestScore) {
          bestScore = dot;
          best = c;
        }
      }
      if (assign[i] !== best) moved++;
      assign[i] = best;
    }
    centroids.fill(0);
    for (let i = 0; i < rows.length; i++) {
      const base = rows[i]! * dims;
      const c = assign[i]!;
      for (let d = 0; d < dims; d++) centroids[c * dims + d]! += vectors[base + d]!;
    }
    normalizeRows(centroids, dims);
    if (moved === 0) break;
  }
  return assign;
}

/**
 * Two statistics that stand in for capitalization, which Arabic lacks: how frequent a word is (names are
 * rarer than function words), and how often its stem carries the article ال (names rarely do: بوتين, لبنان;
 * common nouns and adjectives often do). Both as buckets → space-separated words.
 */
function lexicalStatistics(
  counts: ReadonlyMap<string, number>,
  vocabulary: readonly string[],
): { frequency: Record<string, string>; articleShare: Record<string, string> } {
  const frequency: Record<string, string[]> = {};
  for (const word of vocabulary) {
    const bucket = `f${Math.min(16, Math.floor(Math.log2(counts.get(word)!)))}`;
    const list = frequency[bucket] ?? [];
    list.push(word);
    frequency[bucket] = list;
  }
  const stemTotal = new Map<string, number>();
  const stemArticle = new Map<string, number>();
  for (const [word, n] of counts) {
    const { stem, article } = stripProclitics(word);
    stemTotal.set(stem, (stemTotal.get(stem) ?? 0) + n);
    if (article) stemArticle.set(stem, (stemArticle.get(stem) ?? 0) + n);
  }
  const articleShare: Record<string, string[]> = {};
  for (const [stem, n] of stemTotal) {
    if (n < CONFIG.minStemCount) continue;
    const share = (stemArticle.get(stem) ?? 0) / n;
    const bucket =
      share === 0
        ? 'a0'
        : share < 0.02
          ? 'a1'
          : share < 0.1
            ? 'a2'
            : share < 0.3
              ? 'a3'
              : share < 0.7
                ? 'a4'
                : 'a5';
    const list = articleShare[bucket] ?? [];
    list.push(stem);
    articleShare[bucket] = list;
  }
  const join = (groups: Record<string, string[]>) =>
    Object.fromEntries(
      Object.entries(groups)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, v.join(' ')]),
    );
  return { frequency: join(frequency), articleShare: join(articleShare) };
}

/** The corpus's frequent words and their PPMI-SVD vectors (unit length), steps 1–3 above. */
export interface WordVectors {
  readonly articles: number;
  readonly tokens: number;
  readonly counts: ReadonlyMap<string, number>;
  /** Most frequent first. */
  readonly vocabulary: readonly string[];
  /** vocabulary.length × dimensions, row-major, rows of unit length. */
  readonly vectors: Float32Array;
  readonly dimensions: number;
}

/**
 * Steps 1–3: counts, co-occurrences, PPMI, randomized SVD. `random` is the seeded generator, which
 * build-clusters then keeps using for k-means (so the clusters depend on its state after the SVD).
 */
export async function wordVectors(
  source: string,
  random: () => number,
  log: (message: string) => void = () => {},
  /** Also give vectors to the rarer words seen this often, folded into the SVD space (after the vocabulary). */
  foldInMinCount = 0,
): Promise<WordVectors> {
  const started = performance.now();
  // 1. Word counts.
  const counts = new Map<string, number>();
  let tokens = 0;
  const articles = await readSentences(source, (keys) => {
    tokens += keys.length;
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const vocabulary = ranked
    .filter(([, n]) => n >= CONFIG.minCount)
    .slice(0, CONFIG.maxVocabulary)
    .map(([w]) => w);
  const index = new Map(vocabulary.map((w, i) => [w, i]));
  log(`${articles} articles, ${tokens} words, ${counts.size} types, ${vocabulary.length} clustered`);

  // 2. Co-occurrence counts with the most frequent words at each offset.
  const contextCount = CONFIG.contextWords;
  const slots = CONFIG.offsets.length * contextCount;
  const pairs = new PairCounter(1 << 24);
  await readSentences(source, (keys) => {
    const ids = keys.map((k) => index.get(k) ?? -1);
    for (let i = 0; i < ids.length; i++) {
      const target = ids[i]!;
      if (target < 0) continue;
      CONFIG.offsets.forEach((offset, o) => {
        const j = i + offset;
        // Sentence edges count as a context of their own (the last slot of each offset block).
        const edge = contextCount - 1;
        // Real words use slots 0..edge-1 (the 2,999 most frequent); other words are not a context.
        const ctx = j < 0 || j >= ids.length ? edge : ids[j]! < edge ? ids[j]! : -1;
        if (ctx >= 0) pairs.add(target * slots + o * contextCount + ctx);
      });
    }
  });
  log(`${pairs.size} word–context pairs (${((performance.now() - started) / 1000).toFixed(0)} s)`);

  // 3. PPMI (context distribution smoothed by ^0.75) as a sparse matrix, reduced by randomized SVD.
  const rowTotals = new Float64Array(vocabulary.length);
  const colTotals = new Float64Array(slots);
  let total = 0;
  for (let s = 0; s < pairs.keys.length; s++) {
    const key = pairs.keys[s]!;
    if (key === 0xffffffff) continue;
    const n = pairs.counts[s]!;
    rowTotals[Math.floor(key / slots)]! += n;
    colTotals[key % slots]! += n;
    total += n;
  }
  let smoothedTotal = 0;
  for (let c = 0; c < slots; c++) smoothedTotal += colTotals[c]! ** 0.75;
  const entries: [number, number, number][] = [];
  for (let s = 0; s < pairs.keys.length; s++) {
    const key = pairs.keys[s]!;
    if (key === 0xffffffff) continue;
    const row = Math.floor(key / slots);
    const col = key % slots;
    const pmi = Math.log(
      pairs.counts[s]! / total / ((rowTotals[row]! / total) * (colTotals[col]! ** 0.75 / smoothedTotal)),
    );
    if (pmi > 0) entries.push([row, col, pmi]);
  }
  entries.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const matrix = toCsr(entries, vocabulary.length, slots);
  const vectors = randomizedSvd(matrix, CONFIG.dimensions, random);
  const raw = foldInMinCount > 0 ? Float64Array.from(vectors) : undefined;
  normalizeRows(vectors, CONFIG.dimensions);
  const dims = CONFIG.dimensions;
  log(
    `${entries.length} PPMI entries reduced to ${dims} dimensions (${((performance.now() - started) / 1000).toFixed(0)} s)`,
  );
  if (!raw) return { articles, tokens, counts, vocabulary, vectors, dimensions: dims };

  // Fold-in: rows are U·Σ^½ = A·V·Σ^-½ and V·Σ^-½ = Aᵀ·(U·Σ^½)·Σ^-2, with σ_d the squared norm of column d
  // of U·Σ^½; a rarer word's PPMI row (same column statistics) times that matrix lands in the same space.
  const rare = ranked.filter(([w, n]) => n >= foldInMinCount && !index.has(w)).map(([w]) => w);
  const rareIndex = new Map(rare.map((w, i) => [w, i]));
  const rarePairs = new PairCounter(1 << 24);
  await readSentences(source, (keys) => {
    const ids = keys.map((k) => index.get(k) ?? -1);
    for (let i = 0; i < keys.length; i++) {
      const target = rareIndex.get(keys[i]!);
      if (target === undefined) continue;
      CONFIG.offsets.forEach((offset, o) => {
        const j = i + offset;
        const edge = contextCount - 1;
        const ctx = j < 0 || j >= ids.length ? edge : ids[j]! >= 0 && ids[j]! < edge ? ids[j]! : -1;
        if (ctx >= 0) rarePairs.add(target * slots + o * contextCount + ctx);
      });
    }
  });
  const sigma = new Float64Array(dims);
  for (let r = 0; r < vocabulary.length; r++)
    for (let d = 0; d < dims; d++) sigma[d]! += raw[r * dims + d]! ** 2;
  const projection = multiply(matrix, raw, dims, true);
  for (let c = 0; c < slots; c++)
    for (let d = 0; d < dims; d++) projection[c * dims + d]! /= sigma[d]! ** 2 || 1;
  const rareTotals = new Float64Array(rare.length);
  for (let s = 0; s < rarePairs.keys.length; s++) {
    const key = rarePairs.keys[s]!;
    if (key !== 0xffffffff) rareTotals[Math.floor(key / slots)]! += rarePairs.counts[s]!;
  }
  const folded = new Float32Array(rare.length * dims);
  for (let s = 0; s < rarePairs.keys.length; s++) {
    const key = rarePairs.keys[s]!;
    if (key === 0xffffffff) continue;
    const row = Math.floor(key / slots);
    const col = key % slots;
    const pmi = Math.log(
      rarePairs.counts[s]! / total / ((rareTotals[row]! / total) * (colTotals[col]! ** 0.75 / smoothedTotal)),
    );
    if (pmi <= 0) continue;
    for (let d = 0; d < dims; d++) folded[row * dims + d]! += pmi * projection[col * dims + d]!;
  }
  normalizeRows(folded, dims);
  const all = new Float32Array((vocabulary.length + rare.length) * dims);
  all.set(vectors);
  all.set(folded, vectors.length);
  log(`${rare.length} rarer words (seen ≥ ${foldInMinCount} times) folded in`);
  return { articles, tokens, counts, vocabulary: [...vocabulary, ...rare], vectors: all, dimensions: dims };
}

async function main(): Promise<void> {
  const started = performance.now();
  const random = seededRandom(CONFIG.seed);
  const {
    articles,
    tokens,
    counts,
    vocabulary,
    vectors,
    dimensions: dims,
  } = await wordVectors(SOURCE, random, (m) => console.log(m));
  const { frequency, articleShare } = lexicalStatistics(counts, vocabulary);

  // 4. Top-down spherical k-means: paths a.b.c.
  let groups: { path: string; rows: number[] }[] = [{ path: '', rows: vocabulary.map((_, i) => i) }];
  for (const k of CONFIG.branching) {
    const next: typeof groups = [];
    for (const group of groups) {
      const assign = kmeans(vectors, dims, group.rows, k, random);
      const children = Array.from({ length: k }, () => [] as number[]);
      group.rows.forEach((row, i) => {
        children[assign[i]!]!.push(row);
      });
      children.forEach((rows, c) => {
        if (rows.length > 0)
          next.push({ path: group.path ? `${group.path}.${c.toString(36)}` : c.toString(36), rows });
      });
    }
    groups = next;
    console.log(
      `level ${k}: ${groups.length} clusters (${((performance.now() - started) / 1000).toFixed(0)} s)`,
    );
  }

  const clusters: Record<string, string> = {};
  for (const group of groups) clusters[group.path] = group.rows.map((r) => vocabulary[r]).join(' ');
  const out = {
    generatedBy: 'scripts/build-clusters.ts — do not edit by hand',
    source: 'SaudiNewsNet articles (github inparallel/SaudiNewsNet, CC BY-NC-SA 4.0), title + text',
    config: CONFIG,
    articles,
    words: tokens,
    clusters,
    frequency,
    articleShare,
  };
  writeFileSync(OUT, `${JSON.stringify(out)}\n`);
  console.log(`wrote ${OUT} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
