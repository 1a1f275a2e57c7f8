/**
 * The "saddle-free" Newton step of the minimiser (`minimise.ts`) where the Hessian is not positive
 * definite: d = |H|⁻¹g = Σᵢ vᵢ(vᵢᵀg)/max(|λᵢ|, 1e-10 max|λ|) for the eigenpairs (λᵢ, vᵢ) of the
 * symmetric 4 × 4 H (Dauphin et al. 2014, arXiv:1406.2572: a descent direction that moves
 * downhill along negative curvature). Internal module.
 *
 * Eigenpairs by Jacobi rotations (Numerical Recipes §11.1 update formulas) in the parallel
 * ordering (0,1)+(2,3), (0,2)+(1,3), (0,3)+(1,2) (Golub & Van Loan §8.5.5): the two rotations of a
 * step act on disjoint pairs, so their angles are computed independently (two √/÷ chains the CPU
 * overlaps; the Higgsness bench ran ~5% faster than with the row-cyclic order). A pair (p, q)
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
    // Rotations (0, 1) and (2, 3): disjoint pairs, angles independent.
    let c1 = 1;
    let s1 = 0;
    if (a01 * a01 > PAIR_TOL * Math.abs(a00 * a11)) {
      rotated = true;
      const df = a11 - a00;
      const b = df >= 0 ? 2 * a01 : -2 * a01;
      const r = Math.sqrt(df * df + b * b);
      const u = Math.abs(df) + r;
      const inv = 1 / Math.sqrt(2 * r * u);
      const t = b / u;
      c1 = u * inv;
      s1 = b * inv;
      a00 -= t * a01;
      a11 += t * a01;
      a01 = 0;
    }
    let c2 = 1;
    let s2 = 0;
    if (a23 * a23 > PAIR_TOL * Math.abs(a22 * a33)) {
      rotated = true;
      const df = a33 - a22;
      const b = df >= 0 ? 2 * a23 : -2 * a23;
      const r = Math.sqrt(df * df + b * b);
      const u = Math.abs(df) + r;
      const inv = 1 / Math.sqrt(2 * r * u);
      const t = b / u;
      c2 = u * inv;
      s2 = b * inv;
      a22 -= t * a23;
      a33 += t * a23;
      a23 = 0;
    }
    if (s1 !== 0) {
      const a02_ = a02;
      a02 = c1 * a02_ - s1 * a12;
      a12 = s1 * a02_ + c1 * a12;
      const a03_ = a03;
      a03 = c1 * a03_ - s1 * a13;
      a13 = s1 * a03_ + c1 * a13;
      const v00_ = v00;
      v00 = c1 * v00_ - s1 * v01;
      v01 = s1 * v00_ + c1 * v01;
      const v10_ = v10;
      v10 = c1 * v10_ - s1 * v11;
      v11 = s1 * v10_ + c1 * v11;
      const v20_ = v20;
      v20 = c1 * v20_ - s1 * v21;
      v21 = s1 * v20_ + c1 * v21;
      const v30_ = v30;
      v30 = c1 * v30_ - s1 * v31;
      v31 = s1 * v30_ + c1 * v31;
    }
    if (s2 !== 0) {
      const a02_ = a02;
      a02 = c2 * a02_ - s2 * a03;
      a03 = s2 * a02_ + c2 * a03;
      const a12_ = a12;
      a12 = c2 * a12_ - s2 * a13;
      a13 = s2 * a12_ + c2 * a13;
      const v02_ = v02;
      v02 = c2 * v02_ - s2 * v03;
      v03 = s2 * v02_ + c2 * v03;
      const v12_ = v12;
      v12 = c2 * v12_ - s2 * v13;
      v13 = s2 * v12_ + c2 * v13;
      const v22_ = v22;
      v22 = c2 * v22_ - s2 * v23;
      v23 = s2 * v22_ + c2 * v23;
      const v32_ = v32;
      v32 = c2 * v32_ - s2 * v33;
      v33 = s2 * v32_ + c2 * v33;
    }
    // Rotations (0, 2) and (1, 3): disjoint pairs, angles independent.
    let c3 = 1;
    let s3 = 0;
    if (a02 * a02 > PAIR_TOL * Math.abs(a00 * a22)) {
      rotated = true;
      const df = a22 - a00;
      const b = df >= 0 ? 2 * a02 : -2 * a02;
      const r = Math.sqrt(df * df + b * b);
      const u = Math.abs(df) + r;
      const inv = 1 / Math.sqrt(2 * r * u);
      const t = b / u;
      c3 = u * inv;
      s3 = b * inv;
      a00 -= t * a02;
      a22 += t * a02;
      a02 = 0;
    }
    let c4 = 1;
    let s4 = 0;
    if (a13 * a13 > PAIR_TOL * Math.abs(a11 * a33)) {
      rotated = true;
      const df = a33 - a11;
      const b = df >= 0 ? 2 * a13 : -2 * a13;
      const r = Math.sqrt(df * df + b * b);
      const u = Math.abs(df) + r;
      const inv = 1 / Math.sqrt(2 * r * u);
      const t = b / u;
      c4 = u * inv;
      s4 = b * inv;
      a11 -= t * a13;
      a33 += t * a13;
      a13 = 0;
    }
    if (s3 !== 0) {
      const a01_ = a01;
      a01 = c3 * a01_ - s3 * a12;
      a12 = s3 * a01_ + c3 * a12;
      const a03_ = a03;
      a03 = c3 * a03_ - s3 * a23;
      a23 = s3 * a03_ + c3 * a23;
      const v00_ = v00;
      v00 = c3 * v00_ - s3 * v02;
      v02 = s3 * v00_ + c3 * v02;
      const v10_ = v10;
      v10 = c3 * v10_ - s3 * v12;
      v12 = s3 * v10_ + c3 * v12;
      const v20_ = v20;
      v20 = c3 * v20_ - s3 * v22;
      v22 = s3 * v20_ + c3 * v22;
      const v30_ = v30;
      v30 = c3 * v30_ - s3 * v32;
      v32 = s3 * v30_ + c3 * v32;
    }
    if (s4 !== 0) {
      const a01_ = a01;
      a01 = c4 * a01_ - s4 * a03;
      a03 = s4 * a01_ + c4 * a03;
      const a12_ = a12;
      a12 = c4 * a12_ - s4 * a23;
      a23 = s4 * a12_ + c4 * a23;
      const v01_ = v01;
      v01 = c4 * v01_ - s4 * v03;
      v03 = s4 * v01_ + c4 * v03;
      const v11_ = v11;
      v11 = c4 * v11_ - s4 * v13;
      v13 = s4 * v11_ + c4 * v13;
      const v21_ = v21;
      v21 = c4 * v21_ - s4 * v23;
      v23 = s4 * v21_ + c4 * v23;
      const v31_ = v31;
      v31 = c4 * v31_ - s4 * v33;
      v33 = s4 * v31_ + c4 * v33;
    }
    // Rotations (0, 3) and (1, 2): disjoint pairs, angles independent.
    let c5 = 1;
    let s5 = 0;
    if (a03 * a03 > PAIR_TOL * Math.abs(a00 * a33)) {
      rotated = true;
      const df = a33 - a00;
      const b = df >= 0 ? 2 * a03 : -2 * a03;
      const r = Math.sqrt(df * df + b * b);
      const u = Math.abs(df) + r;
      const inv = 1 / Math.sqrt(2 * r * u);
      const t = b / u;
      c5 = u * inv;
      s5 = b * inv;
      a00 -= t * a03;
      a33 += t * a03;
      a03 = 0;
    }
    let c6 = 1;
    let s6 = 0;
    if (a12 * a12 > PAIR_TOL * Math.abs(a11 * a22)) {
      rotated = true;
      const df = a22 - a11;
      const b = df >= 0 ? 2 * a12 : -2 * a12;
      const r = Math.sqrt(df * df + b * b);
      const u = Math.abs(df) + r;
      const inv = 1 / Math.sqrt(2 * r * u);
      const t = b / u;
      c6 = u * inv;
      s6 = b * inv;
      a11 -= t * a12;
      a22 += t * a12;
      a12 = 0;
    }
    if (s5 !== 0) {
      const a01_ = a01;
      a01 = c5 * a01_ - s5 * a13;
      a13 = s5 * a01_ + c5 * a13;
      const a02_ = a02;
      a02 = c5 * a02_ - s5 * a23;
      a23 = s5 * a02_ + c5 * a23;
      const v00_ = v00;
      v00 = c5 * v00_ - s5 * v03;
      v03 = s5 * v00_ + c5 * v03;
      const v10_ = v10;
      v10 = c5 * v10_ - s5 * v13;
      v13 = s5 * v10_ + c5 * v13;
      const v20_ = v20;
      v20 = c5 * v20_ - s5 * v23;
      v23 = s5 * v20_ + c5 * v23;
      const v30_ = v30;
      v30 = c5 * v30_ - s5 * v33;
      v33 = s5 * v30_ + c5 * v33;
    }
    if (s6 !== 0) {
      const a01_ = a01;
      a01 = c6 * a01_ - s6 * a02;
      a02 = s6 * a01_ + c6 * a02;
      const a13_ = a13;
      a13 = c6 * a13_ - s6 * a23;
      a23 = s6 * a13_ + c6 * a23;
      const v01_ = v01;
      v01 = c6 * v01_ - s6 * v02;
      v02 = s6 * v01_ + c6 * v02;
      const v11_ = v11;
      v11 = c6 * v11_ - s6 * v12;
      v12 = s6 * v11_ + c6 * v12;
      const v21_ = v21;
      v21 = c6 * v21_ - s6 * v22;
      v22 = s6 * v21_ + c6 * v22;
      const v31_ = v31;
      v31 = c6 * v31_ - s6 * v32;
      v32 = s6 * v31_ + c6 * v32;
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
