/**
 * The "saddle-free" Newton step of the minimiser (`minimise.ts`) where the Hessian is not positive
 * definite: d = |H|⁻¹g = Σᵢ vᵢ(vᵢᵀg)/max(|λᵢ|, 1e-10 max|λ|) for the eigenpairs (λᵢ, vᵢ) of the
 * symmetric 4 × 4 H (Dauphin et al. 2014, arXiv:1406.2572: a descent direction that moves
 * downhill along negative curvature). Internal module.
 *
 * Eigenpairs by cyclic Jacobi rotations (Numerical Recipes §11.1 update formulas). A pair (p, q)
 * is rotated while a²_pq > 1e-22·|a_pp·a_qq|, the relative criterion under which Jacobi also
 * resolves the SMALL eigenvalues to high relative accuracy (Demmel & Veselić 1992): the step
 * along a nearly flat valley is 1/|λ_small|, and a criterion relative to the whole diagonal
 * (Σ a²_pq ≤ 1e-14 Σ a²_pp) cost 5% more Newton iterations on the bench events. Rotation (p, q)
 * with δ = a_qq − a_pp, b = 2a_pq·sgn δ, r = √(δ² + b²): t = tan φ = b/(|δ| + r),
 * c = (|δ| + r)/√(2r(|δ| + r)), s = b/√(2r(|δ| + r)) (the NR angle, one division fewer on the
 * dependency chain); a_pp −= t·a_pq, a_qq += t·a_pq, a_pq = 0; for r ≠ p, q: (a_rp, a_rq) ←
 * (c·a_rp − s·a_rq, s·a_rp + c·a_rq); columns p, q of V likewise. The six rotations of a sweep
 * are written out so that the matrix and eigenvector entries stay in local variables (the
 * Higgsness bench ran ~6% faster than with the same rotations on arrays). Entries must stay
 * below ~1e150 in magnitude (δ² + b² must not overflow); the χ² of physical momenta is far below.
 *
 * @module
 */

/** Rotation threshold: pair (p, q) is rotated while a²_pq > PAIR_TOL·|a_pp·a_qq|. */
const PAIR_TOL = 1e-22;
/** Sweep cap (on the bench events the criterion is met after 2–4 sweeps that rotate). */
const MAX_SWEEPS = 10;

/** Sets d = |h|⁻¹g for the symmetric 4 × 4 matrix h (row-major; only read). */
export function saddleFreeStep(h: Float64Array, g: Float64Array, d: Float64Array): void {
  let a00 = h[0] as number;
  let a01 = h[1] as number;
  let a02 = h[2] as number;
  let a03 = h[3] as number;
  let a11 = h[5] as number;
  let a12 = h[6] as number;
  let a13 = h[7] as number;
  let a22 = h[10] as number;
  let a23 = h[11] as number;
  let a33 = h[15] as number;
  let v00 = 1;
  let v01 = 0;
  let v02 = 0;
  let v03 = 0;
  let v10 = 0;
  let v11 = 1;
  let v12 = 0;
  let v13 = 0;
  let v20 = 0;
  let v21 = 0;
  let v22 = 1;
  let v23 = 0;
  let v30 = 0;
  let v31 = 0;
  let v32 = 0;
  let v33 = 1;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let rotated = false;
    if (a01 * a01 > PAIR_TOL * Math.abs(a00 * a11)) {
      rotated = true;
      const df = a11 - a00;
      const b = df >= 0 ? 2 * a01 : -2 * a01;
      const r = Math.sqrt(df * df + b * b);
      const u = Math.abs(df) + r;
      const inv = 1 / Math.sqrt(2 * r * u);
      const t = b / u;
      const c = u * inv;
      const s = b * inv;
      a00 -= t * a01;
      a11 += t * a01;
      a01 = 0;
      const r2p = a02;
      a02 = c * r2p - s * a12;
      a12 = s * r2p + c * a12;
      const r3p = a03;
      a03 = c * r3p - s * a13;
      a13 = s * r3p + c * a13;
      const v0p = v00;
      v00 = c * v0p - s * v01;
      v01 = s * v0p + c * v01;
      const v1p = v10;
      v10 = c * v1p - s * v11;
      v11 = s * v1p + c * v11;
      const v2p = v20;
      v20 = c * v2p - s * v21;
      v21 = s * v2p + c * v21;
      const v3p = v30;
      v30 = c * v3p - s * v31;
      v31 = s * v3p + c * v31;
    }
    if (a02 * a02 > PAIR_TOL * Math.abs(a00 * a22)) {
      rotated = true;
      const df = a22 - a00;
      const b = df >= 0 ? 2 * a02 : -2 * a02;
      const r = Math.sqrt(df * df + b * b);
      const u = Math.abs(df) + r;
      const inv = 1 / Math.sqrt(2 * r * u);
      const t = b / u;
      const c = u * inv;
      const s = b * inv;
      a00 -= t * a02;
      a22 += t * a02;
      a02 = 0;
      const r1p = a01;
      a01 = c * r1p - s * a12;
      a12 = s * r1p + c * a12;
      const r3p = a03;
      a03 = c * r3p - s * a23;
      a23 = s * r3p + c * a23;
      const v0p = v00;
      v00 = c * v0p - s * v02;
      v02 = s * v0p + c * v02;
      const v1p = v10;
      v10 = c * v1p - s * v12;
      v12 = s * v1p + c * v12;
      const v2p = v20;
      v20 = c * v2p - s * v22;
      v22 = s * v2p + c * v22;
      const v3p = v30;
      v30 = c * v3p - s * v32;
      v32 = s * v3p + c * v32;
    }
    if (a03 * a03 > PAIR_TOL * Math.abs(a00 * a33)) {
      rotated = true;
      const df = a33 - a00;
      const b = df >= 0 ? 2 * a03 : -2 * a03;
      const r = Math.sqrt(df * df + b * b);
      const u = Math.abs(df) + r;
      const inv = 1 / Math.sqrt(2 * r * u);
      const t = b / u;
      const c = u * inv;
      const s = b * inv;
      a00 -= t * a03;
      a33 += t * a03;
      a03 = 0;
      const r1p = a01;
      a01 = c * r1p - s * a13;
      a13 = s * r1p + c * a13;
      const r2p = a02;
      a02 = c * r2p - s * a23;
      a23 = s * r2p + c * a23;
      const v0p = v00;
      v00 = c * v0p - s * v03;
      v03 = s * v0p + c * v03;
      const v1p = v10;
      v10 = c * v1p - s * v13;
      v13 = s * v1p + c * v13;
      const v2p = v20;
      v20 = c * v2p - s * v23;
      v23 = s * v2p + c * v23;
      const v3p = v30;
      v30 = c * v3p - s * v33;
      v33 = s * v3p + c * v33;
    }
    if (a12 * a12 > PAIR_TOL * Math.abs(a11 * a22)) {
      rotated = true;
      const df = a22 - a11;
      const b = df >= 0 ? 2 * a12 : -2 * a12;
      const r = Math.sqrt(df * df + b * b);
      const u = Math.abs(df) + r;
      const inv = 1 / Math.sqrt(2 * r * u);
      const t = b / u;
      const c = u * inv;
      const s = b * inv;
      a11 -= t * a12;
      a22 += t * a12;
      a12 = 0;
      const r0p = a01;
      a01 = c * r0p - s * a02;
      a02 = s * r0p + c * a02;
      const r3p = a13;
      a13 = c * r3p - s * a23;
      a23 = s * r3p + c * a23;
      const v0p = v01;
      v01 = c * v0p - s * v02;
      v02 = s * v0p + c * v02;
      const v1p = v11;
      v11 = c * v1p - s * v12;
      v12 = s * v1p + c * v12;
      const v2p = v21;
      v21 = c * v2p - s * v22;
      v22 = s * v2p + c * v22;
      const v3p = v31;
      v31 = c * v3p - s * v32;
      v32 = s * v3p + c * v32;
    }
    if (a13 * a13 > PAIR_TOL * Math.abs(a11 * a33)) {
      rotated = true;
      const df = a33 - a11;
      const b = df >= 0 ? 2 * a13 : -2 * a13;
      const r = Math.sqrt(df * df + b * b);
      const u = Math.abs(df) + r;
      const inv = 1 / Math.sqrt(2 * r * u);
      const t = b / u;
      const c = u * inv;
      const s = b * inv;
      a11 -= t * a13;
      a33 += t * a13;
      a13 = 0;
      const r0p = a01;
      a01 = c * r0p - s * a03;
      a03 = s * r0p + c * a03;
      const r2p = a12;
      a12 = c * r2p - s * a23;
      a23 = s * r2p + c * a23;
      const v0p = v01;
      v01 = c * v0p - s * v03;
      v03 = s * v0p + c * v03;
      const v1p = v11;
      v11 = c * v1p - s * v13;
      v13 = s * v1p + c * v13;
      const v2p = v21;
      v21 = c * v2p - s * v23;
      v23 = s * v2p + c * v23;
      const v3p = v31;
      v31 = c * v3p - s * v33;
      v33 = s * v3p + c * v33;
    }
    if (a23 * a23 > PAIR_TOL * Math.abs(a22 * a33)) {
      rotated = true;
      const df = a33 - a22;
      const b = df >= 0 ? 2 * a23 : -2 * a23;
      const r = Math.sqrt(df * df + b * b);
      const u = Math.abs(df) + r;
      const inv = 1 / Math.sqrt(2 * r * u);
      const t = b / u;
      const c = u * inv;
      const s = b * inv;
      a22 -= t * a23;
      a33 += t * a23;
      a23 = 0;
      const r0p = a02;
      a02 = c * r0p - s * a03;
      a03 = s * r0p + c * a03;
      const r1p = a12;
      a12 = c * r1p - s * a13;
      a13 = s * r1p + c * a13;
      const v0p = v02;
      v02 = c * v0p - s * v03;
      v03 = s * v0p + c * v03;
      const v1p = v12;
      v12 = c * v1p - s * v13;
      v13 = s * v1p + c * v13;
      const v2p = v22;
      v22 = c * v2p - s * v23;
      v23 = s * v2p + c * v23;
      const v3p = v32;
      v32 = c * v3p - s * v33;
      v33 = s * v3p + c * v33;
    }
    if (!rotated) break;
  }
  const floor = Math.max(
    1e-10 * Math.max(Math.abs(a00), Math.abs(a11), Math.abs(a22), Math.abs(a33)),
    1e-300,
  );
  const g0 = g[0] as number;
  const g1 = g[1] as number;
  const g2 = g[2] as number;
  const g3 = g[3] as number;
  const p0 = (v00 * g0 + v10 * g1 + v20 * g2 + v30 * g3) / Math.max(Math.abs(a00), floor);
  const p1 = (v01 * g0 + v11 * g1 + v21 * g2 + v31 * g3) / Math.max(Math.abs(a11), floor);
  const p2 = (v02 * g0 + v12 * g1 + v22 * g2 + v32 * g3) / Math.max(Math.abs(a22), floor);
  const p3 = (v03 * g0 + v13 * g1 + v23 * g2 + v33 * g3) / Math.max(Math.abs(a33), floor);
  d[0] = p0 * v00 + p1 * v01 + p2 * v02 + p3 * v03;
  d[1] = p0 * v10 + p1 * v11 + p2 * v12 + p3 * v13;
  d[2] = p0 * v20 + p1 * v21 + p2 * v22 + p3 * v23;
  d[3] = p0 * v30 + p1 * v31 + p2 * v32 + p3 * v33;
}
