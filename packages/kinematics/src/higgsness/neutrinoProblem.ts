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

/**
 * Residual of one constraint, up to its sign (χ² = Σ r² does not see it), at the squared mass
 * qRaw (clamped at 0), constraint mass M (GeV) and s = 1/σ² (squared form: r = (q − M²)/σ²) or
 * s = −1/σ (linear form: r = (√q − M)/σ); see the module doc.
 */
function residualValue(qRaw: number, M: number, s: number): number {
  const q = Math.max(qRaw, 0);
  return s < 0 ? (Math.sqrt(q) - M) * s : (q - M * M) * s;
}

/** One χ² of the form above, with preallocated work buffers (no allocation per evaluation). */
export class NeutrinoProblem {
  /** Number of constraints. */
  n = 0;
  /** p⃗T^miss (GeV). */
  metx = 0;
  mety = 0;
  /**
   * Constraints, 8 numbers each: the visible four-vector [px, py, pz, E] (GeV), on1 and on2 (1
   * where ν₁, resp. ν₂, belongs to the system), the target mass Mₖ (GeV), and the scale: 1/σₖ² for
   * the `'squared'` residual, −1/σₖ for the `'linear'` one (the sign selects the form).
   */
  readonly constraints = new Float64Array(8 * MAX_CONSTRAINTS);
  /**
   * Set by {@link derivatives}: Newton matrix JᵀJ + Σ r∇²r (4 × 4 row-major) and gradient Jᵀr
   * (J: Jacobian of the residuals r).
   */
  readonly hess = new Float64Array(16);
  readonly grad = new Float64Array(4);
  /** χ² at the point of the last {@link derivatives} or {@link lineDerivatives}. */
  value = 0;
  /** Set by {@link lineDerivatives}: d(½χ²)/dz and d²(½χ²)/dz² along the tip line. */
  lineGrad = 0;
  lineHess = 0;
  /** Tip-line constants of {@link setTipLine}: per constraint [on, T_x², T_y², V_z, V_E]; |p⃗T^miss|². */
  private readonly line = new Float64Array(5 * MAX_CONSTRAINTS);
  private lineM2 = 0;
  /**
   * Set by {@link setTipLine}: a lower bound of the χ² on the whole tip line, Σ over the terms of
   * each term's minimum on the line (constant terms as they are; see {@link setTipLine}). For the
   * computed values too: constant terms are computed by the same operations as in {@link lineChi2},
   * the others' bounds have a margin of 1e-9 of m²'s scale against rounding, and a rounded sum of
   * non-negative terms does not decrease when a term does not.
   */
  lineFloor = 0;

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
    const c = this.constraints;
    const o = 8 * this.n++;
    c[o] = px;
    c[o + 1] = py;
    c[o + 2] = pz;
    c[o + 3] = E;
    c[o + 4] = on1;
    c[o + 5] = on2;
    c[o + 6] = mass;
    c[o + 7] = linear ? -1 / sigma : 1 / (sigma * sigma);
  }

  /** χ² at x = [ν₁x, ν₁y, ν₁z, ν₂z]. */
  chi2(x0: number, x1: number, x2: number, x3: number): number {
    const n2x = this.metx - x0;
    const n2y = this.mety - x1;
    const e1 = Math.sqrt(x0 * x0 + x1 * x1 + x2 * x2);
    const e2 = Math.sqrt(n2x * n2x + n2y * n2y + x3 * x3);
    const c = this.constraints;
    const n = this.n;
    let chi2 = 0;
    for (let k = 0; k < n; k++) {
      const o = 8 * k;
      let tx = c[o] as number;
      let ty = c[o + 1] as number;
      let tz = c[o + 2] as number;
      let te = c[o + 3] as number;
      if (c[o + 4] !== 0) {
        tx += x0;
        ty += x1;
        tz += x2;
        te += e1;
      }
      if (c[o + 5] !== 0) {
        tx += n2x;
        ty += n2y;
        tz += x3;
        te += e2;
      }
      const qRaw = (te - tz) * (te + tz) - tx * tx - ty * ty;
      const r = residualValue(qRaw, c[o + 6] as number, c[o + 7] as number);
      chi2 += r * r;
    }
    return chi2;
  }

  /**
   * Gradient g = Jᵀr and Newton matrix H = JᵀJ + Σ rₖ∇²rₖ (J: Jacobian of the residuals r; ½χ²
   * has gradient g and Hessian H) at x = [ν₁x, ν₁y, ν₁z, ν₂z], and {@link value} = χ². (x comes
   * as an array and χ² goes to a field: V8 boxes the number arguments and the number result of a
   * call it does not inline, which was most of the minimiser's garbage.)
   */
  derivatives(x: Float64Array): void {
    const x0 = x[0] as number;
    const x1 = x[1] as number;
    const x2 = x[2] as number;
    const x3 = x[3] as number;
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
    const c = this.constraints;
    const n = this.n;
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
      const o = 8 * k;
      const on1 = c[o + 4] !== 0;
      const on2 = c[o + 5] !== 0;
      let tx = c[o] as number;
      let ty = c[o + 1] as number;
      let tz = c[o + 2] as number;
      let te = c[o + 3] as number;
      if (on1) {
        tx += x0;
        ty += x1;
        tz += x2;
        te += e1;
      }
      if (on2) {
        tx += n2x;
        ty += n2y;
        tz += x3;
        te += e2;
      }
      const qRaw = (te - tz) * (te + tz) - tx * tx - ty * ty;
      const M = c[o + 6] as number;
      const s = c[o + 7] as number; // 1/σ² (squared form) or −1/σ (linear form)
      // rk = φ(q) (residualValue up to sign); dphi = φ′(q); curv = r·φ″/φ′² (rank-one part of r∇²r,
      // linear form only). Written out in both derivatives and lineDerivatives: a helper handing φ′
      // back through a scratch array made the minimiser ~10 % slower (measured).
      const q = Math.max(qRaw, 0);
      let rk: number;
      let dphi: number;
      let curv = 0;
      if (s < 0) {
        const w = -s;
        const m = Math.sqrt(q);
        rk = (m - M) * w;
        dphi = m > 0 ? (0.5 * w) / m : 0;
        curv = m > 0 ? -rk / (w * m) : 0;
      } else {
        rk = (q - M * M) * s;
        dphi = qRaw > 0 ? s : 0;
      }
      chi2 += rk * rk;
      // ∂q/∂ν⃗₁ = 2a(T_E û₁ − T⃗), ∂q/∂ν⃗₂ = 2b(T_E û₂ − T⃗); chain rule to x: Jₖ = φ′·(∂q/∂ν₁x −
      // ∂q/∂ν₂x, ∂q/∂ν₁y − ∂q/∂ν₂y, ∂q/∂ν₁z, ∂q/∂ν₂z). Then JₖJₖᵀ plus the rank-one part
      // r φ″ ∇q∇qᵀ = curv·JₖJₖᵀ (linear form); a constraint on one neutrino has Jₖ₃ = 0 (ν₁ only)
      // or Jₖ₂ = 0 (ν₂ only), and those entries are skipped.
      const wq = rk * dphi;
      const cc = 1 + curv;
      if (on1 && on2) {
        const j0 = dphi * (2 * (te * u1x - tx) - 2 * (te * u2x - tx));
        const j1 = dphi * (2 * (te * u1y - ty) - 2 * (te * u2y - ty));
        const j2 = dphi * (2 * (te * u1z - tz));
        const j3 = dphi * (2 * (te * u2z - tz));
        g0 += j0 * rk;
        g1 += j1 * rk;
        g2 += j2 * rk;
        g3 += j3 * rk;
        const cj0 = cc * j0;
        const cj1 = cc * j1;
        const cj2 = cc * j2;
        h00 += cj0 * j0;
        h01 += cj0 * j1;
        h02 += cj0 * j2;
        h03 += cj0 * j3;
        h11 += cj1 * j1;
        h12 += cj1 * j2;
        h13 += cj1 * j3;
        h22 += cj2 * j2;
        h23 += cj2 * j3;
        h33 += cc * j3 * j3;
        alpha1 += e1 > 0 ? wq * 2 * (te * i1 - 1) : 0;
        alpha2 += e2 > 0 ? wq * 2 * (te * i2 - 1) : 0;
        beta += wq * 2;
      } else if (on1) {
        const j0 = dphi * (2 * (te * u1x - tx));
        const j1 = dphi * (2 * (te * u1y - ty));
        const j2 = dphi * (2 * (te * u1z - tz));
        g0 += j0 * rk;
        g1 += j1 * rk;
        g2 += j2 * rk;
        const cj0 = cc * j0;
        const cj1 = cc * j1;
        const cj2 = cc * j2;
        h00 += cj0 * j0;
        h01 += cj0 * j1;
        h02 += cj0 * j2;
        h11 += cj1 * j1;
        h12 += cj1 * j2;
        h22 += cj2 * j2;
        alpha1 += e1 > 0 ? wq * 2 * (te * i1 - 1) : 0;
      } else if (on2) {
        const j0 = -dphi * (2 * (te * u2x - tx));
        const j1 = -dphi * (2 * (te * u2y - ty));
        const j3 = dphi * (2 * (te * u2z - tz));
        g0 += j0 * rk;
        g1 += j1 * rk;
        g3 += j3 * rk;
        const cj0 = cc * j0;
        const cj1 = cc * j1;
        h00 += cj0 * j0;
        h01 += cj0 * j1;
        h03 += cj0 * j3;
        h11 += cj1 * j1;
        h13 += cj1 * j3;
        h33 += cc * j3 * j3;
        alpha2 += e2 > 0 ? wq * 2 * (te * i2 - 1) : 0;
      }
    }
    this.grad[0] = g0;
    this.grad[1] = g1;
    this.grad[2] = g2;
    this.grad[3] = g3;
    const H = this.hess;
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
    this.value = chi2;
  }

  /**
   * Prepares {@link lineChi2} and {@link lineDerivatives} for the cone-tip line where neutrino
   * `vanishing` (1 or 2) is zero and the other one is (METx, METy, z): x = (METx, METy, z, 0) for
   * `vanishing` 2, x = (0, 0, 0, z) for 1. Per constraint, only T_z and T_E vary along the line,
   * so T_x², T_y² are stored once (the same operations as {@link chi2} and {@link derivatives}
   * perform at those x, so the values agree to the last bit). Also sets {@link lineFloor}.
   */
  setTipLine(vanishing: 1 | 2): void {
    const c = this.constraints;
    const l = this.line;
    const mx = this.metx;
    const my = this.mety;
    for (let k = 0; k < this.n; k++) {
      const o = 8 * k;
      const on = vanishing === 2 ? (c[o + 4] as number) : (c[o + 5] as number);
      const tx = (c[o] as number) + on * mx;
      const ty = (c[o + 1] as number) + on * my;
      l[5 * k] = on;
      l[5 * k + 1] = tx * tx;
      l[5 * k + 2] = ty * ty;
      l[5 * k + 3] = c[o + 2] as number;
      l[5 * k + 4] = c[o + 3] as number;
    }
    this.lineM2 = mx * mx + my * my;
    // Lower bound of the χ² on the line, term by term. A constraint without the moving neutrino
    // has a constant term. One with it has m² = (V_E + |ν|)² − (V_z + z)² − T_T², whose minimum
    // over z is m²_min = (E_T + |p⃗T^miss|)² − T_T² with E_T = √(V_E² − V_z²) (the transverse mass of
    // V and the massless neutrino; at z = |p⃗T^miss|·V_z/E_T); the term is then at least its value at
    // m²_min where m²_min > M² (φ increases there), less 1e-9 of the scale of m² for rounding.
    const met = Math.sqrt(this.lineM2);
    let floor = 0;
    for (let k = 0; k < this.n; k++) {
      const tx2 = l[5 * k + 1] as number;
      const ty2 = l[5 * k + 2] as number;
      const vz = l[5 * k + 3] as number;
      const ve = l[5 * k + 4] as number;
      let qRaw: number;
      if (l[5 * k] === 0) qRaw = (ve - vz) * (ve + vz) - tx2 - ty2;
      else {
        if (!(ve > Math.abs(vz))) continue;
        const et = Math.sqrt((ve - vz) * (ve + vz)) + met;
        qRaw = et * et - tx2 - ty2 - 1e-9 * (et * et + tx2 + ty2);
        const M = c[8 * k + 6] as number;
        if (!(qRaw > M * M)) continue;
      }
      const r = residualValue(qRaw, c[8 * k + 6] as number, c[8 * k + 7] as number);
      floor += r * r;
    }
    this.lineFloor = floor;
  }

  /** χ² at coordinate z of the tip line of {@link setTipLine}. */
  lineChi2(z: number): number {
    const e = Math.sqrt(this.lineM2 + z * z);
    const c = this.constraints;
    const l = this.line;
    let chi2 = 0;
    for (let k = 0; k < this.n; k++) {
      const on = l[5 * k] as number;
      const tz = (l[5 * k + 3] as number) + on * z;
      const te = (l[5 * k + 4] as number) + on * e;
      const qRaw = (te - tz) * (te + tz) - (l[5 * k + 1] as number) - (l[5 * k + 2] as number);
      const r = residualValue(qRaw, c[8 * k + 6] as number, c[8 * k + 7] as number);
      chi2 += r * r;
    }
    return chi2;
  }

  /**
   * At z = x[k] on the tip line of {@link setTipLine}: sets {@link value} = χ², {@link lineGrad}
   * and {@link lineHess}, the first and second derivatives of ½χ² along z (the entries of
   * {@link derivatives}' g and H for that coordinate).
   */
  lineDerivatives(x: Float64Array, k: 2 | 3): void {
    const z = x[k] as number;
    const e = Math.sqrt(this.lineM2 + z * z);
    const ie = e > 0 ? 1 / e : 0;
    const uz = z * ie;
    const c = this.constraints;
    const l = this.line;
    let chi2 = 0;
    let g = 0;
    let h = 0;
    let alpha = 0;
    for (let k = 0; k < this.n; k++) {
      const on = l[5 * k] as number;
      const tz = (l[5 * k + 3] as number) + on * z;
      const te = (l[5 * k + 4] as number) + on * e;
      const qRaw = (te - tz) * (te + tz) - (l[5 * k + 1] as number) - (l[5 * k + 2] as number);
      const M = c[8 * k + 6] as number;
      const s = c[8 * k + 7] as number;
      // rk = φ(q) (residualValue up to sign); dphi = φ′(q); curv = r·φ″/φ′² (rank-one part of r∇²r,
      // linear form only). Written out in both derivatives and lineDerivatives: a helper handing φ′
      // back through a scratch array made the minimiser ~10 % slower (measured).
      const q = Math.max(qRaw, 0);
      let rk: number;
      let dphi: number;
      let curv = 0;
      if (s < 0) {
        const w = -s;
        const m = Math.sqrt(q);
        rk = (m - M) * w;
        dphi = m > 0 ? (0.5 * w) / m : 0;
        curv = m > 0 ? -rk / (w * m) : 0;
      } else {
        rk = (q - M * M) * s;
        dphi = qRaw > 0 ? s : 0;
      }
      chi2 += rk * rk;
      const j = dphi * (2 * on * (te * uz - tz));
      g += j * rk;
      h += (1 + curv) * j * j;
      alpha += e > 0 ? rk * dphi * 2 * on * (te * ie - 1) : 0;
    }
    this.lineGrad = g;
    this.lineHess = h + alpha * (1 - uz * uz);
    this.value = chi2;
  }
}
