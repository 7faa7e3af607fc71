import data from '../../../data/integrity/vectors.json' with { type: 'json' };
import { decodeBase64 } from '../entities/ner/base64.ts';

// The model's base64 decoder (atob: the same in Node and browsers), re-exported for the tests.
export { decodeBase64 };

/**
 * Term vectors from data/integrity/vectors.json (latent semantic analysis of real news bodies, built by
 * scripts/build-integrity-vectors.ts): terms used in the same stories get similar vectors, so a title can be
 * related to a body that says the same thing in other words.
 */
export interface TermVectors {
  readonly dims: number;
  /** Unit-length vectors, one row of `dims` numbers per known term. */
  readonly data: Float32Array;
  /** The row of a term, or undefined for a term without a vector. `row('مسلسل')` → a number. */
  row(term: string): number | undefined;
}

let shared: TermVectors | undefined;

/** The vectors in data/integrity (decoded once). `defaultVectors().dims` → 100. */
export function defaultVectors(): TermVectors {
  shared ??= buildVectors(data.terms.split('\n'), decodeBase64(data.vectors), data.dims);
  return shared;
}

/** Builds vectors from terms and their signed-byte rows (each row is normalized); exported for tests. */
export function buildVectors(terms: readonly string[], bytes: Uint8Array, dims: number): TermVectors {
  const signed = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rows = Math.min(terms.length, Math.floor(signed.length / dims));
  const vectors = new Float32Array(rows * dims);
  for (let r = 0; r < rows; r++) {
    let norm = 0;
    for (let c = 0; c < dims; c++) norm += signed[r * dims + c]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let c = 0; c < dims; c++) vectors[r * dims + c] = signed[r * dims + c]! / norm;
  }
  const index = new Map<string, number>();
  for (let r = 0; r < rows; r++) index.set(terms[r]!, r);
  return { dims, data: vectors, row: (term) => index.get(term) };
}
