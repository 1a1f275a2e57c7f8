/**
 * Non-central χ² distribution with k > 0 degrees of freedom and non-centrality λ ≥ 0, as a Poisson
 * mixture of central χ²: F(x; k, λ) = Σ_j Pois(j; λ/2) P(k/2 + j, x/2). The sum starts at the
 * Poisson mode and runs outwards until the remaining weight is negligible (Ding 1992), so both
 * the cdf and the sf keep full relative accuracy in their own tails.
 *
 * @module
 */

import { assertFinite, assertNonNegative, assertPositive, HepInputError } from '@hep/core';
import gammaln from '@stdlib/math-base-special-gammaln';
import { chi2Cdf, chi2Sf } from './chi2.js';
import { gammaP, gammaQ } from './incompleteGamma.js';

/**
 * Σ_j Pois(j; λ/2) term(k/2 + j, x/2), summed from the Poisson mode outwards. `term` is P (falls
 * with j) or Q (rises with j, bounded by 1); each direction stops when a bound on everything left
 * (remaining Poisson mass × the largest remaining term) is below 1e-17 of the sum.
 */
function poissonMixture(x: number, k: number, lambda: number, upperTail: boolean): number {
  const term = upperTail ? gammaQ : gammaP;
  const m = lambda / 2;
  const mode = Math.floor(m);
  const w0 = Math.exp(-m + mode * Math.log(m) - gammaln(mode + 1));
  let sum = 0;
  let w = w0;
  for (let j = mode; j < mode + 1_000_000; j++) {
    const t = term(k / 2 + j, x / 2);
    sum += w * t;
    w *= m / (j + 1);
    if (j + 1 > m) {
      const massLeft = (w * (j + 2)) / (j + 2 - m); // geometric bound of the upper Poisson tail
      if (massLeft * (upperTail ? 1 : t) <= 1e-17 * sum) break;
    }
  }
  w = w0;
  for (let j = mode - 1; j >= 0; j--) {
    w *= (j + 1) / m;
    const t = term(k / 2 + j, x / 2);
    sum += w * t;
    const massLeft = j > 0 ? (w * m) / (m - j + 1) : 0; // geometric bound of the lower Poisson tail
    if (massLeft * (upperTail ? t : 1) <= 1e-17 * sum) break;
  }
  return sum;
}

function check(x: number, k: number, lambda: number): void {
  if (Number.isNaN(x)) throw new HepInputError('x', 'must not be NaN');
  assertPositive('k', k);
  assertNonNegative('lambda', lambda);
}

/** P(χ'²_k(λ) ≤ x). */
export function nonCentralChi2Cdf(x: number, k: number, lambda: number): number {
  check(x, k, lambda);
  if (lambda === 0) return chi2Cdf(x, k);
  if (x <= 0) return 0;
  return Math.min(1, poissonMixture(x, k, lambda, false));
}

/** P(χ'²_k(λ) > x). */
export function nonCentralChi2Sf(x: number, k: number, lambda: number): number {
  check(x, k, lambda);
  if (lambda === 0) return chi2Sf(x, k);
  if (x <= 0) return 1;
  return Math.min(1, poissonMixture(x, k, lambda, true));
}

/** Quantile of the non-central χ² by bracketed bisection/secant on the cdf (or sf above the median). */
export function nonCentralChi2Quantile(p: number, k: number, lambda: number): number {
  assertFinite('p', p);
  check(0, k, lambda);
  if (p < 0 || p > 1) throw new HepInputError('p', `must lie in [0, 1], got ${p}`);
  if (p === 0) return 0;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const upper = p > 0.5;
  const f = (x: number) =>
    upper ? 1 - p - nonCentralChi2Sf(x, k, lambda) : nonCentralChi2Cdf(x, k, lambda) - p;
  // f increases with x in both forms
  let lo = 0;
  let hi = Math.max(1, k + lambda);
  while (f(hi) < 0) {
    lo = hi;
    hi *= 2;
  }
  for (let it = 0; it < 200 && hi - lo > 1e-15 * hi; it++) {
    const mid = 0.5 * (lo + hi);
    if (f(mid) < 0) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
