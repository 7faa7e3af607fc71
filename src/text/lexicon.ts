import data from '../../data/lexicon/words.json' with { type: 'json' };
import functionWords from '../../data/lexicon/no-split.json' with { type: 'json' };

/** Frequencies of normalized word forms in real news, and the forms that must never be split at clitics. */
export interface WordLexicon {
  /** How often the normalized form occurs in the reference corpus (0 when unknown). */
  count(normalized: string): number;
  /** True for forms whose first letters look like clitics but belong to the word (فيصل, كان, التقى). */
  isUnsplittable(normalized: string): boolean;
  /** True for forms beginning with ال that are not the article (الذي, الله, التزام). */
  hasNonArticleAl(normalized: string): boolean;
}

let shared: WordLexicon | undefined;

/** The lexicon built from data/lexicon (loaded once, then shared). `defaultLexicon().count('اعلن')` → 1839. */
export function defaultLexicon(): WordLexicon {
  shared ??= buildLexicon(data.words, data.cliticInitialNames.split(' '), functionWords);
  return shared;
}

interface NoSplitLists {
  readonly words: readonly string[];
  readonly nonArticleAl: readonly string[];
}

/** Builds a lexicon from `"word count"` lines and no-split lists; exported for tests with small data. */
export function buildLexicon(wordLines: string, names: readonly string[], lists: NoSplitLists): WordLexicon {
  const counts = new Map<string, number>();
  for (const line of wordLines.split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0) counts.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  const unsplittable = new Set<string>([...names, ...lists.words]);
  const nonArticle = new Set<string>(lists.nonArticleAl);
  return {
    count: (normalized) => counts.get(normalized) ?? 0,
    isUnsplittable: (normalized) => unsplittable.has(normalized),
    hasNonArticleAl: (normalized) => nonArticle.has(normalized),
  };
}
