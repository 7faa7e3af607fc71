import { mix32 } from './hash32.ts';
import type { Signature } from './minhash.ts';

/**
 * LSH banding: the signature is cut into `bands` bands of `rows` values; two texts become candidates when
 * any band is equal. With b bands of r rows the chance to collide is 1 − (1 − s^r)^b: the S-curve's midpoint
 * is near (1/b)^(1/r) — 32 bands × 4 rows put it at ≈ 0.42, below the 0.5 similarity we accept, so true
 * near-duplicates are rarely missed and the final check on the full signature removes false candidates.
 * `bandKeys(signature, 32, 4)` → 32 strings like `'07:1a2b3c4d'`.
 */
export function bandKeys(signature: Signature, bands: number, rows: number): string[] {
  const keys: string[] = [];
  for (let b = 0; b < bands; b++) {
    let h = b;
    for (let r = 0; r < rows; r++) h = mix32(h ^ (signature[b * rows + r] ?? 0));
    keys.push(`${b.toString().padStart(2, '0')}:${h.toString(16).padStart(8, '0')}`);
  }
  return keys;
}
