import type { NerModel } from './model.ts';
import { EDGE_WORD, matchIds, type WordTable } from './word-table.ts';

/**
 * Emission scores of sentences of word ids under one model: the features of features.ts without a string
 * per token. Weights are stored as integers (real weight = stored / scale), so scores are summed exactly in
 * integers and divided once: the sum no longer depends on the order of the features, which lets a word's
 * own features and the features it gives each neighbour (w-1, s+1, c3-1, …) be summed once per distinct
 * word. Two-word features are found in an integer hash table, gazetteer marks in a table by marks.
 * (The string tagger summed rounded doubles in feature order; the two agree except on exact ties.)
 */

// Features read off one neighbour, in the order features.ts lists them per word (then `sh`, `art`, …).
const NEIGHBOUR = [
  ['w-1', 'key'],
  ['w-2', 'key'],
  ['w+1', 'key'],
  ['w+2', 'key'],
  ['s-1', 'stem'],
  ['s+1', 'stem'],
  ['s-2', 'stem'],
  ['s+2', 'stem'],
  ['sh-1', 'shape'],
  ['sh+1', 'shape'],
  ['art-1', 'articleShare'],
  ['art+1', 'articleShare'],
  ['c2-1', 'c2'],
  ['c2+1', 'c2'],
  ['c3-1', 'cluster'],
  ['c3+1', 'cluster'],
  ['nl-1', 'namelike'],
  ['nl+1', 'namelike'],
] as const;
const [W_1, W_2, W1, W2, S_1, S1, S_2, S2, SH_1, SH1, ART_1, ART1, C2_1, C21, C3_1, C31, NL_1, NL1] =
  NEIGHBOUR.map((_, k) => k) as number[] as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];

// Two-word features: template, and which property of the words it joins.
const PAIRS = [
  ['w-1|w', 'key'],
  ['w|w+1', 'key'],
  ['s-1|s', 'stem'],
  ['s|s+1', 'stem'],
  ['w-2|w-1', 'key'],
  ['c2-1|c2', 'c2'],
  ['c2|c2+1', 'c2'],
  ['nl-1|nl', 'namelike'],
] as const;
const PAIR_FIELDS = ['key', 'stem', 'c2', 'namelike'] as const;
type Field = 'key' | 'stem' | 'shape' | 'articleShare' | 'c2' | 'cluster' | 'namelike';

/**
 * Open addressing over (template, first value, second value) → feature id; no object per entry. Each slot
 * holds its key and value side by side (first, second·8 + template, feature, unused) so that a probe
 * reads one cache line.
 */
class PairTable {
  private slots: Int32Array;
  private mask: number;
  constructor(expected: number) {
    let size = 16;
    while (size < expected * 2) size *= 2;
    this.slots = new Int32Array(size * 4).fill(-1);
    this.mask = size - 1;
  }
  private slot(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77);
    h ^= h >>> 15;
    return Math.imul(h, 0x2c1b3c6d) & this.mask;
  }
  set(template: number, a: number, b: number, value: number): void {
    const tb = b * 8 + template;
    let s = this.slot(a, tb);
    while (this.slots[s * 4] !== -1 && !(this.slots[s * 4] === a && this.slots[s * 4 + 1] === tb)) {
      s = (s + 1) & this.mask;
    }
    this.slots[s * 4] = a;
    this.slots[s * 4 + 1] = tb;
    this.slots[s * 4 + 2] = value;
  }
  get(template: number, a: number, b: number): number {
    const tb = b * 8 + template;
    const slots = this.slots;
    let s = this.slot(a, tb);
    for (;;) {
      const k = slots[s * 4]!;
      if (k === -1) return -1;
      if (k === a && slots[s * 4 + 1] === tb) return slots[s * 4 + 2]!;
      s = (s + 1) & this.mask;
    }
  }
}

/**
 * Gazetteer marks of a whole document, per gazetteer, indexed like its word array (matchIds, sentence by
 * sentence): computed once and shared by both stages.
 */
export type DocumentMarks = readonly Uint8Array[];

/** A model bound to a word table: per-word caches and the scoring of sentences. */
export interface SentenceScorer {
  readonly model: NerModel;
  readonly table: WordTable;
  /** Feature id of a string, -1 when the model lacks it. */
  featureId(name: string): number;
  /**
   * Writes the integer scores of `words[from, from+n)` to `sums[0, n·T)`: own and context features. The
   * caller may add further feature rows (addFeature), then turns them into scores (finish).
   */
  score(words: Int32Array, from: number, n: number, sums: Int32Array, marks?: DocumentMarks): void;
  /** Adds feature `feature`'s stored weights to `sums[offset, offset+T)`; nothing for -1. */
  addFeature(feature: number, sums: Int32Array, offset: number): void;
  /** `scores = sums / scale`, less the O bias, for n words. */
  finish(sums: Int32Array, n: number, scores: Float64Array): void;
}

// Rows a word gives the words around it: as the previous word, the one before, the next, the one after.
const AS_PREVIOUS = [W_1, S_1, SH_1, ART_1, C2_1, C3_1];
const AS_SECOND_PREVIOUS = [W_2, S_2];
const AS_NEXT = [W1, S1, SH1, ART1, C21, C31];
const AS_SECOND_NEXT = [W2, S2];

export function createSentenceScorer(model: NerModel, table: WordTable): SentenceScorer {
  const T = model.tags.length;
  const weights = model.weights;
  const featureId = (name: string) => model.features.get(name) ?? -1;
  const gazetteers = table.gazetteers;
  const hasNamelike = table.resources.namelike !== undefined;
  const addFeature = (feature: number, sums: Int32Array, offset: number) => {
    if (feature < 0) return;
    const from = feature * T;
    for (let t = 0; t < T; t++) sums[offset + t]! += weights[from + t]!;
  };

  // Values that occur in the model's two-word features, as ids; a split at every `|` (a value may hold one)
  // so that a pair matches exactly when its joined string is a feature.
  const pairValues = new Map<string, number>();
  const valueId = (value: string) => {
    let id = pairValues.get(value);
    if (id === undefined) {
      id = pairValues.size;
      pairValues.set(value, id);
    }
    return id;
  };
  const pairTemplate = new Map<string, number>(PAIRS.map(([name], k) => [name, k]));
  const found: [number, number, number, number][] = [];
  for (const [name, id] of model.features) {
    const eq = name.indexOf('=');
    const template = eq < 0 ? undefined : pairTemplate.get(name.slice(0, eq));
    if (template === undefined) continue;
    if (template === 7 && !hasNamelike) continue;
    const value = name.slice(eq + 1);
    for (let bar = value.indexOf('|'); bar >= 0; bar = value.indexOf('|', bar + 1)) {
      found.push([template, valueId(value.slice(0, bar)), valueId(value.slice(bar + 1)), id]);
    }
  }
  const pairs = new PairTable(found.length);
  // Per value: the templates it is the first / second value of, so most absent pairs need no probe.
  const asFirst = new Uint8Array(pairValues.size);
  const asSecond = new Uint8Array(pairValues.size);
  for (const [template, a, b, id] of found) {
    pairs.set(template, a, b, id);
    asFirst[a]! |= 1 << template;
    asSecond[b]! |= 1 << template;
  }
  const pair = (template: number, a: number, b: number) =>
    a >= 0 && b >= 0 && (asFirst[a]! & asSecond[b]! & (1 << template)) !== 0 ? pairs.get(template, a, b) : -1;

  // Gazetteer marks: per gazetteer, the summed rows of (mark before, mark here, mark after).
  const markRows = gazetteers.map((g) => {
    const marks = ['O', ...g.labels.flatMap((l) => [`B-${l}`, `I-${l}`])];
    const M = marks.length;
    const rows = new Int32Array(M * M * M * T);
    for (let before = 0; before < M; before++) {
      for (let here = 0; here < M; here++) {
        for (let after = 0; after < M; after++) {
          const offset = ((before * M + here) * M + after) * T;
          addFeature(featureId(`g${g.name}=${marks[here]}`), rows, offset);
          addFeature(featureId(`g${g.name}-1=${marks[before]}`), rows, offset);
          addFeature(featureId(`g${g.name}+1=${marks[after]}`), rows, offset);
        }
      }
    }
    return { rows, M };
  });
  const marks = gazetteers.map(() => new Uint8Array(0));

  // Per-word caches, by word id: own features (O bias aside), what the word gives its neighbours, and the
  // ids of its values in two-word features.
  let generation = -1;
  let ready = new Uint8Array(0);
  // One block of 5 rows per word, side by side so that the window of five words reads few cache lines:
  // own, as the previous word, as the one before, as the next, as the one after.
  let rows = new Int32Array(0);
  const R = 5 * T;
  const OWN = 0;
  const AS_PREV = T;
  const AS_PREV2 = 2 * T;
  const AS_NEXT_ROW = 3 * T;
  const AS_NEXT2 = 4 * T;
  let values = new Int32Array(0);
  const P = PAIR_FIELDS.length;
  const grow = (size: number, fresh: boolean) => {
    let capacity = fresh ? 1024 : Math.max(1024, ready.length);
    while (capacity < size) capacity *= 2;
    const copy = <A extends Uint8Array | Int32Array>(from: A, make: (n: number) => A, stride: number) => {
      const to = make(capacity * stride);
      if (!fresh) to.set(from);
      return to;
    };
    const ints = (n: number) => new Int32Array(n);
    ready = copy(ready, (n) => new Uint8Array(n), 1);
    rows = copy(rows, ints, R);
    values = copy(values, ints, P);
  };
  const field = (id: number, name: Field): string =>
    name === 'c2' ? table.cluster2(id) : table.info(id)[name];
  const neighbourFeature = (id: number, slot: number) => {
    const [template, name] = NEIGHBOUR[slot]!;
    return featureId(`${template}=${field(id, name)}`);
  };
  const prepare = (id: number) => {
    const info = table.info(id);
    const block = id * R;
    for (const feature of info.own) addFeature(featureId(feature), rows, block + OWN);
    for (const slot of AS_PREVIOUS) addFeature(neighbourFeature(id, slot), rows, block + AS_PREV);
    for (const slot of AS_SECOND_PREVIOUS) addFeature(neighbourFeature(id, slot), rows, block + AS_PREV2);
    for (const slot of AS_NEXT) addFeature(neighbourFeature(id, slot), rows, block + AS_NEXT_ROW);
    for (const slot of AS_SECOND_NEXT) addFeature(neighbourFeature(id, slot), rows, block + AS_NEXT2);
    if (hasNamelike) {
      addFeature(neighbourFeature(id, NL_1), rows, block + AS_PREV);
      addFeature(neighbourFeature(id, NL1), rows, block + AS_NEXT_ROW);
    }
    for (const g of gazetteers) {
      for (const role of g.gazetteer.words.get(info.stem) ?? []) {
        addFeature(featureId(`g${g.name}w-1=${role}`), rows, block + AS_PREV);
        addFeature(featureId(`g${g.name}w+1=${role}`), rows, block + AS_NEXT_ROW);
      }
    }
    PAIR_FIELDS.forEach((name, k) => {
      values[id * P + k] = pairValues.get(field(id, name)) ?? -1;
    });
    ready[id] = 1;
  };

  const score = (words: Int32Array, from: number, n: number, sums: Int32Array, given?: DocumentMarks) => {
    if (generation !== table.generation) {
      generation = table.generation;
      grow(table.size, true);
    } else if (ready.length < table.size) grow(table.size, false);
    if (ready[EDGE_WORD] === 0) prepare(EDGE_WORD);
    for (let i = 0; i < n; i++) {
      const id = words[from + i]!;
      if (ready[id] === 0) prepare(id);
    }
    if (!given) {
      for (let g = 0; g < gazetteers.length; g++) {
        if (marks[g]!.length < n) marks[g] = new Uint8Array(Math.max(n, 2 * marks[g]!.length));
        matchIds(table, gazetteers[g]!, words, from, n, marks[g]!);
      }
    }
    const markOf = given ?? marks;
    const base = given ? from : 0;
    let p2 = EDGE_WORD;
    let p1 = EDGE_WORD;
    let w = n > 0 ? words[from]! : EDGE_WORD;
    let n1 = n > 1 ? words[from + 1]! : EDGE_WORD;
    for (let i = 0; i < n; i++) {
      const n2 = i + 2 < n ? words[from + i + 2]! : EDGE_WORD;
      const o = i * T;
      const ow = w * R + OWN;
      const o1 = p1 * R + AS_PREV;
      const o2 = p2 * R + AS_PREV2;
      const o3 = n1 * R + AS_NEXT_ROW;
      const o4 = n2 * R + AS_NEXT2;
      for (let t = 0; t < T; t++) {
        sums[o + t] = rows[ow + t]! + rows[o1 + t]! + rows[o2 + t]! + rows[o3 + t]! + rows[o4 + t]!;
      }
      // PAIR_FIELDS: 0 key, 1 stem, 2 c2, 3 namelike.
      addFeature(pair(0, values[p1 * P]!, values[w * P]!), sums, o);
      addFeature(pair(1, values[w * P]!, values[n1 * P]!), sums, o);
      addFeature(pair(2, values[p1 * P + 1]!, values[w * P + 1]!), sums, o);
      addFeature(pair(3, values[w * P + 1]!, values[n1 * P + 1]!), sums, o);
      addFeature(pair(4, values[p2 * P]!, values[p1 * P]!), sums, o);
      addFeature(pair(5, values[p1 * P + 2]!, values[w * P + 2]!), sums, o);
      addFeature(pair(6, values[w * P + 2]!, values[n1 * P + 2]!), sums, o);
      addFeature(pair(7, values[p1 * P + 3]!, values[w * P + 3]!), sums, o);
      for (let g = 0; g < markRows.length; g++) {
        const mark = markOf[g]!;
        const { rows: markRow, M } = markRows[g]!;
        const at =
          ((((i > 0 ? mark[base + i - 1]! : 0) * M + mark[base + i]!) * M +
            (i + 1 < n ? mark[base + i + 1]! : 0)) *
            T) |
          0;
        for (let t = 0; t < T; t++) sums[o + t]! += markRow[at + t]!;
      }
      p2 = p1;
      p1 = w;
      w = n1;
      n1 = n2;
    }
  };

  const finish = (sums: Int32Array, n: number, scores: Float64Array) => {
    const scale = model.scale;
    for (let k = 0; k < n * T; k++) scores[k] = sums[k]! / scale;
    // O is tag 0 (see tags.ts).
    for (let i = 0; i < n; i++) scores[i * T]! -= model.outsideBias;
  };

  return { model, table, featureId, score, addFeature, finish };
}
