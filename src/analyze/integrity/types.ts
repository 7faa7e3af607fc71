/** The headline check's types live in core (they are part of the document); re-exported for this folder. */
import type { HeadlineFeatures } from '../../core/headline-check.ts';

export type { HeadlineCheck, HeadlineFeatures, IntegritySpan } from '../../core/headline-check.ts';

/** The measurements the model reads: the layer's word-overlap features and similarities through term vectors. */
export interface IntegrityFeatures extends HeadlineFeatures {
  /** Cosine of the title's and the lead's IDF-weighted term-vector centroids (0 when negative). */
  readonly leadSimilarity: number;
  /** The same with the whole body. */
  readonly bodySimilarity: number;
  /** IDF-weighted mean over the title's terms of each one's best cosine with a lead term. */
  readonly leadAlignment: number;
  /** IDF-weighted mean over the title's terms of each one's cosine with the body's centroid (0 when negative). */
  readonly termBodySimilarity: number;
  /** Share of the title's IDF mass carried by terms that have a vector (how much the similarities can say). */
  readonly vectorCoverage: number;
}
