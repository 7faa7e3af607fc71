import data from '../../../data/integrity/vectors.json' with { type: 'json' };

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

/** The vectors in data/integrity (decoded once). `defaultVectors().dims` → 64. */
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

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes standard base64 (no platform API, so the analyzer runs the same in Node and browsers). */
export function decodeBase64(text: string): Uint8Array {
  const value = new Int16Array(128).fill(-1);
  for (let i = 0; i < BASE64.length; i++) value[BASE64.charCodeAt(i)] = i;
  const clean = text.replace(/[^A-Za-z0-9+/]/g, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let at = 0;
  for (let i = 0; i < clean.length; i++) {
    buffer = (buffer << 6) | value[clean.charCodeAt(i)]!;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}
