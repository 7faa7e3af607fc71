/**
 * Builds data/ner/namelike.json: for each word of the news vocabulary, what the words it is distributed
 * like are tagged as in the ANERcorp train split — "name-likeness" features that let a never-seen
 * transliterated name look like the names it shares contexts with.
 *
 *  1. the PPMI-SVD word vectors of scripts/build-clusters.ts (same corpus, same config, same seed: the
 *     vectors its k-means starts from), 77,761 words;
 *  2. candidates: every train-split word that has a vector (a label-independent set); the labelled ones
 *     are those seen in the part of the train split used, each with the share of its occurrences tagged
 *     PER / ORG / LOC / MISC / O;
 *  3. for every vocabulary word, its 30 nearest candidates by cosine, leaving out the words with its own
 *     stem; the vote of the first 20 that carry a label, weighted by cosine². Leaving the own stem out
 *     means the vote never repeats the word's own training tags (the model sees those through its word
 *     features and the train-name gazetteer): a train word's vote is what an unseen word distributed like
 *     it would get, so training and tagging see the same kind of value;
 *  4. bucketed (0 < 0.2 … 4 ≥ 0.8) into a group `TYPEbnc.pqrs`: the winning type (O included) and its
 *     share bucket b, the bucket c of all name types together, then the buckets of PER, ORG, LOC and MISC.
 *
 *   npm run build:ner-names                                  # data/ner/namelike.json, whole train split
 *   npx tsx scripts/build-ner-names.ts --dev [k] OUT.json    # labels without the ninth k (default 8) of the
 *                                                            # train split, for `NER_NAMELIKE=OUT.json
 *                                                            # npm run train:ner -- --dev [k]`
 *
 * Deterministic. About 5 min from scratch on 2 shared cores (vectors ~90 s, neighbours ~190 s); the
 * vectors and the neighbour lists are cached in the OS temp directory (keyed by corpus, code and config),
 * so reruns for other label sets take seconds.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { parseConll } from '../src/analyze/entities/ner/conll.ts';
import { seededRandom } from '../src/analyze/entities/ner/rng.ts';
import { stripProclitics } from '../src/analyze/entities/ner/stem.ts';
import { wordKey } from '../src/analyze/entities/ner/words.ts';
import { CONFIG as CLUSTER_CONFIG, type WordVectors, wordVectors } from './build-clusters.ts';

const SOURCE = '/work/shared/corpus/saudinewsnet/articles.jsonl.gz';
const TRAIN_FILE = '/work/shared/datasets/anercorp/ANERCorp_CamelLab_train.txt';

// Fields can be overridden for experiments by NL_<FIELD> environment variables (NL_neighbours=20);
// the values used are recorded in the output.
const DEFAULTS = {
  /** Nearest labelled neighbours voting. */
  neighbours: 20,
  /** Nearest candidates searched (the vote takes the first `neighbours` of them that carry a label). */
  searched: 30,
  /** Labelled words: train-split words with a vector seen at least this often in the train split. */
  minLabelCount: 1,
  /** Words seen this often but below the clusters' threshold get vectors too (fold-in); 0 = none. */
  foldInMinCount: 0,
  /** Add each name type's share bucket to the group (`PER3n4.3000`). */
  perType: 1,
  /** Similarity weight = max(0, cosine) ^ power. */
  power: 2,
};
export const NAMELIKE_CONFIG: typeof DEFAULTS = Object.fromEntries(
  Object.entries(DEFAULTS).map(([k, v]) => [k, Number(process.env[`NL_${k}`] ?? v)]),
) as typeof DEFAULTS;

const TYPES = ['PER', 'ORG', 'LOC', 'MISC', 'O'] as const;

async function cachedVectors(): Promise<WordVectors> {
  const stat = statSync(SOURCE);
  const key = createHash('sha256')
    .update(JSON.stringify(CLUSTER_CONFIG))
    .update(`fold-in ${NAMELIKE_CONFIG.foldInMinCount}`)
    .update(`${stat.size}:${stat.mtimeMs}`)
    .update(readFileSync(new URL('./build-clusters.ts', import.meta.url)))
    .digest('hex')
    .slice(0, 16);
  const file = `${tmpdir()}/rasd-ner-vectors-${key}`;
  if (existsSync(`${file}.json`)) {
    const meta = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as {
      articles: number;
      tokens: number;
      vocabulary: string[];
      dimensions: number;
    };
    const bytes = readFileSync(`${file}.bin`);
    const vectors = new Float32Array(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    );
    return { ...meta, counts: new Map(), vectors };
  }
  const made = await wordVectors(
    SOURCE,
    seededRandom(CLUSTER_CONFIG.seed),
    (m) => console.log(m),
    NAMELIKE_CONFIG.foldInMinCount,
  );
  writeFileSync(`${file}.bin`, new Uint8Array(made.vectors.buffer));
  writeFileSync(
    `${file}.json`,
    JSON.stringify({
      articles: made.articles,
      tokens: made.tokens,
      vocabulary: made.vocabulary,
      dimensions: made.dimensions,
    }),
  );
  return made;
}

/** Bucket of a share: 0 (< 0.2) … 4 (≥ 0.8). */
function bucket(share: number): number {
  return Math.min(4, Math.floor(share * 5));
}

/** Nearest labelled-candidate words of every vocabulary word (own stem left out), most similar first. */
interface Neighbours {
  readonly k: number;
  /** vocabulary.length × k vocabulary rows (−1 when fewer). */
  readonly rows: Int32Array;
  readonly similarities: Float32Array;
}

/**
 * Candidates are all train-split words with a vector — a label-independent set, so the lists can be
 * cached and shared by dev and full runs; the vote then skips candidates without a label in the part used.
 */
function nearest(
  vectors: WordVectors,
  candidates: readonly number[],
  stems: readonly string[],
  K: number,
): Neighbours {
  const { vocabulary, dimensions: dims } = vectors;
  const v = vectors.vectors;
  const L = candidates.length;
  const matrix = new Float32Array(L * dims);
  candidates.forEach((row, j) => {
    matrix.set(v.subarray(row * dims, row * dims + dims), j * dims);
  });
  const rows = new Int32Array(vocabulary.length * K).fill(-1);
  const similarities = new Float32Array(vocabulary.length * K);
  const started = performance.now();
  // Four query words at a time: each candidate vector is read once for all four.
  const B = 4;
  const topSim = Array.from({ length: B }, () => new Float64Array(K));
  const topIdx = Array.from({ length: B }, () => new Int32Array(K));
  const dots = new Float64Array(B);
  for (let first = 0; first < vocabulary.length; first += B) {
    const count = Math.min(B, vocabulary.length - first);
    for (let b = 0; b < B; b++) {
      topSim[b]!.fill(-2);
      topIdx[b]!.fill(-1);
    }
    const base = first * dims;
    for (let j = 0; j < L; j++) {
      const lb = j * dims;
      let d0 = 0;
      let d1 = 0;
      let d2 = 0;
      let d3 = 0;
      for (let d = 0; d < dims; d++) {
        const m = matrix[lb + d]!;
        d0 += v[base + d]! * m;
        if (count > 1) d1 += v[base + dims + d]! * m;
        if (count > 2) d2 += v[base + 2 * dims + d]! * m;
        if (count > 3) d3 += v[base + 3 * dims + d]! * m;
      }
      dots[0] = d0;
      dots[1] = d1;
      dots[2] = d2;
      dots[3] = d3;
      for (let b = 0; b < count; b++) {
        const dot = dots[b]!;
        const ts = topSim[b]!;
        const ti = topIdx[b]!;
        if (dot <= ts[K - 1]!) continue;
        if (stems[candidates[j]!] === stems[first + b]) continue;
        let k = K - 1;
        while (k > 0 && ts[k - 1]! < dot) {
          ts[k] = ts[k - 1]!;
          ti[k] = ti[k - 1]!;
          k--;
        }
        ts[k] = dot;
        ti[k] = j;
      }
    }
    for (let b = 0; b < count; b++) {
      const row = first + b;
      for (let k = 0; k < K; k++) {
        rows[row * K + k] = topIdx[b]![k]! < 0 ? -1 : candidates[topIdx[b]![k]!]!;
        similarities[row * K + k] = topSim[b]![k]!;
      }
    }
    if (first % 10000 === 0)
      console.log(`${first} words (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  return { k: K, rows, similarities };
}

async function cachedNeighbours(
  vectors: WordVectors,
  candidates: readonly number[],
  stems: readonly string[],
  K: number,
): Promise<Neighbours> {
  const key = createHash('sha256')
    .update(vectors.vocabulary.join(' '))
    .update(Int32Array.from(candidates))
    .update(`${K}`)
    .digest('hex')
    .slice(0, 16);
  const file = `${tmpdir()}/rasd-ner-neighbours-${key}`;
  if (existsSync(`${file}.rows`)) {
    const r = readFileSync(`${file}.rows`);
    const s = readFileSync(`${file}.sims`);
    return {
      k: K,
      rows: new Int32Array(r.buffer.slice(r.byteOffset, r.byteOffset + r.byteLength)),
      similarities: new Float32Array(s.buffer.slice(s.byteOffset, s.byteOffset + s.byteLength)),
    };
  }
  const made = nearest(vectors, candidates, stems, K);
  writeFileSync(`${file}.rows`, new Uint8Array(made.rows.buffer));
  writeFileSync(`${file}.sims`, new Uint8Array(made.similarities.buffer));
  return made;
}

/** The ninth of the train split held out by `train-ner --dev` (the last one unless told). */
export function devRange(length: number, fold: number): [number, number] {
  return [Math.floor((length * fold) / 9), Math.floor((length * (fold + 1)) / 9)];
}

async function main(): Promise<void> {
  const started = performance.now();
  const args = process.argv.slice(2);
  const devAt = args.indexOf('--dev');
  const dev = devAt >= 0;
  // `--dev` alone holds out the last ninth; `--dev 3` the fourth (as `train-ner --dev 3`).
  const foldArg = dev && /^\d$/.test(args[devAt + 1] ?? '') ? Number(args[devAt + 1]) : 8;
  const rest = args.filter((a, i) => a !== '--dev' && !(dev && i === devAt + 1 && /^\d$/.test(a)));
  const out = rest[0] ?? new URL('../data/ner/namelike.json', import.meta.url).pathname;
  const wv = await cachedVectors();
  const { vocabulary, articles, tokens } = wv;
  const index = new Map(vocabulary.map((w, i) => [w, i]));
  const stems = vocabulary.map((w) => stripProclitics(w).stem);

  // 2. Labelled words: the train split (without the held-out ninth with --dev, as train-ner --dev).
  const all = parseConll(readFileSync(TRAIN_FILE, 'utf8'), TRAIN_FILE);
  const [from, to] = dev ? devRange(all.length, foldArg) : [0, 0];
  const candidateSet = new Set<number>();
  for (const { words } of all)
    for (const word of words) {
      const row = index.get(wordKey(word));
      if (row !== undefined) candidateSet.add(row);
    }
  const candidates = [...candidateSet].sort((a, b) => a - b);
  const sentences = all.filter((_, i) => i < from || i >= to);
  const tally = new Map<number, Float64Array>();
  for (const { words, tags } of sentences) {
    words.forEach((word, i) => {
      const row = index.get(wordKey(word));
      if (row === undefined) return;
      const type = tags[i] === 'O' ? 'O' : tags[i]!.slice(2);
      const t = Math.max(0, TYPES.indexOf(type as (typeof TYPES)[number]));
      const counts = tally.get(row) ?? new Float64Array(TYPES.length);
      counts[t]! += 1;
      tally.set(row, counts);
    });
  }
  const shares = new Map<number, Float64Array>();
  for (const [row, c] of tally) {
    const total = c.reduce((a, b) => a + b, 0);
    if (total >= NAMELIKE_CONFIG.minLabelCount)
      shares.set(
        row,
        c.map((x) => x / total),
      );
  }
  const L = shares.size;
  console.log(
    `${vocabulary.length} words with vectors, ${candidates.length} candidates, ${L} labelled by ${sentences.length} sentences`,
  );

  // 3. The vote of the k nearest labelled words (own stem left out).
  const neighbours = await cachedNeighbours(wv, candidates, stems, NAMELIKE_CONFIG.searched);
  const K = NAMELIKE_CONFIG.neighbours;
  const groups = new Map<string, string[]>();
  const vote = new Float64Array(TYPES.length);
  for (let row = 0; row < vocabulary.length; row++) {
    vote.fill(0);
    let weight = 0;
    let used = 0;
    for (let k = 0; k < neighbours.k && used < K; k++) {
      const share = shares.get(neighbours.rows[row * neighbours.k + k]!);
      if (!share) continue;
      used++;
      const w = Math.max(0, neighbours.similarities[row * neighbours.k + k]!) ** NAMELIKE_CONFIG.power;
      weight += w;
      for (let t = 0; t < TYPES.length; t++) vote[t]! += w * share[t]!;
    }
    if (weight === 0) continue;
    let best = 0;
    for (let t = 1; t < TYPES.length; t++) if (vote[t]! > vote[best]!) best = t;
    const name = 1 - vote[TYPES.length - 1]! / weight;
    let group = `${TYPES[best]}${bucket(vote[best]! / weight)}n${bucket(name)}`;
    if (NAMELIKE_CONFIG.perType) {
      group += `.${[0, 1, 2, 3].map((t) => bucket(vote[t]! / weight)).join('')}`;
    }
    const list = groups.get(group) ?? [];
    list.push(vocabulary[row]!);
    groups.set(group, list);
  }

  const file = {
    generatedBy: 'scripts/build-ner-names.ts — do not edit by hand',
    sources: {
      vectors:
        'PPMI-SVD word vectors of SaudiNewsNet articles (github inparallel/SaudiNewsNet, CC BY-NC-SA 4.0), as scripts/build-clusters.ts',
      labels: `ANERcorp CamelLab train split${dev ? ` (without its ninth ${foldArg}: dev run)` : ''} (CC BY-SA 4.0); never the test split`,
    },
    config: { ...NAMELIKE_CONFIG, clusters: CLUSTER_CONFIG.seed },
    articles,
    words: tokens,
    labelled: L,
    /** `TYPEbnc.pqrs` → words: see the comment at the top of scripts/build-ner-names.ts. */
    groups: Object.fromEntries(
      [...groups].sort(([a], [b]) => (a < b ? -1 : 1)).map(([g, w]) => [g, w.join(' ')]),
    ),
  };
  writeFileSync(out, `${JSON.stringify(file)}\n`);
  console.log(
    `wrote ${out} (${groups.size} groups) in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}

await main();
