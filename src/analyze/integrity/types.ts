/** The headline check's types live in core (they are part of the document); re-exported for this folder. */
export type { HeadlineCheck, HeadlineFeatures, IntegritySpan } from '../../core/headline-check.ts';
