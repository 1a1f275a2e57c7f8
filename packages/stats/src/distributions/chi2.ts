/**
 * χ² distribution with k > 0 degrees of freedom: cdf, sf, their logarithms, pdf, quantile and
 * inverse survival function, accurate to ≤ 1e-12 relative into tails far below 1e-300 (logsf).
 * cdf(x; k) = P(k/2, x/2), sf(x; k) = Q(k/2, x/2) (regularised incomplete gamma).
 *
 * @module
 */

import { assertFinite, assertPositive, HepInputError } from '@hep/core';
import gammaln from '@stdlib/math-base-special-gammaln';
import { gammaP, gammaQ, logGammaP, logGammaQ } from './incompleteGamma.js';

function check(x: number, k: number): void {
  if (Number.isNaN(x)) throw new HepInputError('x', 'must not be NaN');
  assertPositive('k', k);
}

/** P(χ²_k ≤ x). */
export function chi2Cdf(x: number, k: number): number {
  check(x, k);
  return gammaP(k / 2, x / 2);
}

/** P(χ²_k > x): the p-value of an observed test statistic x. */
export function chi2Sf(x: number, k: number): number {
  check(x, k);
  return gammaQ(k / 2, x / 2);
}

/** ln P(χ²_k > x), finite far beyond where the sf underflows. */
export function chi2LogSf(x: number, k: number): number {
  check(x, k);
  if (x <= 0) return 0;
  return logGammaQ(k / 2, x / 2);
}

/** ln P(χ²_k ≤ x). */
export function chi2LogCdf(x: number, k: number): number {
  check(x, k);
  return logGammaP(k / 2, x / 2);
}

/** Density of χ²_k at x ≥ 0: x^{k/2−1} e^{−x/2} / (2^{k/2} Γ(k/2)). */
export function chi2Pdf(x: number, k: number): number {
  check(x, k);
  if (x < 0) return 0;
  if (x === 0) return k < 2 ? Number.POSITIVE_INFINITY : k === 2 ? 0.5 : 0;
  const h = k / 2;
  return Math.exp((h - 1) * Math.log(x) - x / 2 - h * Math.LN2 - gammaln(h));
}

/**
 * Solves ln F(x) = target where F is the cdf (lower = true) or the sf, by safeguarded Newton
 * iterations in ln x (the derivative of ln F with respect to ln x is ±x·pdf/F).
 */
function invert(logTarget: number, k: number, lower: boolean): number {
  const logF = (x: number) => (lower ? chi2LogCdf(x, k) : chi2LogSf(x, k));
  // bracket in u = ln x
  let lo = Math.log(1e-300);
  let hi = Math.log(Math.max(4 * k, 10));
  while ((lower ? logF(Math.exp(hi)) : -logF(Math.exp(hi))) < (lower ? logTarget : -logTarget)) hi += 1;
  let u = 0.5 * (lo + hi);
  for (let it = 0; it < 200; it++) {
    const x = Math.exp(u);
    const f = logF(x) - logTarget;
    if (f === 0) return x;
    // F increasing in x for the cdf, decreasing for the sf
    if (f > 0 === lower) hi = u;
    else lo = u;
    const logPdf = (k / 2 - 1) * Math.log(x) - x / 2 - (k / 2) * Math.LN2 - gammaln(k / 2);
    const slope = (lower ? 1 : -1) * Math.exp(Math.log(x) + logPdf - logF(x));
    let next = u - f / slope;
    if (!(next > lo && next < hi) || !Number.isFinite(next)) next = 0.5 * (lo + hi);
    if (Math.abs(next - u) < 1e-15 * Math.max(1, Math.abs(u))) return Math.exp(next);
    u = next;
  }
  return Math.exp(u);
}

/** Quantile: the x with P(χ²_k ≤ x) = p (0 at p = 0, ∞ at p = 1). */
export function chi2Quantile(p: number, k: number): number {
  assertFinite('p', p);
  assertPositive('k', k);
  if (p < 0 || p > 1) throw new HepInputError('p', `must lie in [0, 1], got ${p}`);
  if (p === 0) return 0;
  if (p === 1) return Number.POSITIVE_INFINITY;
  return p <= 0.5 ? invert(Math.log(p), k, true) : invert(Math.log1p(-p), k, false);
}

/** Inverse survival function: the x with P(χ²_k > x) = p, without cancellation for tiny p. */
export function chi2Isf(p: number, k: number): number {
  assertFinite('p', p);
  assertPositive('k', k);
  if (p < 0 || p > 1) throw new HepInputError('p', `must lie in [0, 1], got ${p}`);
  if (p === 0) return Number.POSITIVE_INFINITY;
  if (p === 1) return 0;
  return p <= 0.5 ? invert(Math.log(p), k, false) : invert(Math.log1p(-p), k, true);
}
