/** Duplicate detection over clean text: exact (content hash) and near (MinHash + LSH banding). */
export { type Candidate, type DedupDecision, decideNear, MIN_NEAR_WORDS } from './decide.ts';
export { createFingerprinter, DEFAULT_DEDUP_OPTIONS, type DedupOptions, type Fingerprint } from './fingerprint.ts';
export { bandKeys } from './lsh.ts';
export { createMinHasher, type Signature, signatureFromBytes, signatureToBytes, similarity } from './minhash.ts';
export { dedupText, shingleHashes } from './shingles.ts';
