import type { Featurizer, FeatureResources, WordInfo } from './features.ts';
import type { Gazetteer } from './gazetteer.ts';

/**
 * Distinct words as small integers, so the tagger's hot loops index typed arrays instead of building
 * feature strings. Word id 0 is the sentence edge (outside the sentence), never a real word: a token
 * spelled `<s>` gets an id of its own.
 */
export const EDGE_WORD = 0;
// What features.ts reads outside a sentence (its EDGE), as a word.
const EDGE: WordInfo = {
  key: '<s>',
  stem: '<s>',
  prefix: '',
  shape: 'edge',
  cluster: 'edge',
  frequency: 'edge',
  articleShare: 'edge',
  namelike: 'edge',
  own: [],
};
// Distinct words remembered before the table starts afresh (news vocabularies are Zipfian).
const WORD_LIMIT = 200_000;

export interface GazetteerEntry {
  readonly words: Int32Array;
  readonly mark: number;
}

/** A static gazetteer's entries as ids, for matching sentences of word ids. */
export interface CompiledGazetteer {
  readonly name: string;
  readonly gazetteer: Gazetteer;
  /** Labels in first-seen order; a mark is 0 (none), 1 + 2·label (B-) or 2 + 2·label (I-). */
  readonly labels: readonly string[];
  /** By entry-word id (see WordTable.entryWord) of an entry's first word: its entries, longest first. */
  readonly byFirst: readonly (readonly GazetteerEntry[] | undefined)[];
}

export interface WordTable {
  readonly featurizer: Featurizer;
  readonly resources: FeatureResources;
  readonly gazetteers: readonly CompiledGazetteer[];
  /** Bumped each time the table starts afresh: caches keyed by word id must then be cleared. */
  readonly generation: number;
  /** Number of ids given so far (edge included). */
  readonly size: number;
  /** The id of a word, given on first sight. */
  id(word: string): number;
  info(id: number): WordInfo;
  /** The cluster path cut to two levels (`c2` features). */
  cluster2(id: number): string;
  /** An id per distinct stem (the matching form of gazetteer.ts), for counting forms in a document. */
  stemId(id: number): number;
  /** Number of stem ids given so far. */
  readonly stemCount: number;
  /** Length of the word's stem (kept in a typed array: read for every word of a document). */
  stemLength(id: number): number;
  /** Id of the word's stem among all gazetteer entry words, -1 when no entry holds it. */
  entryWord(id: number): number;
  /** Forgets every word when the table is full: only call between documents, never while ids are held. */
  trim(): void;
}

/** The first `levels` levels of a cluster path, as features.ts cuts them: `clusterPrefix('3.5.7', 2)` → `'3.5'`. */
function clusterPrefix(path: string, levels: number): string {
  let cut = -1;
  for (let k = 0; k < levels; k++) {
    cut = path.indexOf('.', cut + 1);
    if (cut < 0) return path;
  }
  return path.slice(0, cut);
}

/** Builds the word table of a featurizer (its resources decide every per-word property). */
export function createWordTable(featurizer: Featurizer, resources: FeatureResources): WordTable {
  const entryWords = new Map<string, number>();
  const entryWordOf = (stem: string) => {
    let id = entryWords.get(stem);
    if (id === undefined) {
      id = entryWords.size;
      entryWords.set(stem, id);
    }
    return id;
  };
  const compiled = resources.gazetteers.map(({ name, gazetteer }) => {
    const labels: string[] = [];
    const byFirst = new Map<number, GazetteerEntry[]>();
    for (const [first, entries] of gazetteer.byFirst) {
      byFirst.set(
        entryWordOf(first),
        entries.map((entry) => {
          if (!labels.includes(entry.label)) labels.push(entry.label);
          return {
            words: Int32Array.from(entry.words, entryWordOf),
            mark: 1 + 2 * labels.indexOf(entry.label),
          };
        }),
      );
    }
    return { name, gazetteer, labels, byFirst };
  });
  for (const { gazetteer } of resources.gazetteers)
    for (const word of gazetteer.words.keys()) entryWordOf(word);
  // Arrays by entry-word id rather than maps: one indexed load per word of a sentence.
  const gazetteers: CompiledGazetteer[] = compiled.map(({ byFirst, ...rest }) => {
    const list = Array.from({ length: entryWords.size }, (): GazetteerEntry[] | undefined => undefined);
    for (const [first, entries] of byFirst) list[first] = entries;
    return { ...rest, byFirst: list };
  });

  let ids = new Map<string, number>();
  let infos: WordInfo[] = [EDGE];
  let clusters2: string[] = [EDGE.cluster];
  let stems = new Map<string, number>([[EDGE.stem, 0]]);
  let stemIds: number[] = [0];
  let entryIds: number[] = [-1];
  let stemLengths = new Uint16Array(1024);
  stemLengths[0] = EDGE.stem.length;
  const table = {
    featurizer,
    resources,
    gazetteers,
    generation: 0,
    size: 1,
    stemCount: 1,
    id(word: string): number {
      let id = ids.get(word);
      if (id !== undefined) return id;
      id = infos.length;
      const info = featurizer.info(word);
      ids.set(word, id);
      infos.push(info);
      clusters2.push(clusterPrefix(info.cluster, 2));
      let stem = stems.get(info.stem);
      if (stem === undefined) {
        stem = stems.size;
        stems.set(info.stem, stem);
      }
      stemIds.push(stem);
      table.stemCount = stems.size;
      entryIds.push(entryWords.get(info.stem) ?? -1);
      if (id >= stemLengths.length) {
        const longer = new Uint16Array(2 * stemLengths.length);
        longer.set(stemLengths);
        stemLengths = longer;
      }
      stemLengths[id] = Math.min(info.stem.length, 0xffff);
      table.size = infos.length;
      return id;
    },
    info: (id: number) => infos[id]!,
    cluster2: (id: number) => clusters2[id]!,
    stemId: (id: number) => stemIds[id]!,
    entryWord: (id: number) => entryIds[id]!,
    stemLength: (id: number) => stemLengths[id]!,
    trim() {
      if (infos.length < WORD_LIMIT) return;
      ids = new Map();
      infos = [EDGE];
      clusters2 = [EDGE.cluster];
      stems = new Map([[EDGE.stem, 0]]);
      stemIds = [0];
      entryIds = [-1];
      table.size = 1;
      table.stemCount = 1;
      table.generation++;
    },
  };
  return table;
}

/**
 * Marks each word of `words[from, from+n)` covered by the longest entry of `g` matching at it (as
 * matchGazetteer does on strings): writes mark codes (see CompiledGazetteer) to `marks[at, at+n)`.
 */
export function matchIds(
  table: WordTable,
  g: CompiledGazetteer,
  words: Int32Array,
  from: number,
  n: number,
  marks: Uint8Array,
  at = 0,
): void {
  marks.fill(0, at, at + n);
  let i = 0;
  while (i < n) {
    const first = table.entryWord(words[from + i]!);
    const candidates = first < 0 ? undefined : g.byFirst[first];
    let hit: GazetteerEntry | undefined;
    if (candidates) {
      for (const entry of candidates) {
        const length = entry.words.length;
        if (i + length > n) continue;
        let k = 1;
        while (k < length && table.entryWord(words[from + i + k]!) === entry.words[k]) k++;
        if (k === length) {
          hit = entry;
          break;
        }
      }
    }
    if (!hit) {
      i++;
      continue;
    }
    marks[at + i] = hit.mark;
    for (let k = 1; k < hit.words.length; k++) marks[at + i + k] = hit.mark + 1;
    i += hit.words.length;
  }
}
