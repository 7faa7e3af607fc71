import data from '../../../data/integrity/idf.json' with { type: 'json' };

/** Inverse document frequency of matching terms, from data/integrity/idf.json (built from real news). */
export interface IdfTable {
  /** `log((N + 1) / (df + 1))`; terms rarer than the table's floor get the floor's (the highest) value. */
  idf(term: string): number;
  /** The IDF of a term found in one document in a hundred: terms above it count as rare (names, specifics). */
  readonly rareIdf: number;
}

let shared: IdfTable | undefined;

/** The table built from data/integrity (loaded once). `defaultIdf().idf('قال')` → about 1.2. */
export function defaultIdf(): IdfTable {
  shared ??= buildIdf(data.terms, data.documents, data.minDf);
  return shared;
}

/** Builds a table from `"term df"` lines; exported for tests with small data. */
export function buildIdf(lines: string, documents: number, minDf: number): IdfTable {
  const weights = new Map<string, number>();
  const idfOf = (df: number) => Math.log((documents + 1) / (df + 1));
  for (const line of lines.split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0) weights.set(line.slice(0, space), idfOf(Number(line.slice(space + 1))));
  }
  // Unlisted terms occur in fewer than minDf documents.
  const unseen = idfOf(minDf - 1);
  return { idf: (term) => weights.get(term) ?? unseen, rareIdf: idfOf(documents / 100) };
}
