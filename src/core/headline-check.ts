import type { HeadlineCandidate } from './annotations.ts';

/** The headline–body consistency layer (computed by src/analyze/integrity). */

/** A stretch of the clean text with its words (offsets in UTF-16 code units, end exclusive). */
export interface IntegritySpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The measurements behind a headline check, each 0–1 (see features.ts). */
export interface HeadlineFeatures {
  /** IDF-weighted share of the title's terms found in the lead (first sentences), prefix matches counting part. */
  readonly leadRecall: number;
  /** The same over the whole body. */
  readonly bodyRecall: number;
  /** Share of the title's adjacent term pairs found close together in the body. */
  readonly bigramRecall: number;
  /** IDF-weighted share of the title's rare terms (names, specific words) found in the body. */
  readonly rareRecall: number;
  /** How well the title's most specific term is found in the body (1 exact, partial for a prefix match). */
  readonly topTermHit: number;
  /** IDF-weighted cosine between the title's and the lead's term sets. */
  readonly leadCosine: number;
  /** IDF mass of the title's terms found in the lead, saturating at three or four specific words. */
  readonly leadMass: number;
  /** The same over the whole body. */
  readonly bodyMass: number;
  /** IDF-weighted share of the title's terms, each counted by how often the body repeats it (fully at five). */
  readonly repetition: number;
  /** IDF-weighted share of the title's terms, each counted by how early the body first uses it. */
  readonly earliness: number;
  /** How specific the title is: its terms' IDF mass, saturating at seven or eight specific words. */
  readonly titleMass: number;
}

/**
 * Whether the given title belongs to the body. `score` is the model's probability that it does;
 * `verdict` compares it with the learned threshold. When the title is unrelated, `bodyHeadline` is the
 * body's own headline (if its first line is one) and otherwise `suggestedHeadline` is the lead sentence's
 * main clause.
 */
export interface HeadlineCheck {
  readonly kind: 'headline-check';
  readonly score: number;
  readonly verdict: 'related' | 'unrelated';
  readonly method: {
    readonly name: 'idf-overlap-logistic';
    readonly threshold: number;
    readonly features: HeadlineFeatures;
    /** Title terms found in the body (light stems), for explaining the verdict. */
    readonly matchedTerms: readonly string[];
    readonly missingTerms: readonly string[];
    /** Why no score could be computed (no title, no content words, empty body). */
    readonly note?: string;
  };
  readonly bodyHeadline?: HeadlineCandidate;
  readonly suggestedHeadline?: IntegritySpan;
}
