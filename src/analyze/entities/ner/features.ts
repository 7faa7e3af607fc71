import { type Gazetteer, matchGazetteer } from './gazetteer.ts';
import { stripProclitics } from './stem.ts';
import { wordKey } from './words.ts';

/** What the features look words up in: word clusters, corpus statistics and named gazetteers. */
export interface FeatureResources {
  /** Normalized word → cluster path `a.b.c` (coarse to fine). */
  readonly clusters: ReadonlyMap<string, string>;
  /** Normalized word → corpus frequency bucket. */
  readonly frequency: ReadonlyMap<string, string>;
  /** Stem → bucket of how often it carries the article in the corpus. */
  readonly articleShare: ReadonlyMap<string, string>;
  /**
   * Normalized word → name-likeness group `TYPEbnc.pqrs` (data/ner/namelike.json): what the words distributed
   * like it are tagged as in the training data. Optional: without it no such features are made.
   */
  readonly namelike?: ReadonlyMap<string, string>;
  /** Gazetteers by a short name used in feature strings. */
  readonly gazetteers: readonly { readonly name: string; readonly gazetteer: Gazetteer }[];
}

/** Everything the features need about one word, computed once per distinct word. */
export interface WordInfo {
  readonly key: string;
  readonly stem: string;
  readonly prefix: string;
  readonly shape: string;
  readonly cluster: string;
  readonly frequency: string;
  readonly articleShare: string;
  /** Name-likeness group, '-' when the word has no vector, '' without the table. */
  readonly namelike: string;
  /** The features that depend on this word alone (cacheable by word). */
  readonly own: readonly string[];
}

/**
 * Features of words in a sentence. A word's features are its `own` ones (from its text alone) followed by
 * its `context` ones (neighbours, gazetteer matches); training uses both through `all`, the tagger caches
 * the scores of the own ones by word.
 */
export interface Featurizer {
  info(word: string): WordInfo;
  context(words: readonly string[], infos: readonly WordInfo[]): string[][];
  all(words: readonly string[]): string[][];
}

const NO_ROLES: readonly string[] = [];
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
// Distinct words remembered by a featurizer before its cache is reset (news vocabularies are Zipfian).
const CACHE_LIMIT = 200_000;

/** Letter classes of a word: a Arabic, L/l Latin (capitalized or not), d digits, p anything else. */
function shapeOf(word: string): string {
  let arabic = false;
  let latin = false;
  let digit = false;
  let other = false;
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9)) digit = true;
    else if ((c >= 0x600 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f)) arabic = true;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) latin = true;
    else other = true;
  }
  const first = word.charCodeAt(0);
  return `${arabic ? 'a' : ''}${latin ? (first >= 0x41 && first <= 0x5a ? 'L' : 'l') : ''}${digit ? 'd' : ''}${other ? 'p' : ''}`;
}

/** The first `levels` levels of a cluster path: `clusterPrefix('3.5.7', 2)` → `'3.5'`. */
function clusterPrefix(path: string, levels: number): string {
  let cut = -1;
  for (let k = 0; k < levels; k++) {
    cut = path.indexOf('.', cut + 1);
    if (cut < 0) return path;
  }
  return path.slice(0, cut);
}

function ownFeatures(
  w: Omit<WordInfo, 'own'>,
  stemCluster: string,
  gazetteers: FeatureResources['gazetteers'],
): string[] {
  const c2 = clusterPrefix(w.cluster, 2);
  const f = [
    'bias',
    `w=${w.key}`,
    `s=${w.stem}`,
    `pre=${w.prefix}`,
    `sh=${w.shape}`,
    `len=${Math.min(w.stem.length, 8)}`,
    `suf1=${w.key.slice(-1)}`,
    `suf2=${w.key.slice(-2)}`,
    `suf3=${w.key.slice(-3)}`,
    `suf4=${w.key.slice(-4)}`,
    `sp2=${w.stem.slice(0, 2)}`,
    `sp3=${w.stem.slice(0, 3)}`,
    `sp4=${w.stem.slice(0, 4)}`,
    `fq=${w.frequency}`,
    `art=${w.articleShare}`,
    `fq|art=${w.frequency}|${w.articleShare}`,
    `c1=${clusterPrefix(w.cluster, 1)}`,
    `c2=${c2}`,
    `c3=${w.cluster}`,
    `cs=${stemCluster}`,
    `pre|c2=${w.prefix}|${c2}`,
  ];
  if (w.namelike === '-') f.push('nl=-');
  else if (w.namelike) {
    // `PER3n4.3000`: the neighbours' winning type and its share bucket, the bucket of all name types, then
    // the share bucket of each name type (PER, ORG, LOC, MISC).
    const dot = w.namelike.indexOf('.');
    const main = dot < 0 ? w.namelike : w.namelike.slice(0, dot);
    const cut = main.indexOf('n', 1);
    f.push(`nl=${main}`, `nlt=${main.slice(0, cut)}`, `nln=${main.slice(cut)}`);
    for (let t = 0; dot >= 0 && t < 4; t++) f.push(`nl${t}=${w.namelike[dot + 1 + t]}`);
  }
  // Letter trigrams of the stem: transliterated foreign names (كامينين، دانابالا) have tell-tale spellings.
  const padded = `#${w.stem}#`;
  for (let k = 0; k + 3 <= padded.length; k++) f.push(`tri=${padded.slice(k, k + 3)}`);
  // Known first names and family names count even inside a name no list holds.
  for (const { name, gazetteer } of gazetteers) {
    for (const role of gazetteer.words.get(w.stem) ?? NO_ROLES) f.push(`g${name}w=${role}`);
  }
  return f;
}

/**
 * Returns a featurizer. Features come from the word text alone, so training on ANERcorp words and tagging
 * Token.text see the same thing. `createFeaturizer(resources).all(['قال', 'بوتين'])[1]` includes
 * `'w=بوتين'` and `'w-1=قال'`.
 */
export function createFeaturizer(resources: FeatureResources): Featurizer {
  const { clusters, gazetteers } = resources;
  let cache = new Map<string, WordInfo>();
  const info = (word: string): WordInfo => {
    const hit = cache.get(word);
    if (hit) return hit;
    const key = wordKey(word);
    const { prefix, stem } = stripProclitics(key);
    const base = {
      key,
      stem,
      prefix,
      shape: shapeOf(word),
      cluster: clusters.get(key) ?? clusters.get(stem) ?? '-',
      frequency: resources.frequency.get(key) ?? 'rare',
      articleShare: resources.articleShare.get(stem) ?? '-',
      namelike: resources.namelike
        ? (resources.namelike.get(key) ?? resources.namelike.get(stem) ?? '-')
        : '',
    };
    const made: WordInfo = { ...base, own: ownFeatures(base, clusters.get(stem) ?? '-', gazetteers) };
    if (cache.size >= CACHE_LIMIT) cache = new Map();
    cache.set(word, made);
    return made;
  };

  const context = (words: readonly string[], infos: readonly WordInfo[]): string[][] => {
    const forms = infos.map((w) => w.stem);
    const matches = gazetteers.map(({ name, gazetteer }) => ({
      name,
      gazetteer,
      marks: matchGazetteer(gazetteer, forms),
    }));
    const at = (i: number): WordInfo => infos[i] ?? EDGE;
    return words.map((_, i) => {
      const w = at(i);
      const p1 = at(i - 1);
      const p2 = at(i - 2);
      const n1 = at(i + 1);
      const n2 = at(i + 2);
      const f = [
        `w-1=${p1.key}`,
        `w-2=${p2.key}`,
        `w+1=${n1.key}`,
        `w+2=${n2.key}`,
        `s-1=${p1.stem}`,
        `s+1=${n1.stem}`,
        `s-2=${p2.stem}`,
        `s+2=${n2.stem}`,
        `w-1|w=${p1.key}|${w.key}`,
        `w|w+1=${w.key}|${n1.key}`,
        `s-1|s=${p1.stem}|${w.stem}`,
        `s|s+1=${w.stem}|${n1.stem}`,
        `w-2|w-1=${p2.key}|${p1.key}`,
        `c2-1|c2=${clusterPrefix(p1.cluster, 2)}|${clusterPrefix(w.cluster, 2)}`,
        `c2|c2+1=${clusterPrefix(w.cluster, 2)}|${clusterPrefix(n1.cluster, 2)}`,
        `sh-1=${p1.shape}`,
        `sh+1=${n1.shape}`,
        `art-1=${p1.articleShare}`,
        `art+1=${n1.articleShare}`,
        `c2-1=${clusterPrefix(p1.cluster, 2)}`,
        `c2+1=${clusterPrefix(n1.cluster, 2)}`,
        `c3-1=${p1.cluster}`,
        `c3+1=${n1.cluster}`,
      ];
      if (resources.namelike) {
        f.push(`nl-1=${p1.namelike}`, `nl+1=${n1.namelike}`, `nl-1|nl=${p1.namelike}|${w.namelike}`);
      }
      for (const { name, gazetteer, marks } of matches) {
        f.push(
          `g${name}=${marks[i] ?? 'O'}`,
          `g${name}-1=${marks[i - 1] ?? 'O'}`,
          `g${name}+1=${marks[i + 1] ?? 'O'}`,
        );
        for (const role of gazetteer.words.get(p1.stem) ?? NO_ROLES) f.push(`g${name}w-1=${role}`);
        for (const role of gazetteer.words.get(n1.stem) ?? NO_ROLES) f.push(`g${name}w+1=${role}`);
      }
      return f;
    });
  };

  return {
    info,
    context,
    all(words) {
      const infos = words.map(info);
      return context(words, infos).map((f, i) => [...infos[i]!.own, ...f]);
    },
  };
}
