/**
 * Dense linear algebra for the randomized SVDs the data builds run (word clusters, integrity vectors):
 * small enough to write here, and shared so both builds compute the same way. Matrices are row-major
 * Float64Arrays.
 */

/**
 * Orthonormalizes the columns of a rows × cols matrix in place (modified Gram–Schmidt, `passes` times against
 * the columns before: two passes keep them orthogonal when the sketch is ill-conditioned) and returns it.
 * `orthonormalize(q, terms, k)` → `q` with orthonormal columns.
 */
export function orthonormalize(m: Float64Array, rows: number, cols: number, passes = 1): Float64Array {
  const column = new Float64Array(rows);
  for (let j = 0; j < cols; j++) {
    for (let r = 0; r < rows; r++) column[r] = m[r * cols + j]!;
    for (let pass = 0; pass < passes; pass++) {
      for (let i = 0; i < j; i++) {
        let dot = 0;
        for (let r = 0; r < rows; r++) dot += column[r]! * m[r * cols + i]!;
        for (let r = 0; r < rows; r++) column[r]! -= dot * m[r * cols + i]!;
      }
    }
    let norm = 0;
    for (let r = 0; r < rows; r++) norm += column[r]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let r = 0; r < rows; r++) m[r * cols + j] = column[r]! / norm;
  }
  return m;
}

export interface JacobiOptions {
  /** Most sweeps over all pairs. */
  readonly sweeps: number;
  /** Stop once the squared off-diagonal mass is below this. */
  readonly tolerance: number;
  /** Off-diagonal entries smaller than this are not rotated away. */
  readonly negligible: number;
}

/**
 * Eigen-decomposition of a symmetric n × n matrix by cyclic Jacobi rotations (the input is overwritten):
 * eigenvalues and the eigenvectors as columns. `symmetricEigen(gram, k, {sweeps: 50, tolerance: 1e-18, negligible: 1e-30})`.
 */
export function symmetricEigen(a: Float64Array, n: number, options: JacobiOptions): { values: Float64Array; vectors: Float64Array } {
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < options.sweeps; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q]! ** 2;
    if (off < options.tolerance) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (Math.abs(apq) < options.negligible) continue;
        const theta = (a[q * n + q]! - a[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < n; r++) {
          const arp = a[r * n + p]!;
          const arq = a[r * n + q]!;
          a[r * n + p] = c * arp - s * arq;
          a[r * n + q] = s * arp + c * arq;
        }
        for (let r = 0; r < n; r++) {
          const apr = a[p * n + r]!;
          const aqr = a[q * n + r]!;
          a[p * n + r] = c * apr - s * aqr;
          a[q * n + r] = s * apr + c * aqr;
        }
        for (let r = 0; r < n; r++) {
          const vrp = v[r * n + p]!;
          const vrq = v[r * n + q]!;
          v[r * n + p] = c * vrp - s * vrq;
          v[r * n + q] = s * vrp + c * vrq;
        }
      }
    }
  }
  return { values: Float64Array.from({ length: n }, (_, i) => a[i * n + i]!), vectors: v };
}
