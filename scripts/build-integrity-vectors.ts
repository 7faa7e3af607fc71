/**
 * Builds data/integrity/vectors.json: a vector for each of the most frequent headline-matching terms (light
 * stems, src/analyze/integrity/terms.ts), so that a title can be related to a body that says the same thing
 * in other words (شاشة / مسلسل, نكهة / شوربة). Latent semantic analysis: the term × document matrix of the
 * training bodies, weighted (1 + log tf) · idf and normalized per document, is cut to its leading singular
 * vectors by a randomized SVD (a seeded Gaussian sketch, two power iterations, an exact eigen-decomposition
 * of the small projected matrix). A term's vector is its row of U · Σ^ALPHA, stored as signed bytes scaled
 * per term (only directions matter: the analyzer compares vectors by cosine).
 *
 * Data: SaudiNewsNet (CC BY-NC-SA 4.0), ../shared/corpus/saudinewsnet/articles.jsonl.gz, the BODIES of the
 * training portion of `splitIndices` only (60 %, seed 2015) — never titles, never the held-out 40 % that
 * bench/integrity.ts reports on. Deterministic: the same corpus gives the same file.
 *
 * Run: npx tsx scripts/build-integrity-vectors.ts   (about two minutes), then scripts/learn-integrity.ts.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { loadCorpus } from '../bench/corpus.ts';
import { seededRandom } from '../src/analyze/entities/ner/rng.ts';
import type { CorpusRecord } from '../src/analyze/integrity/pairs.ts';
import { termsOf } from '../src/analyze/integrity/terms.ts';
import { cleanRawText } from '../src/clean/clean.ts';
import { tokenize } from '../src/text/tokenize.ts';
import { orthonormalize, symmetricEigen } from './lib/linear-algebra.ts';

const OUT = new URL('../data/integrity/vectors.json', import.meta.url);
// The analyzer imports the file it is about to replace: on a first build, start from an empty table.
if (!existsSync(OUT)) writeFileSync(OUT, `${JSON.stringify({ dims: 1, terms: '', vectors: '' })}\n`);
const { splitIndices } = await import('../src/analyze/integrity/pairs.ts');
/** Terms kept (most frequent first) and the documents a term must occur in to get a vector. */
const VOCABULARY = 30000;
const MIN_DF = 3;
const DIMS = 100;
/** Extra sketch columns and power iterations of the randomized SVD (accuracy of the leading vectors). */
const OVERSAMPLE = 20;
const POWER_ITERATIONS = 2;
/** Weight of the singular values in the term vectors: below 0 the many minor topics count more. */
const ALPHA = -0.5;
const SEED = 7;

/** A sparse document column: term ids and weights. */
interface Column {
  readonly terms: Int32Array;
  readonly weights: Float64Array;
}

/** Term vectors (rows of U · Σ^ALPHA, unnormalized) of the weighted term × document matrix. */
function termVectors(docs: readonly string[][]): {
  vocabulary: string[];
  vectors: Float64Array;
  sigma: number[];
} {
  const df = new Map<string, number>();
  for (const doc of docs) for (const term of new Set(doc)) df.set(term, (df.get(term) ?? 0) + 1);
  const vocabulary = [...df]
    .filter(([, count]) => count >= MIN_DF)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, VOCABULARY)
    .map(([term]) => term);
  const id = new Map(vocabulary.map((term, i) => [term, i]));
  const terms = vocabulary.length;
  const documents = docs.length;
  const k = DIMS + OVERSAMPLE;
  const columns: Column[] = docs.map((doc) => {
    const tf = new Map<number, number>();
    for (const term of doc) {
      const i = id.get(term);
      if (i !== undefined) tf.set(i, (tf.get(i) ?? 0) + 1);
    }
    const ids = Int32Array.from(tf.keys());
    const weights = new Float64Array(ids.length);
    let norm = 0;
    ids.forEach((t, j) => {
      const w = (1 + Math.log(tf.get(t)!)) * Math.log((documents + 1) / (df.get(vocabulary[t]!)! + 1));
      weights[j] = w;
      norm += w * w;
    });
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < weights.length; j++) weights[j]! /= norm;
    return { terms: ids, weights };
  });
  // A · Z (terms × k) for Z documents × k, and Aᵀ · Q (documents × k) for Q terms × k.
  const times = (z: Float64Array): Float64Array => {
    const y = new Float64Array(terms * k);
    columns.forEach((col, d) => {
      for (let j = 0; j < col.terms.length; j++) {
        const yo = col.terms[j]! * k;
        const a = col.weights[j]!;
        for (let c = 0; c < k; c++) y[yo + c]! += a * z[d * k + c]!;
      }
    });
    return y;
  };
  const timesTransposed = (q: Float64Array): Float64Array => {
    const z = new Float64Array(documents * k);
    columns.forEach((col, d) => {
      for (let j = 0; j < col.terms.length; j++) {
        const qo = col.terms[j]! * k;
        const a = col.weights[j]!;
        for (let c = 0; c < k; c++) z[d * k + c]! += a * q[qo + c]!;
      }
    });
    return z;
  };
  const random = seededRandom(SEED);
  const gaussian = () =>
    Math.sqrt(-2 * Math.log(Math.max(random(), 1e-12))) * Math.cos(2 * Math.PI * random());
  const sketch = Float64Array.from({ length: documents * k }, gaussian);
  let q = times(sketch);
  orthonormalize(q, terms, k, 2);
  for (let p = 0; p < POWER_ITERATIONS; p++) {
    const z = timesTransposed(q);
    orthonormalize(z, documents, k, 2);
    q = times(z);
    orthonormalize(q, terms, k, 2);
  }
  // B = Qᵀ A (k × documents); B Bᵀ = W Λ Wᵀ gives A's leading left singular vectors Q W and values √Λ.
  const bt = timesTransposed(q);
  const bbt = new Float64Array(k * k);
  for (let d = 0; d < documents; d++) {
    for (let i = 0; i < k; i++) {
      const bi = bt[d * k + i]!;
      if (bi !== 0) for (let j = 0; j < k; j++) bbt[i * k + j]! += bi * bt[d * k + j]!;
    }
  }
  const { values, vectors: w } = symmetricEigen(bbt, k, { sweeps: 100, tolerance: 1e-22, negligible: 1e-300 });
  const order = Array.from(values, (value, i) => [value, i] as const)
    .sort((a, b) => b[0] - a[0])
    .slice(0, DIMS);
  const sigma = order.map(([value]) => Math.sqrt(Math.max(0, value)));
  const vectors = new Float64Array(terms * DIMS);
  for (let r = 0; r < terms; r++) {
    for (let c = 0; c < DIMS; c++) {
      const e = order[c]![1];
      let s = 0;
      for (let j = 0; j < k; j++) s += q[r * k + j]! * w[j * k + e]!;
      vectors[r * DIMS + c] = s * sigma[c]! ** ALPHA;
    }
  }
  return { vocabulary, vectors, sigma };
}

/** Each vector as signed bytes scaled to its largest component (cosines only need directions). */
function quantize(vectors: Float64Array, rows: number): Int8Array {
  const out = new Int8Array(rows * DIMS);
  for (let r = 0; r < rows; r++) {
    let max = 0;
    for (let c = 0; c < DIMS; c++) max = Math.max(max, Math.abs(vectors[r * DIMS + c]!));
    for (let c = 0; c < DIMS; c++)
      out[r * DIMS + c] = max > 0 ? Math.round((127 * vectors[r * DIMS + c]!) / max) : 0;
  }
  return out;
}

function main(): void {
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const records = loadCorpus<CorpusRecord>();
  const { train } = splitIndices(records.length);
  const docs = train.map((i) => termsOf(tokenize(cleanRawText(records[i]!.text ?? '').cleanText)));
  process.stderr.write(`${docs.length} training bodies (${elapsed()})\n`);
  const { vocabulary, vectors, sigma } = termVectors(docs);
  process.stderr.write(`${vocabulary.length} terms × ${DIMS} dimensions (${elapsed()})\n`);
  const out = {
    generatedBy:
      'scripts/build-integrity-vectors.ts (npx tsx scripts/build-integrity-vectors.ts) — do not edit by hand',
    source:
      'SaudiNewsNet articles.jsonl.gz (CC BY-NC-SA 4.0), bodies of the training portion of splitIndices (60 %, seed 2015)',
    method: `LSA: (1 + log tf)·idf term × document matrix, randomized SVD, rows of U·Σ^${ALPHA}, int8 per term`,
    documents: docs.length,
    dims: DIMS,
    singularValues: sigma.map((s) => Math.round(s * 1000) / 1000),
    terms: vocabulary.join('\n'),
    vectors: Buffer.from(quantize(vectors, vocabulary.length).buffer).toString('base64'),
  };
  writeFileSync(OUT, `${JSON.stringify(out)}\n`);
  process.stderr.write(`wrote ${OUT.pathname} (${elapsed()})\n`);
}

main();
