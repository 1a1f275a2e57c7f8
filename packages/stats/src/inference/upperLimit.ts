/**
 * CLs upper limits: the μ where CLs(μ) = α (default 0.05), observed and for the five expected
 * bands, each by Brent root finding on a bracket that is expanded automatically; plus a μ scan
 * returning Brazil-band data. Uses {@link AsymptoticCalculator} (Asimov data and free fits cached).
 *
 * @module
 */

import type { HistFactoryModel } from '../histfactory/model.js';
import {
  AsymptoticCalculator,
  BAND_SIGMAS,
  clsFromQ,
  expectedCls,
  type TestStatistic,
} from './asymptotics.js';
import { brentRoot } from './brent.js';
import type { FitData } from './fit.js';

/** Options of {@link upperLimit} and {@link brazilScan}. */
export interface LimitOptions {
  alpha?: number;
  testStat?: TestStatistic;
  data?: FitData;
  /** Initial upper end of the bracket (default: the POI upper bound); doubled until CLs < α. */
  bracketHigh?: number;
  /** Relative tolerance on μ (default 1e-10). */
  rtol?: number;
}

/** Observed and expected (N = 2 … −2, pyhf order: −2σ first) upper limits on μ. */
export interface UpperLimitResult {
  mu_obs: number;
  mu_exp: number[];
  /** Number of μ points evaluated (each two conditional fits). */
  evaluations: number;
}

/** Asymptotic CLs upper limits (pyhf `infer.intervals.upper_limits.toms748_scan`). */
export function upperLimit(model: HistFactoryModel, options: LimitOptions = {}): UpperLimitResult {
  const alpha = options.alpha ?? 0.05;
  const calc = new AsymptoticCalculator(model, { data: options.data, testStat: options.testStat });
  const cache = new Map<number, { q: number; qA: number }>();
  const ts = (mu: number): { q: number; qA: number } => {
    let r = cache.get(mu);
    if (r === undefined) {
      r = calc.teststats(mu);
      cache.set(mu, r);
    }
    return r;
  };
  const obs = (mu: number): number => clsFromQ(ts(mu).q, ts(mu).qA, calc.stat).cls - alpha;
  const exp =
    (N: number) =>
    (mu: number): number =>
      expectedCls(ts(mu).qA, N) - alpha;
  const rtol = options.rtol ?? 1e-10;
  const lo = Math.max(model.lower[model.poiIndex] as number, 0);
  const solve = (f: (mu: number) => number): number => {
    let a = lo;
    let b = options.bracketHigh ?? (model.upper[model.poiIndex] as number);
    let fb = f(b);
    for (let k = 0; fb > 0 && k < 60; k++) {
      a = b;
      b *= 2;
      fb = f(b);
    }
    // Lower end: CLs → 1 as μ → 0; use a small positive μ to avoid q_A = 0.
    let fa = a === lo ? f(Math.max(a, 1e-9 * b)) : f(a);
    if (a === lo) a = Math.max(a, 1e-9 * b);
    for (let k = 0; fa < 0 && k < 60; k++) {
      a /= 10;
      fa = f(a);
    }
    return brentRoot(f, a, b, rtol * b);
  };
  const mu_obs = solve(obs);
  const mu_exp = BAND_SIGMAS.map((N) => solve(exp(N)));
  return { mu_obs, mu_exp, evaluations: cache.size };
}

/** One row of Brazil-band data. */
export interface BrazilPoint {
  mu: number;
  CLs_obs: number;
  /** Expected CLs for N = 2, 1, 0, −1, −2. */
  CLs_exp: number[];
}

/** CLs (observed and the five expected) on a grid of μ values, for Brazil-band plots. */
export function brazilScan(
  model: HistFactoryModel,
  mus: readonly number[],
  options: LimitOptions = {},
): BrazilPoint[] {
  const calc = new AsymptoticCalculator(model, { data: options.data, testStat: options.testStat });
  return mus.map((mu) => {
    const r = calc.hypotest(mu);
    return { mu, CLs_obs: r.CLs_obs, CLs_exp: r.CLs_exp };
  });
}
