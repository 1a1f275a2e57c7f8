/**
 * Eigendecomposition of a small symmetric matrix by the cyclic Jacobi method (Golub & Van Loan,
 * Matrix Computations §8.5): A = Q Λ Qᵀ. Used by the trust-region Newton step on the ≤ few-dozen
 * parameters of one-hidden-layer networks, where its O(n³) per sweep cost is negligible.
 *
 * @module
 */

/** Result of {@link symmetricEigen}. */
export interface SymmetricEigen {
  /** Eigenvalues λ_k (unsorted). */
  values: Float64Array;
  /** Eigenvectors as columns: Q[i·n + k] is component i of eigenvector k. */
  vectors: Float64Array;
}

/**
 * Eigenvalues and orthonormal eigenvectors of the symmetric n×n matrix `a` (row-major; only read,
 * never modified). Sweeps until the off-diagonal Frobenius norm is below 1e-15 of the total.
 * `guess` (optional, n×n orthogonal, columns as in {@link SymmetricEigen.vectors}, e.g. the
 * eigenvectors of a nearby matrix) starts the sweeps from Gᵀ a G, which is then nearly diagonal,
 * so that the quadratically convergent sweeps need fewer passes; the result is the same.
 */
export function symmetricEigen(a: Float64Array, n: number, guess?: Float64Array): SymmetricEigen {
  let m: Float64Array = Float64Array.from(a.subarray(0, n * n));
  const q = new Float64Array(n * n);
  if (guess === undefined) for (let i = 0; i < n; i++) q[i * n + i] = 1;
  else {
    q.set(guess.subarray(0, n * n));
    m = rotated(m, q, n);
  }
  let total = 0;
  for (let i = 0; i < n * n; i++) total += (m[i] as number) ** 2;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += (m[i * n + j] as number) ** 2;
    if (off <= 1e-30 * total) break;
    for (let p = 0; p < n; p++) {
      for (let r = p + 1; r < n; r++) {
        const apr = m[p * n + r] as number;
        if (apr === 0) continue;
        const app = m[p * n + p] as number;
        const arr = m[r * n + r] as number;
        const theta = (arr - app) / (2 * apr);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k * n + p] as number;
          const mkr = m[k * n + r] as number;
          m[k * n + p] = c * mkp - s * mkr;
          m[k * n + r] = s * mkp + c * mkr;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p * n + k] as number;
          const mrk = m[r * n + k] as number;
          m[p * n + k] = c * mpk - s * mrk;
          m[r * n + k] = s * mpk + c * mrk;
        }
        for (let k = 0; k < n; k++) {
          const qkp = q[k * n + p] as number;
          const qkr = q[k * n + r] as number;
          q[k * n + p] = c * qkp - s * qkr;
          q[k * n + r] = s * qkp + c * qkr;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = m[i * n + i] as number;
  return { values, vectors: q };
}

/** Gᵀ A G for row-major n×n A and G. */
function rotated(a: Float64Array, g: Float64Array, n: number): Float64Array {
  const ag = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < n; k++) {
      const aik = a[i * n + k] as number;
      if (aik === 0) continue;
      for (let j = 0; j < n; j++) ag[i * n + j] = (ag[i * n + j] as number) + aik * (g[k * n + j] as number);
    }
  const out = new Float64Array(n * n);
  for (let k = 0; k < n; k++)
    for (let i = 0; i < n; i++) {
      const gki = g[k * n + i] as number;
      if (gki === 0) continue;
      for (let j = 0; j < n; j++)
        out[i * n + j] = (out[i * n + j] as number) + gki * (ag[k * n + j] as number);
    }
  return out;
}
