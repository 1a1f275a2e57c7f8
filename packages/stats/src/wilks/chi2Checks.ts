/**
 * Checks of asymptotic (Wilks) behaviour: does a sample of test-statistic values follow χ²_k?
 * KS and Anderson–Darling against χ²_k, maximum-likelihood fit of the number of degrees of
 * freedom, and percentile tables for plotting.
 *
 * @module
 */

import { assertFiniteArray, assertNonEmpty, assertPositive, HepInputError } from '@hep/core';
import digamma from '@stdlib/math-base-special-digamma';
import trigamma from '@stdlib/math-base-special-trigamma';
import { chi2Cdf, chi2LogCdf, chi2LogSf, chi2Quantile } from '../distributions/chi2.js';
import { andersonDarlingTest } from './andersonDarling.js';
import { type GoodnessOfFit, ksTest } from './kolmogorovSmirnov.js';

/** Result of {@link fitChi2Dof}. */
export interface Chi2DofFit {
  /** ML estimate of k. */
  dof: number;
  /** Its uncertainty from the Fisher information, 2/√(n ψ′(k/2)). */
  sigma: number;
  iterations: number;
  converged: boolean;
}

function checkStatistics(name: string, t: ArrayLike<number>): void {
  assertNonEmpty(name, t);
  assertFiniteArray(name, t);
  for (let i = 0; i < t.length; i++) {
    if ((t[i] as number) <= 0) throw new HepInputError(name, `must be > 0 for a dof fit, got ${t[i]}`, i);
  }
}

/**
 * Maximum-likelihood number of degrees of freedom of χ²_k for a sample t_i > 0: the root of
 * ψ(k/2) = mean(ln(t_i/2)) (Newton on k with the trigamma function), as
 * scipy.stats.chi2.fit(t, floc=0, fscale=1).
 */
export function fitChi2Dof(t: ArrayLike<number>): Chi2DofFit {
  checkStatistics('t', t);
  let meanLog = 0;
  let mean = 0;
  for (let i = 0; i < t.length; i++) {
    meanLog += Math.log((t[i] as number) / 2);
    mean += t[i] as number;
  }
  meanLog /= t.length;
  mean /= t.length;
  let h = Math.max(mean / 2, 1e-3); // k/2, starting from the moment estimate
  let it = 0;
  let converged = false;
  for (; it < 100; it++) {
    const f = digamma(h) - meanLog;
    let next = h - f / trigamma(h);
    if (!(next > 0)) next = h / 2;
    if (Math.abs(next - h) < 1e-14 * h) {
      h = next;
      converged = true;
      break;
    }
    h = next;
  }
  return { dof: 2 * h, sigma: 2 / Math.sqrt(t.length * trigamma(h)), iterations: it + 1, converged };
}

/** KS test of a sample against χ²_k. */
export function ksTestChi2(t: ArrayLike<number>, k: number): GoodnessOfFit {
  assertPositive('k', k);
  return ksTest(t, (x) => chi2Cdf(x, k));
}

/** Anderson–Darling test of a sample against χ²_k (log tails keep far outliers finite). */
export function andersonDarlingTestChi2(t: ArrayLike<number>, k: number): GoodnessOfFit {
  assertPositive('k', k);
  return andersonDarlingTest(
    t,
    (x) => chi2LogCdf(Math.max(x, 0), k),
    (x) => chi2LogSf(Math.max(x, 0), k),
  );
}

/** One row of a percentile table: empirical quantile of the sample vs the χ²_k quantile. */
export interface PercentileRow {
  probability: number;
  empirical: number;
  chi2: number;
}

/**
 * Empirical quantiles (linear interpolation, numpy's default) of `t` at `probabilities` next to the
 * χ²_k quantiles, for Q–Q plots and tables.
 */
export function chi2PercentileTable(
  t: ArrayLike<number>,
  k: number,
  probabilities: readonly number[] = [0.5, 0.68, 0.9, 0.95, 0.99],
): PercentileRow[] {
  assertNonEmpty('t', t);
  assertFiniteArray('t', t);
  assertPositive('k', k);
  const sorted = Float64Array.from(t).sort();
  return probabilities.map((p, i) => {
    if (!(p >= 0 && p <= 1)) throw new HepInputError('probabilities', `must lie in [0, 1], got ${p}`, i);
    const pos = p * (sorted.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.min(lo + 1, sorted.length - 1);
    const empirical = sorted[lo]! + (pos - lo) * (sorted[hi]! - sorted[lo]!);
    return { probability: p, empirical, chi2: chi2Quantile(p, k) };
  });
}
