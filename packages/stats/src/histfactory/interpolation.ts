/**
 * HistFactory interpolation of systematic variations (pyhf `interpolators`), each returning the
 * value and its derivative with respect to the nuisance parameter α.
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
  // Rows: f(1)−1, f(−1)−1, f'(1), f'(−1), f''(1), f''(−1) for f = 1 + Σ a_i α^i.
  const m: number[][] = [];
  const rhs = [hi - 1, lo - 1, hi * lh, -lo * ll, hi * lh * lh, lo * ll * ll];
  for (const x of [1, -1]) m.push([1, 2, 3, 4, 5, 6].map((i) => x ** i));
  for (const x of [1, -1]) m.push([1, 2, 3, 4, 5, 6].map((i) => i * x ** (i - 1)));
  for (const x of [1, -1]) m.push([1, 2, 3, 4, 5, 6].map((i) => i * (i - 1) * x ** (i - 2)));
  const order = [0, 2, 4, 1, 3, 5];
  const a = order.map((r) => [...m[r], rhs[r]]);
  for (let c = 0; c < 6; c++) {
    let p = c;
    for (let r = c + 1; r < 6; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    [a[c], a[p]] = [a[p], a[c]];
    for (let r = 0; r < 6; r++) {
      if (r === c) continue;
      const f = a[r][c] / a[c][c];
      for (let k = c; k < 7; k++) a[r][k] -= f * a[c][k];
    }
  }
  return Float64Array.from(a.map((row, i) => row[6] / row[i]));
}

/**
 * normsys factor and derivative at α; `coef` from {@link code4Coefficients} (only for code4).
 * Writes [f, df/dα] into `out`.
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
      out[0] = f;
      out[1] = f * Math.log(hi);
    } else {
      const f = lo ** -alpha;
      out[0] = f;
      out[1] = -f * Math.log(lo);
    }
    return;
  }
  let f = 1;
  let d = 0;
  let p = 1; // alpha^(i-1)
  for (let i = 1; i <= 6; i++) {
    d += i * coef[i - 1] * p;
    p *= alpha;
    f += coef[i - 1] * p;
  }
  out[0] = f;
  out[1] = d;
}

/** histosys additive shift and derivative at α for one bin; writes [Δ, dΔ/dα] into `out`. */
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
    return;
  }
  const S = 0.5 * (up + dn);
  const A = 0.0625 * (up - dn);
  const a2 = alpha * alpha;
  out[0] = alpha * (S + alpha * A * (15 + a2 * (3 * a2 - 10)));
  out[1] = S + A * alpha * (30 + a2 * (18 * a2 - 40));
}
