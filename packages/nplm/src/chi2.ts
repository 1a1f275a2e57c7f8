/**
 * PRIVATE χ² helpers of @hep/nplm (not exported from the package): the survival function for
 * integer degrees of freedom via the closed-form finite series, and the one-sample KS test against
 * it. To be replaced by the χ² distribution of @hep/stats once that is merged (issue #6 note).
 *
 * Even k: Q(k, x) = e^{−x/2} Σ_{i=0}^{k/2−1} (x/2)^i / i!.
 * Odd k:  Q(k, x) = 2Φ̄(√x) + 2φ(√x) Σ_{i=1}^{(k−1)/2} x^{i−1/2} / (1·3·…·(2i−1)).
 * (Abramowitz & Stegun 26.4.4–26.4.5.)
 *
 * @module
 */
import { assertInteger, HepInputError } from '@hep/core';
import { normalSf } from '@hep/stats';

/** χ² survival function P(χ²_k > x) for integer k ≥ 1 (A&S 26.4.4–5). */
export function chi2SurvivalIntegerDof(x: number, k: number): number {
  assertInteger('k', k, 1);
  if (Number.isNaN(x)) throw new HepInputError('x', 'is NaN');
  if (x <= 0) return 1;
  if (k % 2 === 0) {
    let term = 1;
    let sum = 1;
    for (let i = 1; i < k / 2; i++) {
      term *= x / 2 / i;
      sum += term;
    }
    return Math.min(1, Math.exp(-x / 2) * sum);
  }
  const r = Math.sqrt(x);
  let term = r;
  let sum = 0;
  for (let i = 1; i <= (k - 1) / 2; i++) {
    if (i > 1) term *= x / (2 * i - 1);
    sum += term;
  }
  const phi = Math.exp(-x / 2) / Math.sqrt(2 * Math.PI);
  return Math.min(1, 2 * normalSf(r) + 2 * phi * sum);
}

/**
 * One-sample Kolmogorov–Smirnov test of `values` against χ²_k. Returns D = sup|F_n − F| and the
 * asymptotic p-value Q_KS(λ), λ = (√n + 0.12 + 0.11/√n) D (Stephens 1970), Q_KS(λ) =
 * 2 Σ_{j≥1} (−1)^{j−1} e^{−2j²λ²} (scipy.stats.kstwobign.sf).
 */
export function ksTestChi2(values: ArrayLike<number>, k: number): { statistic: number; pValue: number } {
  const n = values.length;
  if (n < 1) throw new HepInputError('values', 'is empty');
  const sorted = Float64Array.from(values).sort();
  let D = 0;
  for (let i = 0; i < n; i++) {
    const F = 1 - chi2SurvivalIntegerDof(sorted[i] as number, k);
    D = Math.max(D, (i + 1) / n - F, F - i / n);
  }
  const sn = Math.sqrt(n);
  const lambda = (sn + 0.12 + 0.11 / sn) * D;
  return { statistic: D, pValue: kolmogorovSurvival(lambda) };
}

/** Kolmogorov distribution survival Q_KS(λ) = 2 Σ_{j≥1} (−1)^{j−1} e^{−2j²λ²}. */
export function kolmogorovSurvival(lambda: number): number {
  if (lambda < 0.2) return 1;
  let sum = 0;
  for (let j = 1; j <= 100; j++) {
    const term = Math.exp(-2 * j * j * lambda * lambda);
    sum += (j % 2 === 1 ? 1 : -1) * term;
    if (term < 1e-17) break;
  }
  return Math.max(0, Math.min(1, 2 * sum));
}
