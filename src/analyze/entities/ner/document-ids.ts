import type { DocumentTagger } from './document.ts';
import type { SentenceScorer } from './scorer.ts';
import type { SentenceTagger, TaggedSpan } from './tagger.ts';
import { matchIds, type WordTable } from './word-table.ts';

/**
 * The document features of document.ts (documentFeatures) as feature ids of the second-stage model, in the
 * same order, computed on integers: forms and names get per-document ids, window counts live in typed
 * arrays, and the names found around a sentence are matched without building a gazetteer of strings.
 * document.ts stays the definition (training reads it); document.test.ts checks the two agree.
 */

// Label ids as in document.ts: O, then B/I of PER, ORG, LOC, MISC; 9 is `edge` (outside the sentence).
const LABELS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'];
const EDGE_LABEL = 9;
const L = LABELS.length;
export const TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
// Ties in a vote go to the type first in alphabetical order (LOC, MISC, ORG, PER).
const ALPHABETICAL_RANK = [3, 2, 0, 1];
const MIN_FORM = 2;
const COUNT_BUCKETS = ['0', '1', '2', '3', '5'];
const CONFIDENCE_BUCKETS = ['l', 'm', 'h', 's'];
// Most features one word can get: 7 fixed, dst, 8 roles, dn, dw, dws, dwt, dwt|d1.
export const MAX_DOCUMENT_FEATURES = 22;

function countBucket(n: number): number {
  return n <= 0 ? 0 : n === 1 ? 1 : n === 2 ? 2 : n <= 4 ? 3 : 4;
}

function confidenceBucket(c: number): number {
  return c < 0.5 ? 0 : c < 0.8 ? 1 : c < 0.95 ? 2 : 3;
}

/** The second-stage model's ids of every document feature it may be given. */
interface DocumentFeatureIds {
  readonly d1: Int32Array;
  /** [tag · 4 + confidence bucket] */
  readonly d1c: Int32Array;
  readonly d1Before: Int32Array;
  readonly d1After: Int32Array;
  /** By mark (a label id). */
  readonly de: Int32Array;
  readonly deBefore: Int32Array;
  readonly deAfter: Int32Array;
  /** [type · 5 + majority type elsewhere, 4 = none] */
  readonly dst: Int32Array;
  /** By role bit: B then I, types in alphabetical order (the order document.ts emits them in). */
  readonly der: Int32Array;
  readonly dn: Int32Array;
  readonly dw: Int32Array;
  readonly dws: Int32Array;
  /** [type · 5 + count bucket] */
  readonly dwt: Int32Array;
  /** [type · 10 + tag] */
  readonly dwtD1: Int32Array;
}

const tagName = (tag: number) => (tag === EDGE_LABEL ? 'edge' : LABELS[tag]!);
const ROLES = ['B', 'I'].flatMap((mark) => ['LOC', 'MISC', 'ORG', 'PER'].map((type) => `${mark}-${type}`));

function featureIds(scorer: SentenceScorer): DocumentFeatureIds {
  const id = (name: string) => scorer.featureId(name);
  const table = (size: number, name: (k: number) => string) =>
    Int32Array.from({ length: size }, (_, k) => id(name(k)));
  return {
    d1: table(10, (k) => `d1=${tagName(k)}`),
    d1c: table(40, (k) => `d1c=${tagName(k >> 2)}|${CONFIDENCE_BUCKETS[k & 3]}`),
    d1Before: table(10, (k) => `d1-1=${tagName(k)}`),
    d1After: table(10, (k) => `d1+1=${tagName(k)}`),
    de: table(9, (k) => `de=${LABELS[k]}`),
    deBefore: table(9, (k) => `de-1=${LABELS[k]}`),
    deAfter: table(9, (k) => `de+1=${LABELS[k]}`),
    dst: table(20, (k) => `dst=${TYPES[Math.floor(k / 5)]}|${k % 5 === 4 ? '-' : TYPES[k % 5]}`),
    der: table(8, (k) => `der=${ROLES[k]}`),
    dn: table(5, (k) => `dn=${COUNT_BUCKETS[k]}`),
    dw: table(9, (k) => `dw=${LABELS[k]}`),
    dws: table(5, (k) => `dws=${k}`),
    dwt: table(20, (k) => `dwt=${TYPES[Math.floor(k / 5)]}|${COUNT_BUCKETS[k % 5]}`),
    dwtD1: table(40, (k) => `dwt|d1=${TYPES[Math.floor(k / 10)]}|${tagName(k % 10)}`),
  };
}

const cache = new WeakMap<SentenceScorer, DocumentFeatureIds>();
// Stem id → document-local form id, valid where the stamp is the current document's (no clearing needed).
let formStamp = new Int32Array(0);
let formLocal = new Int32Array(0);
let documents = 0;

/** A document after the first stage: word ids, sentence bounds, and the names found, as flat arrays. */
export interface StageOneDocument {
  readonly words: Int32Array;
  /** Sentence s covers `words[starts[s], starts[s+1])`. */
  readonly starts: Int32Array;
  /** Per word: label id (0 outside names) and the confidence of its name (1 outside names). */
  readonly labels: Uint8Array;
  readonly confidence: Float64Array;
  /** Per sentence, its names: start, end (within the sentence), type (TYPES index), flattened. */
  readonly names: readonly number[][];
}

/**
 * Writes the document features of every word as feature ids of `scorer`'s model: word w's are
 * `out[w · MAX_DOCUMENT_FEATURES ...]`, `count[w]` of them; ids are -1 for features the model lacks.
 */
export function documentFeatureIds(
  doc: StageOneDocument,
  table: WordTable,
  scorer: SentenceScorer,
  window: number,
  out: Int32Array,
  count: Uint8Array,
): void {
  let ids = cache.get(scorer);
  if (!ids) {
    ids = featureIds(scorer);
    cache.set(scorer, ids);
  }
  const { words, starts, labels, confidence } = doc;
  const S = starts.length - 1;
  const N = words.length;

  // Forms (gazetteer.ts matching forms, the stems) as ids local to the document.
  const formOf = new Int32Array(N);
  const formLength: number[] = [];
  if (formStamp.length < table.stemCount) {
    const size = Math.max(table.stemCount, 2 * formStamp.length);
    formStamp = new Int32Array(size);
    formLocal = new Int32Array(size);
  }
  const stamp = ++documents;
  for (let k = 0; k < N; k++) {
    const stem = table.stemId(words[k]!);
    if (formStamp[stem] !== stamp) {
      formStamp[stem] = stamp;
      formLocal[stem] = formLength.length;
      formLength.push(table.stemLength(words[k]!));
    }
    formOf[k] = formLocal[stem]!;
  }
  const F = formLength.length;

  // Names as ids of their matching forms joined by spaces (as document.ts keys them).
  const keyIds = new Map<string, number>();
  const keyForms: Int32Array[] = [];
  const keyLength: number[] = [];
  const nameKeys: number[][] = [];
  for (let s = 0; s < S; s++) {
    const list = doc.names[s]!;
    const keys: number[] = [];
    for (let m = 0; m < list.length; m += 3) {
      const from = starts[s]! + list[m]!;
      const to = starts[s]! + list[m + 1]!;
      let text = '';
      for (let k = from; k < to; k++) text += (k > from ? ' ' : '') + table.info(words[k]!).stem;
      let key = keyIds.get(text);
      if (key === undefined) {
        key = keyIds.size;
        keyIds.set(text, key);
        keyForms.push(formOf.slice(from, to));
        keyLength.push(text.length);
      }
      keys.push(key);
    }
    nameKeys.push(keys);
  }
  const K = keyIds.size;
  // Per form: the keys starting with it (longest first), and every (key, position) it occurs at.
  const startingWith: number[][] = Array.from({ length: F }, () => []);
  const occurrences: number[][] = Array.from({ length: F }, () => []);
  for (let key = 0; key < K; key++) {
    const forms = keyForms[key]!;
    startingWith[forms[0]!]!.push(key);
    forms.forEach((f, position) => {
      occurrences[f]!.push(key, position);
    });
  }
  for (const list of startingWith) list.sort((a, b) => keyForms[b]!.length - keyForms[a]!.length);

  const counts = new Int32Array(F * L);
  const add = (s: number, sign: number) => {
    for (let k = starts[s]!; k < starts[s + 1]!; k++) {
      if (formLength[formOf[k]!]! >= MIN_FORM) counts[formOf[k]! * L + labels[k]!]! += sign;
    }
  };
  const votes = new Int32Array(K * 4);
  const voted = new Int32Array(K).fill(-1);
  const majority = new Uint8Array(K);
  const mine = new Int32Array(F * L);
  const marks = new Uint8Array(N);
  const spanType = new Int16Array(N);
  let lo = 0;
  let hi = -1;
  for (let i = 0; i < S; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(S - 1, i + window);
    while (hi < to) add(++hi, 1);
    while (lo < from) add(lo++, -1);
    // Votes for the type of each name found elsewhere in the window.
    const touched: number[] = [];
    for (let j = from; j <= to; j++) {
      if (j === i) continue;
      const list = doc.names[j]!;
      const keys = nameKeys[j]!;
      for (let m = 0; m < keys.length; m++) {
        const key = keys[m]!;
        if (keyLength[key]! < MIN_FORM + 1) continue;
        if (voted[key] !== i) {
          voted[key] = i;
          votes.fill(0, key * 4, key * 4 + 4);
          touched.push(key);
        }
        votes[key * 4 + list[m * 3 + 2]!]!++;
      }
    }
    for (const key of touched) {
      let best = 0;
      for (let t = 1; t < 4; t++) {
        const c = votes[key * 4 + t]!;
        const b = votes[key * 4 + best]!;
        if (c > b || (c === b && ALPHABETICAL_RANK[t]! < ALPHABETICAL_RANK[best]!)) best = t;
      }
      majority[key] = best;
    }
    const first = starts[i]!;
    const n = starts[i + 1]! - first;
    // The longest name found elsewhere at each word (gazetteer.ts matchGazetteer).
    marks.fill(0, first, first + n);
    for (let k = 0; k < n; ) {
      let hit = -1;
      for (const key of startingWith[formOf[first + k]!]!) {
        if (voted[key] !== i) continue;
        const forms = keyForms[key]!;
        if (k + forms.length > n) continue;
        let m = 1;
        while (m < forms.length && formOf[first + k + m] === forms[m]) m++;
        if (m === forms.length) {
          hit = key;
          break;
        }
      }
      if (hit < 0) {
        k++;
        continue;
      }
      const length = keyForms[hit]!.length;
      marks[first + k] = 1 + 2 * majority[hit]!;
      for (let m = 1; m < length; m++) marks[first + k + m] = 2 + 2 * majority[hit]!;
      k += length;
    }
    // This sentence's own occurrences, taken out of the window counts.
    for (let k = first; k < first + n; k++) mine[formOf[k]! * L + labels[k]!]!++;
    spanType.fill(-1, first, first + n);
    const list = doc.names[i]!;
    for (let m = 0; m < list.length; m += 3) {
      const key = nameKeys[i]![m / 3]!;
      const elsewhere = voted[key] === i ? majority[key]! : 4;
      for (let k = list[m]!; k < list[m + 1]!; k++) spanType[first + k] = list[m + 2]! * 5 + elsewhere;
    }
    const tagAt = (k: number) => (k < 0 || k >= n ? EDGE_LABEL : labels[first + k]!);
    for (let k = 0; k < n; k++) {
      const w = first + k;
      let c = 0;
      const base = w * MAX_DOCUMENT_FEATURES;
      const tag = tagAt(k);
      out[base + c++] = ids.d1[tag]!;
      out[base + c++] = ids.d1c[tag * 4 + confidenceBucket(confidence[w]!)]!;
      out[base + c++] = ids.d1Before[tagAt(k - 1)]!;
      out[base + c++] = ids.d1After[tagAt(k + 1)]!;
      out[base + c++] = ids.de[marks[w]!]!;
      out[base + c++] = ids.deBefore[k > 0 ? marks[w - 1]! : 0]!;
      out[base + c++] = ids.deAfter[k + 1 < n ? marks[w + 1]! : 0]!;
      if (spanType[w]! >= 0) out[base + c++] = ids.dst[spanType[w]!]!;
      const form = formOf[w]!;
      // Roles of the form in the names found elsewhere: bit (I ? 4 : 0) + alphabetical rank of the type.
      let roles = 0;
      const seen = occurrences[form]!;
      for (let m = 0; m < seen.length; m += 2) {
        const key = seen[m]!;
        if (voted[key] === i) roles |= 1 << ((seen[m + 1]! > 0 ? 4 : 0) + ALPHABETICAL_RANK[majority[key]!]!);
      }
      for (let r = 0; roles !== 0 && r < 8; r++) if (roles & (1 << r)) out[base + c++] = ids.der[r]!;
      if (formLength[form]! >= MIN_FORM) {
        let total = 0;
        let best = 0;
        let bestCount = -1;
        let named = 0;
        const byType = [0, 0, 0, 0];
        for (let l = 0; l < L; l++) {
          const v = counts[form * L + l]! - mine[form * L + l]!;
          total += v;
          if (v > bestCount) {
            best = l;
            bestCount = v;
          }
          if (l > 0) {
            named += v;
            byType[(l - 1) >> 1]! += v;
          }
        }
        out[base + c++] = ids.dn[countBucket(total)]!;
        if (total !== 0) {
          out[base + c++] = ids.dw[best]!;
          out[base + c++] = ids.dws[Math.min(4, Math.floor((named / total) * 5))]!;
          if (named > 0) {
            let t = 0;
            for (let u = 1; u < 4; u++) if (byType[u]! > byType[t]!) t = u;
            out[base + c++] = ids.dwt[t * 5 + countBucket(named)]!;
            out[base + c++] = ids.dwtD1[t * 10 + tag]!;
          }
        }
      }
      count[w] = c;
    }
    for (let k = first; k < first + n; k++) mine[formOf[k]! * L + labels[k]!] = 0;
  }
}

/**
 * The same two stages on word ids: stage one's names go into flat arrays, the document features are
 * computed as feature ids (document-ids.ts) and added to stage two's scores without a string per word.
 */
export function createFastDocumentTagger(
  stage1: SentenceTagger,
  stage2: SentenceTagger,
  window: number,
): DocumentTagger {
  const table = stage1.table;
  const T = stage2.model.tags.length;
  const scorer = stage2.scorer;
  const typeIndex = new Map<string, number>(TYPES.map((t, k) => [t, k]));
  let features = new Int32Array(0);
  let featureCount = new Uint8Array(0);
  return {
    spans(sentences) {
      table.trim();
      const S = sentences.length;
      const starts = new Int32Array(S + 1);
      for (let s = 0; s < S; s++) starts[s + 1] = starts[s]! + sentences[s]!.length;
      const N = starts[S]!;
      const words = new Int32Array(N);
      for (let s = 0; s < S; s++) {
        const list = sentences[s]!;
        for (let k = 0; k < list.length; k++) words[starts[s]! + k] = table.id(list[k]!);
      }
      // The static gazetteers are matched once for both stages.
      const marks = table.gazetteers.map(() => new Uint8Array(N));
      for (let s = 0; s < S; s++) {
        table.gazetteers.forEach((g, k) => {
          matchIds(table, g, words, starts[s]!, starts[s + 1]! - starts[s]!, marks[k]!, starts[s]!);
        });
      }
      const labels = new Uint8Array(N);
      const confidence = new Float64Array(N).fill(1);
      const names: number[][] = [];
      for (let s = 0; s < S; s++) {
        const first = starts[s]!;
        const found: number[] = [];
        stage1.decode(
          words,
          first,
          starts[s + 1]! - first,
          (start, end, type, sure) => {
            const t = typeIndex.get(type) ?? 0;
            found.push(start, end, t);
            for (let k = start; k < end; k++) {
              labels[first + k] = (k === start ? 1 : 2) + 2 * t;
              confidence[first + k] = sure;
            }
          },
          undefined,
          true,
          marks,
        );
        names.push(found);
      }
      if (featureCount.length < N) {
        const size = Math.max(N, 2 * featureCount.length);
        features = new Int32Array(size * MAX_DOCUMENT_FEATURES);
        featureCount = new Uint8Array(size);
      }
      documentFeatureIds(
        { words, starts, labels, confidence, names },
        table,
        stage2.scorer,
        window,
        features,
        featureCount,
      );
      const out: TaggedSpan[][] = [];
      for (let s = 0; s < S; s++) {
        const first = starts[s]!;
        const spans: TaggedSpan[] = [];
        stage2.decode(
          words,
          first,
          starts[s + 1]! - first,
          (start, end, type, sure) => spans.push({ start, end, type, confidence: sure }),
          (sums) => {
            for (let k = 0; k < starts[s + 1]! - first; k++) {
              const base = (first + k) * MAX_DOCUMENT_FEATURES;
              for (let m = 0; m < featureCount[first + k]!; m++)
                scorer.addFeature(features[base + m]!, sums, k * T);
            }
          },
          true,
          marks,
        );
        out.push(spans);
      }
      return out;
    },
  };
}
