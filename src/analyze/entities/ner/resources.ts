import type { FeatureResources } from './features.ts';
import { buildGazetteer } from './gazetteer.ts';

/** data/ner/clusters.json: cluster path (or statistics bucket) → space-separated normalized words. */
export interface ClustersFile {
  readonly clusters: Readonly<Record<string, string>>;
  /** Corpus frequency bucket (`f7` = 2^7…2^8 occurrences) → words. */
  readonly frequency: Readonly<Record<string, string>>;
  /** Share of a stem's occurrences carrying the article ال (`a0` never … `a5` mostly) → stems. */
  readonly articleShare: Readonly<Record<string, string>>;
}

/** data/ner/namelike.json (scripts/build-ner-names.ts): name-likeness group → space-separated words. */
export interface NamelikeFile {
  readonly groups: Readonly<Record<string, string>>;
}

/** data/ner/gazetteers.json: named lists of `[name, label]` pairs. */
export interface GazetteersFile {
  readonly lists: Readonly<Record<string, readonly (readonly [string, string])[]>>;
}

/** Inverts `group → space-separated words`. `invertGroups({'0.1': 'محمد احمد'}).get('احمد')` → `'0.1'`. */
export function invertGroups(groups: Readonly<Record<string, string>>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [group, words] of Object.entries(groups))
    for (const word of words.split(' ')) map.set(word, group);
  return map;
}

/** The word lookups of a clusters file. */
export function wordStatistics(
  file: ClustersFile,
): Pick<FeatureResources, 'clusters' | 'frequency' | 'articleShare'> {
  return {
    clusters: invertGroups(file.clusters),
    frequency: invertGroups(file.frequency),
    articleShare: invertGroups(file.articleShare),
  };
}

/**
 * The feature resources from the shipped data files, gazetteers in the file's order (the model's feature
 * names depend on the list names, so training and tagging must use the same files).
 */
export function loadResources(
  clusters: ClustersFile,
  gazetteers: GazetteersFile,
  namelike?: NamelikeFile,
): FeatureResources {
  return {
    ...wordStatistics(clusters),
    ...(namelike ? { namelike: invertGroups(namelike.groups) } : {}),
    gazetteers: Object.entries(gazetteers.lists).map(([name, entries]) => ({
      name,
      gazetteer: buildGazetteer(entries),
    })),
  };
}
