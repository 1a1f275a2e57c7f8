/**
 * The two-neutrino mass-constraint χ² behind Higgsness and Topness (FORMULAS.md §7), with its
 * analytic gradient and Hessian, for the minimiser in `minimise.ts`. Internal module.
 *
 * Parameters x = [ν₁x, ν₁y, ν₁z, ν₂z] (GeV); ν₂T = p⃗T^miss − ν₁T; neutrinos massless. The χ² is
 * Σₖ rₖ² over up to four constraints. Constraint k is the invariant mass² qₖ = (Vₖ + aₖν₁ + bₖν₂)²
 * of a visible four-vector Vₖ plus ν₁ (aₖ = 1) and/or ν₂ (bₖ = 1), with residual
 *   `'squared'`: rₖ = (max(qₖ, 0) − Mₖ²)/σₖ²   (the published form),
 *   `'linear'`:  rₖ = (√max(qₖ, 0) − Mₖ)/σₖ     (HEP-KBFI/tth-htt "fixed" form).
 *
 * Derivatives (T = Vₖ + aₖν₁ + bₖν₂, ûᵢ = ν⃗ᵢ/|ν⃗ᵢ|):
 *   ∂q/∂ν⃗₁ = 2a(T_E û₁ − T⃗),  ∂²q/∂ν⃗₁² = 2a(T_E/|ν₁| − 1)(𝟙 − û₁û₁ᵀ),  ∂²q/∂ν⃗₁∂ν⃗₂ = 2ab(û₁û₂ᵀ − 𝟙),
 * and likewise for ν₂. Because û₁, û₂ are shared by all constraints, the second-order part
 * Σₖ rₖ∇²rₖ of the Hessian needs only three accumulated scalars.
 *
 * @module
 */

/** Maximum number of mass constraints in one χ². */
export const MAX_CONSTRAINTS = 4;

/** One χ² of the form above, with preallocated work buffers (no allocation per evaluation). */
export class NeutrinoProblem {
  /** Number of constraints. */
  n = 0;
  /** p⃗T^miss (GeV). */
  metx = 0;
  mety = 0;
  /** Visible four-vectors [px, py, pz, E] of the constraints, 4 per constraint. */
  readonly vis = new Float64Array(4 * MAX_CONSTRAINTS);
  /** 1 where ν₁ (resp. ν₂) belongs to the constraint's system. */
  readonly on1 = new Float64Array(MAX_CONSTRAINTS);
  readonly on2 = new Float64Array(MAX_CONSTRAINTS);
  /** Target masses Mₖ (GeV), and 1/σₖ (linear form) or 1/σₖ² (squared form). */
  readonly mass = new Float64Array(MAX_CONSTRAINTS);
  readonly scale = new Float64Array(MAX_CONSTRAINTS);
  /** 1 for the `'linear'` residual, 0 for `'squared'`. */
  readonly linear = new Uint8Array(MAX_CONSTRAINTS);
  /**
   * Set by {@link derivatives}: residuals, Jacobian (row-major n × 4), Newton matrix
   * JᵀJ + Σ r∇²r (4 × 4 row-major) and gradient Jᵀr.
   */
  readonly r = new Float64Array(MAX_CONSTRAINTS);
  readonly jac = new Float64Array(4 * MAX_CONSTRAINTS);
  readonly hess = new Float64Array(16);
  readonly grad = new Float64Array(4);

  /** Removes all constraints and sets p⃗T^miss (GeV). */
  reset(metx: number, mety: number): void {
    this.n = 0;
    this.metx = metx;
    this.mety = mety;
  }

  /** Appends a constraint on (V + on1·ν₁ + on2·ν₂) with target mass `mass` and width `sigma`. */
  add(
    px: number,
    py: number,
    pz: number,
    E: number,
    on1: 0 | 1,
    on2: 0 | 1,
    mass: number,
    sigma: number,
    linear: boolean,
  ): void {
    const k = this.n++;
    this.vis[4 * k] = px;
    this.vis[4 * k + 1] = py;
    this.vis[4 * k + 2] = pz;
    this.vis[4 * k + 3] = E;
    this.on1[k] = on1;
    this.on2[k] = on2;
    this.mass[k] = mass;
    this.scale[k] = linear ? 1 / sigma : 1 / (sigma * sigma);
    this.linear[k] = linear ? 1 : 0;
  }

  /** χ² at x = [ν₁x, ν₁y, ν₁z, ν₂z]. */
  chi2(x0: number, x1: number, x2: number, x3: number): number {
    const n2x = this.metx - x0;
    const n2y = this.mety - x1;
    const e1 = Math.sqrt(x0 * x0 + x1 * x1 + x2 * x2);
    const e2 = Math.sqrt(n2x * n2x + n2y * n2y + x3 * x3);
    const { vis, on1, on2, mass, scale, linear, n } = this;
    let chi2 = 0;
    for (let k = 0; k < n; k++) {
      const a = on1[k] as number;
      const b = on2[k] as number;
      const tx = (vis[4 * k] as number) + a * x0 + b * n2x;
      const ty = (vis[4 * k + 1] as number) + a * x1 + b * n2y;
      const tz = (vis[4 * k + 2] as number) + a * x2 + b * x3;
      const te = (vis[4 * k + 3] as number) + a * e1 + b * e2;
      const q = Math.max((te - tz) * (te + tz) - tx * tx - ty * ty, 0);
      const M = mass[k] as number;
      const w = scale[k] as number;
      const r = linear[k] === 1 ? (Math.sqrt(q) - M) * w : (q - M * M) * w;
      chi2 += r * r;
    }
    return chi2;
  }

  /**
   * Residuals, Jacobian, gradient g = Jᵀr and Newton matrix H = JᵀJ + Σ rₖ∇²rₖ (so that ½χ² has
   * gradient g and Hessian H) at x. Returns χ².
   */
  derivatives(x0: number, x1: number, x2: number, x3: number): number {
    const n2x = this.metx - x0;
    const n2y = this.mety - x1;
    const e1 = Math.sqrt(x0 * x0 + x1 * x1 + x2 * x2);
    const e2 = Math.sqrt(n2x * n2x + n2y * n2y + x3 * x3);
    // Unit vectors (zero at the cone tip |ν| = 0, where the χ² is not differentiable).
    const i1 = e1 > 0 ? 1 / e1 : 0;
    const i2 = e2 > 0 ? 1 / e2 : 0;
    const u1x = x0 * i1;
    const u1y = x1 * i1;
    const u1z = x2 * i1;
    const u2x = n2x * i2;
    const u2y = n2y * i2;
    const u2z = x3 * i2;
    const { vis, on1, on2, mass, scale, linear, n } = this;
    const r = this.r;
    const J = this.jac;
    let h00 = 0;
    let h01 = 0;
    let h02 = 0;
    let h03 = 0;
    let h11 = 0;
    let h12 = 0;
    let h13 = 0;
    let h22 = 0;
    let h23 = 0;
    let h33 = 0;
    let chi2 = 0;
    let alpha1 = 0; // Σ w·2a(T_E/|ν₁| − 1)
    let alpha2 = 0; // Σ w·2b(T_E/|ν₂| − 1)
    let beta = 0; // Σ w·2ab
    let g0 = 0;
    let g1 = 0;
    let g2 = 0;
    let g3 = 0;
    for (let k = 0; k < n; k++) {
      const a = on1[k] as number;
      const b = on2[k] as number;
      const tx = (vis[4 * k] as number) + a * x0 + b * n2x;
      const ty = (vis[4 * k + 1] as number) + a * x1 + b * n2y;
      const tz = (vis[4 * k + 2] as number) + a * x2 + b * x3;
      const te = (vis[4 * k + 3] as number) + a * e1 + b * e2;
      const qRaw = (te - tz) * (te + tz) - tx * tx - ty * ty;
      const q = Math.max(qRaw, 0);
      const M = mass[k] as number;
      const w = scale[k] as number; // 1/σ or 1/σ²
      // rk = φ(q); dphi = φ′(q); curv = r·φ″/φ′² (rank-one part of r∇²r, linear form only).
      let rk: number;
      let dphi: number;
      let curv = 0;
      if (linear[k] === 1) {
        const m = Math.sqrt(q);
        rk = (m - M) * w;
        dphi = m > 0 ? (0.5 * w) / m : 0;
        curv = m > 0 ? -rk / (w * m) : 0;
      } else {
        rk = (q - M * M) * w;
        dphi = qRaw > 0 ? w : 0;
      }
      r[k] = rk;
      chi2 += rk * rk;
      // ∂q/∂ν⃗₁ = 2a(T_E û₁ − T⃗), ∂q/∂ν⃗₂ = 2b(T_E û₂ − T⃗); chain rule to x.
      const d1x = 2 * a * (te * u1x - tx);
      const d1y = 2 * a * (te * u1y - ty);
      const d1z = 2 * a * (te * u1z - tz);
      const d2x = 2 * b * (te * u2x - tx);
      const d2y = 2 * b * (te * u2y - ty);
      const d2z = 2 * b * (te * u2z - tz);
      const j0 = dphi * (d1x - d2x);
      const j1 = dphi * (d1y - d2y);
      const j2 = dphi * d1z;
      const j3 = dphi * d2z;
      J[4 * k] = j0;
      J[4 * k + 1] = j1;
      J[4 * k + 2] = j2;
      J[4 * k + 3] = j3;
      g0 += j0 * rk;
      g1 += j1 * rk;
      g2 += j2 * rk;
      g3 += j3 * rk;
      const c = 1 + curv; // JₖJₖᵀ plus the rank-one part r φ″ ∇q∇qᵀ = curv·JₖJₖᵀ (linear form)
      h00 += c * j0 * j0;
      h01 += c * j0 * j1;
      h02 += c * j0 * j2;
      h03 += c * j0 * j3;
      h11 += c * j1 * j1;
      h12 += c * j1 * j2;
      h13 += c * j1 * j3;
      h22 += c * j2 * j2;
      h23 += c * j2 * j3;
      h33 += c * j3 * j3;
      const wq = rk * dphi;
      alpha1 += e1 > 0 ? wq * 2 * a * (te * i1 - 1) : 0;
      alpha2 += e2 > 0 ? wq * 2 * b * (te * i2 - 1) : 0;
      beta += wq * 2 * a * b;
    }
    this.grad[0] = g0;
    this.grad[1] = g1;
    this.grad[2] = g2;
    this.grad[3] = g3;
    // Σ w∇²q in ν space: S11 = α1(𝟙 − û₁û₁ᵀ), S22 = α2(𝟙 − û₂û₂ᵀ), S12 = β(û₁û₂ᵀ − 𝟙); mapped to x
    // with ν₁ = (x0, x1, x2), ν₂ = (METx − x0, METy − x1, x3).
    const s11xx = alpha1 * (1 - u1x * u1x);
    const s11xy = -alpha1 * u1x * u1y;
    const s11xz = -alpha1 * u1x * u1z;
    const s11yy = alpha1 * (1 - u1y * u1y);
    const s11yz = -alpha1 * u1y * u1z;
    const s11zz = alpha1 * (1 - u1z * u1z);
    const s22xx = alpha2 * (1 - u2x * u2x);
    const s22xy = -alpha2 * u2x * u2y;
    const s22xz = -alpha2 * u2x * u2z;
    const s22yy = alpha2 * (1 - u2y * u2y);
    const s22yz = -alpha2 * u2y * u2z;
    const s22zz = alpha2 * (1 - u2z * u2z);
    const s12xx = beta * (u1x * u2x - 1);
    const s12xy = beta * u1x * u2y;
    const s12xz = beta * u1x * u2z;
    const s12yx = beta * u1y * u2x;
    const s12yy = beta * (u1y * u2y - 1);
    const s12yz = beta * u1y * u2z;
    const s12zx = beta * u1z * u2x;
    const s12zy = beta * u1z * u2y;
    // x0 = +ν₁x, −ν₂x; x1 = +ν₁y, −ν₂y; x2 = +ν₁z; x3 = +ν₂z.
    h00 += s11xx - 2 * s12xx + s22xx;
    h01 += s11xy - s12xy - s12yx + s22xy;
    h02 += s11xz - s12zx;
    h03 += s12xz - s22xz;
    h11 += s11yy - 2 * s12yy + s22yy;
    h12 += s11yz - s12zy;
    h13 += s12yz - s22yz;
    h22 += s11zz;
    h23 += beta * (u1z * u2z - 1);
    h33 += s22zz;
    const H = this.hess;
    H[0] = h00;
    H[1] = h01;
    H[2] = h02;
    H[3] = h03;
    H[4] = h01;
    H[5] = h11;
    H[6] = h12;
    H[7] = h13;
    H[8] = h02;
    H[9] = h12;
    H[10] = h22;
    H[11] = h23;
    H[12] = h03;
    H[13] = h13;
    H[14] = h23;
    H[15] = h33;
    return chi2;
  }
}
