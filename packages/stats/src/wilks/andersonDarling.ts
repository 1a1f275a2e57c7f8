/**
 * Anderson–Darling test of a sample against a fully specified continuous CDF:
 * A² = −n − (1/n) Σ_i (2i − 1)[ln F(x_(i)) + ln(1 − F(x_(n+1−i)))],
 * with the p-value of the limiting distribution by Marsaglia & Marsaglia, "Evaluating the
 * Anderson–Darling distribution", J. Stat. Softw. 9 (2004) (their `adinf`, accurate to ~1e-6),
 * which is adequate for n ≳ 50 (the finite-n correction is below 1e-3 there).
 *
 * @module
 */
import { assertFiniteArray, assertNonEmpty, HepInputError } from '@hep/core';
import type { GoodnessOfFit } from './kolmogorovSmirnov.js';

/** Limiting CDF P(A² ≤ z) of the Anderson–Darling statistic (Marsaglia & Marsaglia 2004). */
export function andersonDarlingCdf(z: number): number {
  if (z <= 0) return 0;
  if (z < 2) {
    return (
      (Math.exp(-1.2337141 / z) / Math.sqrt(z)) *
      (2.00012 + (0.247105 - (0.0649821 - (0.0347962 - (0.011672 - 0.00168691 * z) * z) * z) * z) * z)
    );
  }
  return Math.exp(
    -Math.exp(1.0776 - (2.30695 - (0.43424 - (0.082433 - (0.008056 - 0.0003146 * z) * z) * z) * z) * z),
  );
}

/**
 * `lnCdf`/`lnSf` give ln F and ln(1 − F) (pass accurate log-tails, e.g. chi2LogCdf/chi2LogSf, so
 * far outliers do not produce −∞).
 */
export function andersonDarlingTest(
  sample: ArrayLike<number>,
  lnCdf: (x: number) => number,
  lnSf: (x: number) => number,
): GoodnessOfFit {
  assertNonEmpty('sample', sample);
  assertFiniteArray('sample', sample);
  const x = Float64Array.from(sample).sort();
  const n = x.length;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const lo = lnCdf(x[i]!);
    const hi = lnSf(x[n - 1 - i]!);
    if (Number.isNaN(lo) || Number.isNaN(hi)) throw new HepInputError('lnCdf', `returned NaN at x = ${x[i]}`);
    s += (2 * i + 1) * (lo + hi);
  }
  const statistic = -n - s / n;
  return { statistic, pValue: 1 - andersonDarlingCdf(statistic), n };
}
