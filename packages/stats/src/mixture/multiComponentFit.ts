/**
 * Unbinned maximum-likelihood fits of K ≥ 2 template components (paper 001 eq. 11 generalised):
 * - fractions: p(y) = Σ_{k<K} f_k p_k(y) + (1 − Σ f_k) p_K(y), −ln L = −Σ_i ln p(y_i);
 * - extended (yields): n(y) = Σ_k ν_k p_k(y), −ln L = Σ ν_k − Σ_i ln n(y_i) (templates normalised).
 * Both are linear in the parameters, so −ln L is convex: Newton's method with the analytic Hessian
 * and a backtracking line search that keeps the mixture positive at every event and at any
 * `positivityGrid` points (the mixture must stay non-negative everywhere, not only at the data).
 * Uncertainties and correlations come from the inverse Hessian.
 *
 * @module
 */

import { assertFiniteArray, assertNonEmpty, HepInputError } from '@hep/core';
import { inverse, Matrix } from 'ml-matrix';

/** Options of {@link fitMixture}. */
export interface MixtureFitOptions {
  /** Fit yields ν_k (extended likelihood) instead of fractions. */
  extended?: boolean;
  /** Starting values (K − 1 fractions, or K yields). */
  init?: ArrayLike<number>;
  /** Parameters held fixed at their `init` value (indices into the parameter vector). */
  fixed?: readonly number[];
  /** Template densities on a grid covering the domain (K columns of equal length): the mixture
   * must stay ≥ 0 there as well as at the events. */
  positivityGrid?: readonly ArrayLike<number>[];
  /** Stop when the Newton decrement gᵀH⁻¹g/2 falls below this (default 1e-30), or the relative step below 1e-14. */
  tolerance?: number;
  maxIterations?: number;
}

/** Result of {@link fitMixture}. */
export interface MixtureFit {
  /** K − 1 fractions (the last is 1 − Σ) or K yields. */
  values: Float64Array;
  /** Standard errors from the inverse Hessian (0 for fixed parameters). */
  errors: Float64Array;
  /** Covariance matrix (row-major, parameters × parameters). */
  covariance: Float64Array;
  /** −ln L at the minimum. */
  nll: number;
  /** 'converged', 'at-bound' (a positivity constraint stops the descent) or 'failed'. */
  status: 'converged' | 'at-bound' | 'failed';
  iterations: number;
}

/**
 * Fits fractions (default) or yields of K components given each component's density at every
 * event: `templates[k][i]` = p_k(y_i).
 *
 * @example
 * ```ts
 * const fit = fitMixture([kdeSignal.pdf(y), kdeBackground.pdf(y)], { extended: true });
 * // fit.values = [ν_S, ν_B], fit.errors, fit.nll
 * ```
 */
export function fitMixture(
  templates: readonly ArrayLike<number>[],
  options: MixtureFitOptions = {},
): MixtureFit {
  const K = templates.length;
  if (K < 2) throw new HepInputError('templates', `need at least 2 components, got ${K}`);
  const n = templates[0]!.length;
  assertNonEmpty('templates[0]', templates[0]!);
  templates.forEach((t, k) => {
    if (t.length !== n) throw new HepInputError(`templates[${k}]`, `length ${t.length} differs from ${n}`);
    assertFiniteArray(`templates[${k}]`, t);
  });
  const extended = options.extended ?? false;
  const P = extended ? K : K - 1;
  // m_i(θ) = a_i + Σ_k θ_k D[k][i]
  const build = (cols: readonly ArrayLike<number>[]) => {
    const m = cols[0]!.length;
    const a = new Float64Array(m);
    const D = Array.from({ length: P }, () => new Float64Array(m));
    for (let i = 0; i < m; i++) {
      if (extended) for (let k = 0; k < K; k++) D[k]![i] = cols[k]![i] as number;
      else {
        const last = cols[K - 1]![i] as number;
        a[i] = last;
        for (let k = 0; k < P; k++) D[k]![i] = (cols[k]![i] as number) - last;
      }
    }
    return { a, D };
  };
  const ev = build(templates);
  const grid = options.positivityGrid ? build(options.positivityGrid) : undefined;
  const theta = new Float64Array(P);
  if (options.init) {
    if (options.init.length !== P)
      throw new HepInputError('options.init', `needs ${P} values, got ${options.init.length}`);
    assertFiniteArray('options.init', options.init);
    theta.set(Array.from(options.init));
  } else if (extended) theta.fill(n / K);
  else theta.fill(1 / K);
  const fixed = new Set(options.fixed ?? []);
  for (const f of fixed)
    if (!(f >= 0 && f < P)) throw new HepInputError('options.fixed', `index ${f} out of range`);
  const free = Array.from({ length: P }, (_, k) => k).filter((k) => !fixed.has(k));

  const mixtureAt = (set: { a: Float64Array; D: Float64Array[] }, th: Float64Array, i: number) => {
    let m = set.a[i]!;
    for (let k = 0; k < P; k++) m += th[k]! * set.D[k]![i]!;
    return m;
  };
  const feasible = (th: Float64Array) => {
    for (let i = 0; i < n; i++) if (!(mixtureAt(ev, th, i) > 0)) return false;
    if (grid) for (let i = 0; i < grid.a.length; i++) if (mixtureAt(grid, th, i) < 0) return false;
    return true;
  };
  const nll = (th: Float64Array) => {
    let s = 0;
    if (extended) for (let k = 0; k < P; k++) s += th[k]!;
    for (let i = 0; i < n; i++) s -= Math.log(mixtureAt(ev, th, i));
    return s;
  };
  if (!feasible(theta))
    throw new HepInputError('options.init', 'gives a non-positive mixture at some event or grid point');

  const tol = options.tolerance ?? 1e-30;
  const maxIt = options.maxIterations ?? 200;
  let status: MixtureFit['status'] = 'failed';
  let it = 0;
  let value = nll(theta);
  let hessian = new Matrix(free.length, free.length);
  for (; it < maxIt; it++) {
    const g = new Float64Array(free.length);
    hessian = new Matrix(free.length, free.length);
    for (let i = 0; i < n; i++) {
      const m = mixtureAt(ev, theta, i);
      for (let u = 0; u < free.length; u++) {
        const du = ev.D[free[u]!]![i]! / m;
        g[u]! -= du;
        for (let v = 0; v <= u; v++) hessian.set(u, v, hessian.get(u, v) + du * (ev.D[free[v]!]![i]! / m));
      }
    }
    if (extended) for (let u = 0; u < free.length; u++) g[u]! += 1;
    for (let u = 0; u < free.length; u++) for (let v = 0; v < u; v++) hessian.set(v, u, hessian.get(u, v));
    const step = inverse(hessian).mmul(Matrix.columnVector(Array.from(g)));
    let decrement = 0;
    for (let u = 0; u < free.length; u++) decrement += g[u]! * step.get(u, 0);
    let largest = 0;
    for (let u = 0; u < free.length; u++) {
      largest = Math.max(largest, Math.abs(step.get(u, 0)) / Math.max(1, Math.abs(theta[free[u]!]!)));
    }
    if (decrement / 2 < tol || largest < 1e-14) {
      status = 'converged';
      break;
    }
    // backtracking: stay feasible and decrease −ln L
    let t = 1;
    let accepted = false;
    let cutByFeasibility = false;
    const trial = new Float64Array(theta);
    for (let b = 0; b < 60; b++) {
      for (let u = 0; u < free.length; u++) trial[free[u]!] = theta[free[u]!]! - t * step.get(u, 0);
      if (!feasible(trial)) cutByFeasibility = true;
      else {
        const tv = nll(trial);
        // near the minimum the decrease is below rounding of −ln L: take the full Newton step
        if (tv <= value - 1e-4 * t * decrement || (t === 1 && decrement < 1e-8)) {
          theta.set(trial);
          value = tv;
          accepted = true;
          break;
        }
      }
      t /= 2;
    }
    if (!accepted) {
      status = cutByFeasibility ? 'at-bound' : 'converged';
      break;
    }
  }
  const covFree = inverse(hessian);
  const covariance = new Float64Array(P * P);
  const errors = new Float64Array(P);
  free.forEach((k, u) => {
    free.forEach((l, v) => {
      covariance[k * P + l] = covFree.get(u, v);
    });
    errors[k] = Math.sqrt(covFree.get(u, u));
  });
  return { values: theta, errors, covariance, nll: value, status, iterations: it + 1 };
}
