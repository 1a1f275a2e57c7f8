/**
 * Closed-form significances and limits for counting experiments (Cowan, Cranmer, Gross, Vitells,
 * Eur. Phys. J. C 71 (2011) 1554 — "CCGV"; Cowan, "Discovery sensitivity for a counting experiment
 * with background uncertainty" (2012); paper 000 eq. 5).
 *
 * @module
 */
import {
  assertFiniteArray,
  assertNonNegative,
  assertPositive,
  assertSameLength,
  HepInputError,
} from '@hep/core';
import { normalSf } from '../distributions/normal.js';

/** Median discovery significance with known background (CCGV eq. 97): Z_A = √(2[(s+b) ln(1+s/b) − s]). */
export function asimovSignificance(s: number, b: number): number {
  assertNonNegative('s', s);
  assertPositive('b', b);
  return Math.sqrt(2 * ((s + b) * Math.log1p(s / b) - s));
}

/**
 * Median discovery significance with a background uncertainty σ_b (Cowan 2012):
 * Z_A = √(2[(s+b) ln((s+b)(b+σ²)/(b² + (s+b)σ²)) − (b²/σ²) ln(1 + σ² s/(b(b+σ²)))]).
 * Tends to {@link asimovSignificance} as σ_b → 0.
 */
export function asimovSignificanceWithUncertainty(s: number, b: number, sigmaB: number): number {
  assertNonNegative('s', s);
  assertPositive('b', b);
  assertNonNegative('sigmaB', sigmaB);
  if (sigmaB === 0) return asimovSignificance(s, b);
  const v = sigmaB * sigmaB;
  const first = (s + b) * Math.log(((s + b) * (b + v)) / (b * b + (s + b) * v));
  const second = ((b * b) / v) * Math.log1p((v * s) / (b * (b + v)));
  return Math.sqrt(2 * (first - second));
}

/** Observed discovery test for n events over a known background b: q0, Z = √q0, p0 = Φ̄(Z). */
export function countingDiscovery(n: number, b: number): { q0: number; z: number; p0: number } {
  assertNonNegative('n', n);
  assertPositive('b', b);
  const q0 = n > b ? 2 * (n * Math.log(n / b) - (n - b)) : 0;
  const z = Math.sqrt(q0);
  return { q0, z, p0: normalSf(z) };
}

/** χ²₁ 95% quantile: the Asimov exclusion threshold of paper 000 eq. 5. */
export const CHI2_1DOF_95 = 3.841458820694124;

/**
 * Paper 000 eq. 5: the 95% CL upper limit on the signal cross-section σ from the Asimov exclusion
 * statistic q(σ) = 2 Σ_i [s_i − b_i ln(1 + s_i/b_i)] with s_i = σ·a_i (a_i: expected signal events
 * per unit cross-section in bin i, e.g. per fb), solved for q(σ) = 3.8415. q is increasing in σ,
 * so the root is bracketed by doubling and found by bisection to 1e-12 relative.
 * Equals the median expected CLs limit when there are no nuisance parameters (FORMULAS.md §3).
 */
export function asimovCrossSectionLimit(
  signalPerUnit: ArrayLike<number>,
  background: ArrayLike<number>,
  threshold = CHI2_1DOF_95,
): number {
  assertSameLength('signalPerUnit', signalPerUnit.length, 'background', background.length);
  assertFiniteArray('signalPerUnit', signalPerUnit);
  assertFiniteArray('background', background);
  let anySignal = false;
  for (let i = 0; i < background.length; i++) {
    if (!((background[i] as number) > 0)) throw new HepInputError('background', 'must be > 0', i);
    if ((signalPerUnit[i] as number) < 0) throw new HepInputError('signalPerUnit', 'must be ≥ 0', i);
    if ((signalPerUnit[i] as number) > 0) anySignal = true;
  }
  if (!anySignal) throw new HepInputError('signalPerUnit', 'has no positive entry: no limit');
  const q = (sigma: number) => {
    let sum = 0;
    for (let i = 0; i < background.length; i++) {
      const s = sigma * (signalPerUnit[i] as number);
      const b = background[i] as number;
      sum += s - b * Math.log1p(s / b);
    }
    return 2 * sum;
  };
  let lo = 0;
  let hi = 1;
  while (q(hi) < threshold) {
    lo = hi;
    hi *= 2;
  }
  while (hi - lo > 1e-12 * hi) {
    const mid = 0.5 * (lo + hi);
    if (q(mid) < threshold) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
