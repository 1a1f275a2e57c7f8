/**
 * One-sample Kolmogorov–Smirnov test of a sample against a fully specified continuous CDF, with the
 * asymptotic Kolmogorov distribution for the p-value: p = K̄(√n · D),
 * K̄(λ) = 2 Σ_{j≥1} (−1)^{j−1} e^{−2 j² λ²} (as scipy.stats.kstest(..., method='asymp')).
 *
 * @module
 */
import { assertFiniteArray, assertNonEmpty, HepInputError } from '@hep/core';

/** Result of a goodness-of-fit test. */
export interface GoodnessOfFit {
  /** The test statistic (D for KS, A² for Anderson–Darling). */
  statistic: number;
  pValue: number;
  n: number;
}

/** Survival function of the Kolmogorov distribution, K̄(λ) = P(√n D_n > λ) as n → ∞. */
export function kolmogorovSf(lambda: number): number {
  if (lambda <= 0) return 1;
  if (lambda < 1) {
    // Jacobi-transformed series, fast for small λ: K(λ) = √(2π)/λ Σ e^{−(2j−1)²π²/(8λ²)}
    const c = (-Math.PI * Math.PI) / (8 * lambda * lambda);
    let cdf = 0;
    for (let j = 1; j < 50; j++) {
      const term = Math.exp((2 * j - 1) ** 2 * c);
      cdf += term;
      if (term < 1e-17 * cdf) break;
    }
    return 1 - (Math.sqrt(2 * Math.PI) / lambda) * cdf;
  }
  let sum = 0;
  for (let j = 1; j < 100; j++) {
    const term = Math.exp(-2 * j * j * lambda * lambda);
    sum += j % 2 ? term : -term;
    if (term < 1e-17 * Math.abs(sum)) break;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}

/** KS distance D = sup |F_n(x) − F(x)| of a sample from a continuous `cdf`. */
export function ksStatistic(sample: ArrayLike<number>, cdf: (x: number) => number): number {
  assertNonEmpty('sample', sample);
  assertFiniteArray('sample', sample);
  const sorted = Float64Array.from(sample).sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]!);
    if (!(f >= 0 && f <= 1))
      throw new HepInputError('cdf', `returned ${f} outside [0, 1] at x = ${sorted[i]}`);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

/** KS test with the asymptotic p-value. */
export function ksTest(sample: ArrayLike<number>, cdf: (x: number) => number): GoodnessOfFit {
  const statistic = ksStatistic(sample, cdf);
  return { statistic, pValue: kolmogorovSf(Math.sqrt(sample.length) * statistic), n: sample.length };
}
