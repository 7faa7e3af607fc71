/**
 * Arabic verb and noun morphology: recognizes any inflection of a listed lemma in normalized text.
 * `createMorphIndex([{kind: 'verb', id: 'هاجم', past: 'هاجم', present: 'يهاجم'}]).analyze('هاجمتهم')`
 * → `[{lemma: 'هاجم', pos: 'verb', aspect: 'perfect', enclitic: 'هم', …}]`.
 */
export { MorphError } from './errors.ts';
export { createMorphIndex } from './morph-index.ts';
export type { Aspect, GrammaticalNumber, LemmaSpec, MorphAnalysis, MorphIndex } from './types.ts';
