import { addRow, type NerModel } from './model.ts';
import { EDGE_WORD, matchIds, type WordTable } from './word-table.ts';

/**
 * Emission scores of sentences of word ids under one model, equal to the bit to what the feature strings of
 * features.ts score (same features, added in the same order), without building a string per token:
 * a word's own features are summed once per distinct word, its neighbour features become feature ids once
 * per distinct word, and two-word features are found in an integer hash table.
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
const SLOTS = NEIGHBOUR.length;

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

/** Open addressing over (template, first value, second value) → feature id; no object per entry. */
class PairTable {
  private keysA: Int32Array;
  private keysB: Int32Array;
  private values: Int32Array;
  private mask: number;
  constructor(expected: number) {
    let size = 16;
    while (size < expected * 2) size *= 2;
    this.keysA = new Int32Array(size).fill(-1);
    this.keysB = new Int32Array(size);
    this.values = new Int32Array(size);
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
    while (this.keysA[s] !== -1 && !(this.keysA[s] === a && this.keysB[s] === tb)) s = (s + 1) & this.mask;
    this.keysA[s] = a;
    this.keysB[s] = tb;
    this.values[s] = value;
  }
  get(template: number, a: number, b: number): number {
    if (a < 0 || b < 0) return -1;
    const tb = b * 8 + template;
    let s = this.slot(a, tb);
    for (;;) {
      const k = this.keysA[s]!;
      if (k === -1) return -1;
      if (k === a && this.keysB[s] === tb) return this.values[s]!;
      s = (s + 1) & this.mask;
    }
  }
}

/** A model bound to a word table: per-word caches and the scoring of sentences. */
export interface SentenceScorer {
  readonly model: NerModel;
  readonly table: WordTable;
  /** Feature id of a string, -1 when the model lacks it. */
  featureId(name: string): number;
  /**
   * Writes the scores of `words[from, from+n)` to `scores[0, n·T)`: own features, the O bias, then the
   * context features; the caller adds any further features after these, as the string path does.
   */
  score(words: Int32Array, from: number, n: number, scores: Float64Array): void;
}

const NO_IDS = new Int32Array(0);

export function createSentenceScorer(model: NerModel, table: WordTable): SentenceScorer {
  const T = model.tags.length;
  const featureId = (name: string) => model.features.get(name) ?? -1;
  const gazetteers = table.gazetteers;
  const G = gazetteers.length;
  const hasNamelike = table.resources.namelike !== undefined;

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
    const value = name.slice(eq + 1);
    for (let bar = value.indexOf('|'); bar >= 0; bar = value.indexOf('|', bar + 1)) {
      found.push([template, valueId(value.slice(0, bar)), valueId(value.slice(bar + 1)), id]);
    }
  }
  const pairs = new PairTable(found.length);
  for (const [template, a, b, id] of found) pairs.set(template, a, b, id);

  // Gazetteer mark features: [gazetteer][position −0/−1/+1][mark code].
  const markIds = gazetteers.map((g) => {
    const marks = ['O', ...g.labels.flatMap((l) => [`B-${l}`, `I-${l}`])];
    return ['', '-1', '+1'].map((at) => Int32Array.from(marks, (m) => featureId(`g${g.name}${at}=${m}`)));
  });
  const marks = gazetteers.map(() => new Uint8Array(0));

  // Per-word caches, by word id.
  let generation = -1;
  let ready = new Uint8Array(0);
  let own = new Float64Array(0);
  let neighbour = new Int32Array(0);
  let values = new Int32Array(0);
  let roles: Int32Array[] = [];
  const grow = (size: number) => {
    let capacity = Math.max(1024, ready.length);
    while (capacity < size) capacity *= 2;
    const copy = <A extends Uint8Array | Float64Array | Int32Array>(
      from: A,
      make: (n: number) => A,
      stride: number,
    ) => {
      const to = make(capacity * stride);
      to.set(from);
      return to;
    };
    ready = copy(ready, (n) => new Uint8Array(n), 1);
    own = copy(own, (n) => new Float64Array(n), T);
    neighbour = copy(neighbour, (n) => new Int32Array(n), SLOTS);
    values = copy(values, (n) => new Int32Array(n), PAIR_FIELDS.length);
  };
  const field = (id: number, name: Field): string =>
    name === 'c2' ? table.cluster2(id) : table.info(id)[name];
  const prepare = (id: number) => {
    const info = table.info(id);
    const row = id * T;
    own.fill(0, row, row + T);
    for (const feature of info.own) {
      const f = model.features.get(feature);
      if (f !== undefined) addRow(model, f * T, own, row);
    }
    // O is tag 0 (see tags.ts).
    own[row]! -= model.outsideBias;
    NEIGHBOUR.forEach(([template, name], k) => {
      neighbour[id * SLOTS + k] = featureId(`${template}=${field(id, name)}`);
    });
    PAIR_FIELDS.forEach((name, k) => {
      values[id * PAIR_FIELDS.length + k] = pairValues.get(field(id, name)) ?? -1;
    });
    gazetteers.forEach((g, k) => {
      const list = g.gazetteer.words.get(info.stem) ?? [];
      roles[(id * G + k) * 2] = list.length
        ? Int32Array.from(list, (r) => featureId(`g${g.name}w-1=${r}`))
        : NO_IDS;
      roles[(id * G + k) * 2 + 1] = list.length
        ? Int32Array.from(list, (r) => featureId(`g${g.name}w+1=${r}`))
        : NO_IDS;
    });
    ready[id] = 1;
  };

  const weights = model.weights;
  const values16 = model.values;
  // addRow, kept here so that it inlines into the loop below.
  const add = (feature: number, scores: Float64Array, offset: number) => {
    if (feature < 0) return;
    const from = feature * T;
    for (let t = 0; t < T; t++) scores[offset + t]! += values16[weights[from + t]! + 32768]!;
  };

  const score = (words: Int32Array, from: number, n: number, scores: Float64Array) => {
    if (generation !== table.generation || ready.length < table.size) {
      if (generation !== table.generation) {
        generation = table.generation;
        ready = new Uint8Array(0);
        own = new Float64Array(0);
        neighbour = new Int32Array(0);
        values = new Int32Array(0);
        roles = [];
      }
      grow(table.size);
    }
    for (let i = 0; i < n; i++) {
      const id = words[from + i]!;
      if (ready[id] === 0) prepare(id);
    }
    if (ready[EDGE_WORD] === 0) prepare(EDGE_WORD);
    for (let g = 0; g < G; g++) {
      if (marks[g]!.length < n) marks[g] = new Uint8Array(Math.max(n, 2 * marks[g]!.length));
      matchIds(table, gazetteers[g]!, words, from, n, marks[g]!);
    }
    const P = PAIR_FIELDS.length;
    const at = (i: number) => (i < 0 || i >= n ? EDGE_WORD : words[from + i]!);
    for (let i = 0; i < n; i++) {
      const o = i * T;
      const w = at(i);
      const p1 = at(i - 1);
      const p2 = at(i - 2);
      const n1 = at(i + 1);
      const n2 = at(i + 2);
      for (let t = 0; t < T; t++) scores[o + t] = own[w * T + t]!;
      add(neighbour[p1 * SLOTS + W_1]!, scores, o);
      add(neighbour[p2 * SLOTS + W_2]!, scores, o);
      add(neighbour[n1 * SLOTS + W1]!, scores, o);
      add(neighbour[n2 * SLOTS + W2]!, scores, o);
      add(neighbour[p1 * SLOTS + S_1]!, scores, o);
      add(neighbour[n1 * SLOTS + S1]!, scores, o);
      add(neighbour[p2 * SLOTS + S_2]!, scores, o);
      add(neighbour[n2 * SLOTS + S2]!, scores, o);
      // PAIR_FIELDS: 0 key, 1 stem, 2 c2, 3 namelike.
      add(pairs.get(0, values[p1 * P]!, values[w * P]!), scores, o);
      add(pairs.get(1, values[w * P]!, values[n1 * P]!), scores, o);
      add(pairs.get(2, values[p1 * P + 1]!, values[w * P + 1]!), scores, o);
      add(pairs.get(3, values[w * P + 1]!, values[n1 * P + 1]!), scores, o);
      add(pairs.get(4, values[p2 * P]!, values[p1 * P]!), scores, o);
      add(pairs.get(5, values[p1 * P + 2]!, values[w * P + 2]!), scores, o);
      add(pairs.get(6, values[w * P + 2]!, values[n1 * P + 2]!), scores, o);
      add(neighbour[p1 * SLOTS + SH_1]!, scores, o);
      add(neighbour[n1 * SLOTS + SH1]!, scores, o);
      add(neighbour[p1 * SLOTS + ART_1]!, scores, o);
      add(neighbour[n1 * SLOTS + ART1]!, scores, o);
      add(neighbour[p1 * SLOTS + C2_1]!, scores, o);
      add(neighbour[n1 * SLOTS + C21]!, scores, o);
      add(neighbour[p1 * SLOTS + C3_1]!, scores, o);
      add(neighbour[n1 * SLOTS + C31]!, scores, o);
      if (hasNamelike) {
        add(neighbour[p1 * SLOTS + NL_1]!, scores, o);
        add(neighbour[n1 * SLOTS + NL1]!, scores, o);
        add(pairs.get(7, values[p1 * P + 3]!, values[w * P + 3]!), scores, o);
      }
      for (let g = 0; g < G; g++) {
        const mark = marks[g]!;
        const ids = markIds[g]!;
        add(ids[0]![mark[i]!]!, scores, o);
        add(ids[1]![i > 0 ? mark[i - 1]! : 0]!, scores, o);
        add(ids[2]![i + 1 < n ? mark[i + 1]! : 0]!, scores, o);
        const left = roles[(p1 * G + g) * 2]!;
        for (let k = 0; k < left.length; k++) add(left[k]!, scores, o);
        const right = roles[(n1 * G + g) * 2 + 1]!;
        for (let k = 0; k < right.length; k++) add(right[k]!, scores, o);
      }
    }
  };

  return { model, table, featureId, score };
}
