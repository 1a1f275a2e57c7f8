/**
 * Profile-likelihood test statistics (Cowan, Cranmer, Gross, Vitells 2011, arXiv:1007.1727, §3) as
 * in pyhf `infer.test_statistics`, with λ(μ) = L(μ, θ̂̂) / L(μ̂, θ̂) and both fits within the parameter
 * bounds:
 *
 * - t_μ = −2 ln λ(μ) (eq. 8), with the POI bounds as given (pyhf `tmu`; allow μ < 0 for the
 *   textbook t_μ);
 * - t̃_μ = t_μ with μ̂ ≥ 0 (eq. 11; pyhf `tmu_tilde`);
 * - q_μ = t_μ for μ̂ ≤ μ, 0 otherwise (eq. 14; pyhf `qmu`);
 * - q̃_μ = q_μ with μ̂ ≥ 0 (eq. 16; pyhf `qmu_tilde`);
 * - q0 = t_0 for μ̂ ≥ 0, 0 otherwise (eq. 12; pyhf `q0`).
 *
 * All are clipped at 0 (as pyhf) against fit round-off. Values are dimensionless (units of −2 ln L).
 *
 * @module
 */

import type { HistFactoryModel } from '../histfactory/model.js';
import { type FitData, type FitResult, fitModel } from './fit.js';

/** Names of the test statistics (pyhf names; `q`/`qtilde` as in {@link TestStatistic}). */
export type TestStatisticName = 'tmu' | 'tmu_tilde' | 'q' | 'qtilde' | 'q0';

/** Options of the test-statistic functions. */
export interface TestStatOptions {
  /**
   * POI bounds for both fits (default: the model's; the `_tilde` statistics and q0 always use a
   * lower bound of 0 unless given here).
   */
  poiBounds?: readonly [number, number];
  /** Free fit already made on the same data with the same bounds (reused, not refitted). */
  free?: FitResult;
  /** Start values of the conditional fit (warm start); default: the free fit's values. */
  init?: Float64Array;
}

/** A test-statistic value with the fits that produced it. */
export interface TestStatValue {
  /** The test statistic (≥ 0). */
  value: number;
  /** Best-fit POI μ̂ of the free fit. */
  muhat: number;
  free: FitResult;
  /** Fit with the POI fixed at the tested value. */
  conditional: FitResult;
}

/**
 * Fit bounds of a statistic: `poiBounds` if given, else the model's POI bounds with the lower one
 * set to 0 for the `_tilde` statistics (μ̂ ≥ 0 by definition).
 */
export function statisticBounds(
  model: HistFactoryModel,
  name: TestStatisticName,
  poiBounds?: readonly [number, number],
): Map<number, readonly [number, number]> {
  const p = model.poiIndex;
  const tilde = name === 'qtilde' || name === 'tmu_tilde';
  const lo = poiBounds?.[0] ?? (tilde ? 0 : (model.lower[p] as number));
  const hi = poiBounds?.[1] ?? (model.upper[p] as number);
  return new Map([[p, [lo, hi] as const]]);
}

/** Free and conditional fits at μ and the clipped −2 ln λ(μ). */
function profileRatio(
  model: HistFactoryModel,
  data: FitData,
  mu: number,
  options: TestStatOptions,
  name: TestStatisticName,
): TestStatValue {
  const p = model.poiIndex;
  const bounds = statisticBounds(model, name, options.poiBounds);
  const free = options.free ?? fitModel(model, data, { bounds });
  const conditional = fitModel(model, data, {
    bounds,
    fixedValues: new Map([[p, mu]]),
    init: options.init ?? free.values,
  });
  const value = Math.max(0, conditional.twiceNll - free.twiceNll);
  return { value, muhat: free.values[p] as number, free, conditional };
}

/** t_μ = −2 ln λ(μ) with the model's POI bounds (CCGV eq. 8; pyhf `tmu`). */
export function tmu(
  model: HistFactoryModel,
  data: FitData,
  mu: number,
  options: TestStatOptions = {},
): TestStatValue {
  return profileRatio(model, data, mu, options, 'tmu');
}

/** t̃_μ: t_μ with μ̂ constrained to ≥ 0 (CCGV eq. 11; pyhf `tmu_tilde`). */
export function tmuTilde(
  model: HistFactoryModel,
  data: FitData,
  mu: number,
  options: TestStatOptions = {},
): TestStatValue {
  return profileRatio(model, data, mu, options, 'tmu_tilde');
}

/** One-sided q_μ: t_μ for μ̂ ≤ μ, else 0 (CCGV eq. 14; pyhf `qmu`), with the model's POI bounds. */
export function qmu(
  model: HistFactoryModel,
  data: FitData,
  mu: number,
  options: TestStatOptions = {},
): TestStatValue {
  const r = profileRatio(model, data, mu, options, 'q');
  return r.muhat > mu ? { ...r, value: 0 } : r;
}

/** q̃_μ: q_μ with μ̂ constrained to ≥ 0 (CCGV eq. 16; pyhf `qmu_tilde`). */
export function qmuTilde(
  model: HistFactoryModel,
  data: FitData,
  mu: number,
  options: TestStatOptions = {},
): TestStatValue {
  const r = profileRatio(model, data, mu, options, 'qtilde');
  return r.muhat > mu ? { ...r, value: 0 } : r;
}

/** Discovery q0 = t_0 for μ̂ ≥ 0, else 0 (CCGV eq. 12; pyhf `q0`). */
export function q0(model: HistFactoryModel, data: FitData, options: TestStatOptions = {}): TestStatValue {
  const r = profileRatio(model, data, 0, options, 'q0');
  return r.muhat < 0 ? { ...r, value: 0 } : r;
}

/** The named test statistic at μ (μ is ignored for q0). */
export function testStatistic(
  name: TestStatisticName,
  model: HistFactoryModel,
  data: FitData,
  mu: number,
  options: TestStatOptions = {},
): TestStatValue {
  switch (name) {
    case 'tmu':
      return tmu(model, data, mu, options);
    case 'tmu_tilde':
      return tmuTilde(model, data, mu, options);
    case 'q':
      return qmu(model, data, mu, options);
    case 'qtilde':
      return qmuTilde(model, data, mu, options);
    case 'q0':
      return q0(model, data, options);
  }
}
