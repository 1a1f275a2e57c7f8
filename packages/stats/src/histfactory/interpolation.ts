/**
 * HistFactory interpolation of systematic variations (pyhf `interpolators`), each returning the
 * value and its first and second derivatives with respect to the nuisance parameter α.
 *
 * - normsys (multiplicative factor f(α), f(0) = 1, f(1) = hi, f(−1) = lo):
 *   code1 f = hi^α (α ≥ 0), lo^(−α) (α < 0);
 *   code4 as code1 for |α| ≥ 1, a 6th-order polynomial 1 + Σ aᵢαⁱ matching f, f′, f″ at α = ±1 inside.
 * - histosys (additive shift Δ(α) of a bin, from hi/lo/nominal yields):
 *   code0 Δ = α(hi − nom) (α ≥ 0), α(nom − lo) (α < 0);
 *   code4p as code0 for |α| > 1, Δ = α(S + αA(15 + α²(3α² − 10))) inside with
 *   S = (δ₊ + δ₋)/2, A = (δ₊ − δ₋)/16, δ₊ = hi − nom, δ₋ = nom − lo.
 *
 * @module
 */

/** normsys interpolation codes (pyhf names). */
export type NormsysCode = 'code1' | 'code4';
/** histosys interpolation codes (pyhf names). */
export type HistosysCode = 'code0' | 'code4p';

/** Solves the 6×6 system for the code4 polynomial coefficients a₁…a₆ (α₀ = 1, as pyhf). */
export function code4Coefficients(hi: number, lo: number): Float64Array {
  const lh = Math.log(hi);
  const ll = Math.log(lo);
  // Augmented 6×7 system (row-major): f(±1) − 1, f'(±1), f''(±1) for f = 1 + Σ a_i α^i.
  const a = new Float64Array(42);
  const rhs = [hi - 1, lo - 1, hi * lh, -lo * ll, hi * lh * lh, lo * ll * ll];
  for (let r = 0; r < 6; r++) {
    const x = r % 2 === 0 ? 1 : -1;
    const deriv = Math.floor(r / 2);
    for (let i = 1; i <= 6; i++) {
      const c = deriv === 0 ? 1 : deriv === 1 ? i : i * (i - 1);
      a[r * 7 + i - 1] = i - deriv >= 0 ? c * x ** (i - deriv) : 0;
    }
    a[r * 7 + 6] = rhs[r] as number;
  }
  const at = (r: number, c: number): number => a[r * 7 + c] as number;
  for (let c = 0; c < 6; c++) {
    let p = c;
    for (let r = c + 1; r < 6; r++) if (Math.abs(at(r, c)) > Math.abs(at(p, c))) p = r;
    for (let k = 0; k < 7; k++) {
      const t = at(c, k);
      a[c * 7 + k] = at(p, k);
      a[p * 7 + k] = t;
    }
    for (let r = 0; r < 6; r++) {
      if (r === c) continue;
      const f = at(r, c) / at(c, c);
      for (let k = c; k < 7; k++) a[r * 7 + k] = at(r, k) - f * at(c, k);
    }
  }
  return Float64Array.from({ length: 6 }, (_, i) => at(i, 6) / at(i, i));
}

/**
 * normsys factor and derivatives at α; `coef` from {@link code4Coefficients} (only for code4).
 * Writes [f, df/dα, d²f/dα²] into `out` (length ≥ 3).
 */
export function normsysFactor(
  code: NormsysCode,
  hi: number,
  lo: number,
  coef: Float64Array | null,
  alpha: number,
  out: Float64Array,
): void {
  if (code === 'code1' || Math.abs(alpha) >= 1 || coef === null) {
    if (alpha >= 0) {
      const f = hi ** alpha;
      const l = Math.log(hi);
      out[0] = f;
      out[1] = f * l;
      out[2] = f * l * l;
    } else {
      const f = lo ** -alpha;
      const l = Math.log(lo);
      out[0] = f;
      out[1] = -f * l;
      out[2] = f * l * l;
    }
    return;
  }
  let f = 1;
  let d = 0;
  let d2 = 0;
  let pm = 0; // alpha^(i-2)
  let p = 1; // alpha^(i-1)
  for (let i = 1; i <= 6; i++) {
    const c = coef[i - 1] as number;
    d2 += i * (i - 1) * c * pm;
    d += i * c * p;
    pm = p;
    p *= alpha;
    f += c * p;
  }
  out[0] = f;
  out[1] = d;
  out[2] = d2;
}

/** histosys additive shift and derivatives at α for one bin; writes [Δ, dΔ/dα, d²Δ/dα²] into `out`. */
export function histosysDelta(
  code: HistosysCode,
  hi: number,
  nom: number,
  lo: number,
  alpha: number,
  out: Float64Array,
): void {
  const up = hi - nom;
  const dn = nom - lo;
  if (code === 'code0' || Math.abs(alpha) > 1) {
    const s = alpha >= 0 ? up : dn;
    out[0] = alpha * s;
    out[1] = s;
    out[2] = 0;
    return;
  }
  const S = 0.5 * (up + dn);
  const A = 0.0625 * (up - dn);
  const a2 = alpha * alpha;
  out[0] = alpha * (S + alpha * A * (15 + a2 * (3 * a2 - 10)));
  out[1] = S + A * alpha * (30 + a2 * (18 * a2 - 40));
  out[2] = A * (30 + a2 * (90 * a2 - 120));
}
