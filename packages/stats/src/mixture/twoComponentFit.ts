/**
 * Unbinned maximum-likelihood fit of a two-component mixture fraction (paper 001 eq. 11):
 * p(y | α) = α p_A(y) + (1 − α) p_H(y), α̂ = argmax Σ_i ln p(y_i | α).
 *
 * With d_i = p_A(y_i) − p_H(y_i) the log-likelihood ℓ(α) = Σ ln(p_H,i + α d_i) is concave, so a
 * safeguarded Newton iteration (bisection fallback on the sign of ℓ′) finds the unique maximum
 * in a handful of steps. α may leave [0, 1] but stays inside `bounds`, the range where the mixture
 * is non-negative everywhere (for the φ* templates: {@link phiStarAlphaBounds}).
 *
 * @module
 */
import { assertFinite, assertInteger, assertSameLength, HepInputError } from '@hep/core';

/** Outcome of one mixture-fraction fit. */
export interface MixtureFractionFit {
  /** Best-fit fraction α̂ of component A. */
  alpha: number;
  /** Uncertainty from the curvature, 1/√(−ℓ″(α̂)). */
  sigma: number;
  /** −ln L at α̂ (up to the constant of the data). */
  nll: number;
  /** 'converged'; 'at-bound' when the maximum sits on a bound of the allowed range; 'failed'. */
  status: 'converged' | 'at-bound' | 'failed';
  iterations: number;
}

/** Options of {@link fitMixtureFraction}. */
export interface MixtureFractionOptions {
  /** Allowed α range, where the mixture density is non-negative everywhere. Default [0, 1]. */
  bounds?: [number, number];
  /** Convergence tolerance on α (default 1e-10). */
  tolerance?: number;
  /** Maximum Newton/bisection steps (default 100). */
  maxIterations?: number;
}

interface Resolved {
  lo: number;
  hi: number;
  tol: number;
  maxIt: number;
}

function resolve(options: MixtureFractionOptions): Resolved {
  const [lo, hi] = options.bounds ?? [0, 1];
  assertFinite('bounds[0]', lo);
  assertFinite('bounds[1]', hi);
  if (!(lo < hi)) throw new HepInputError('bounds', `must satisfy lo < hi, got [${lo}, ${hi}]`);
  const tol = options.tolerance ?? 1e-10;
  const maxIt = options.maxIterations ?? 100;
  assertInteger('maxIterations', maxIt, 1);
  return { lo, hi, tol, maxIt };
}

/**
 * Fits α for one dataset from the per-event template densities p_A(y_i), p_H(y_i).
 *
 * @example
 * ```ts
 * const { pA, pH } = phiStarTemplateDensities(phiStarValues);
 * const fit = fitMixtureFraction(pA, pH, { bounds: phiStarAlphaBounds() });
 * ```
 */
export function fitMixtureFraction(
  pA: ArrayLike<number>,
  pH: ArrayLike<number>,
  options: MixtureFractionOptions = {},
): MixtureFractionFit {
  assertSameLength('pA', pA.length, 'pH', pH.length);
  if (pA.length === 0) throw new HepInputError('pA', 'must not be empty');
  checkDensities(pA, pH, 0, pA.length);
  return fitRange(pA, pH, 0, pA.length, resolve(options));
}

/**
 * Fits α for many datasets stored back to back: dataset j is events
 * `offsets[j] .. offsets[j+1]` of the density columns. Returns columns of results.
 */
export function fitMixtureFractionBatch(
  pA: ArrayLike<number>,
  pH: ArrayLike<number>,
  offsets: ArrayLike<number>,
  options: MixtureFractionOptions = {},
): { alpha: Float64Array; sigma: Float64Array; nll: Float64Array; status: Uint8Array } {
  assertSameLength('pA', pA.length, 'pH', pH.length);
  const nSets = offsets.length - 1;
  if (nSets < 1) throw new HepInputError('offsets', 'must have at least two entries');
  if (offsets[0] !== 0 || offsets[nSets] !== pA.length) {
    throw new HepInputError('offsets', `must start at 0 and end at the number of events (${pA.length})`);
  }
  const r = resolve(options);
  checkDensities(pA, pH, 0, pA.length);
  const alpha = new Float64Array(nSets);
  const sigma = new Float64Array(nSets);
  const nll = new Float64Array(nSets);
  const status = new Uint8Array(nSets);
  for (let j = 0; j < nSets; j++) {
    const start = offsets[j] as number;
    const end = offsets[j + 1] as number;
    if (!(end > start)) throw new HepInputError('offsets', 'datasets must be non-empty', j + 1);
    const fit = fitRange(pA, pH, start, end, r);
    alpha[j] = fit.alpha;
    sigma[j] = fit.sigma;
    nll[j] = fit.nll;
    status[j] = STATUS_CODES[fit.status];
  }
  return { alpha, sigma, nll, status };
}

/** Numeric codes of {@link MixtureFractionFit.status} in batch results. */
export const STATUS_CODES = { converged: 0, 'at-bound': 1, failed: 2 } as const;

function checkDensities(pA: ArrayLike<number>, pH: ArrayLike<number>, start: number, end: number): void {
  for (let i = start; i < end; i++) {
    const a = pA[i] as number;
    const h = pH[i] as number;
    if (!(Number.isFinite(a) && a >= 0)) throw new HepInputError('pA', `must be finite and ≥ 0, got ${a}`, i);
    if (!(Number.isFinite(h) && h >= 0)) throw new HepInputError('pH', `must be finite and ≥ 0, got ${h}`, i);
  }
}

/** ℓ′(α) and ℓ″(α) over events [start, end); ℓ′ = −∞/+∞ guards where some density hits 0. */
function fitRange(
  pA: ArrayLike<number>,
  pH: ArrayLike<number>,
  start: number,
  end: number,
  r: Resolved,
): MixtureFractionFit {
  // every event's density must stay > 0: p_H,i + α d_i > 0 (ℓ → −∞ at these limits)
  let lo = r.lo;
  let hi = r.hi;
  for (let i = start; i < end; i++) {
    const d = (pA[i] as number) - (pH[i] as number);
    if (d > 0) lo = Math.max(lo, -(pH[i] as number) / d);
    else if (d < 0) hi = Math.min(hi, -(pH[i] as number) / d);
  }
  if (!(lo <= hi)) {
    return { alpha: Number.NaN, sigma: Number.NaN, nll: Number.NaN, status: 'failed', iterations: 0 };
  }
  let alpha = lo <= 0.5 && 0.5 <= hi ? 0.5 : 0.5 * (lo + hi);
  let g = 0;
  let h = 0;
  let it = 0;
  let status: MixtureFractionFit['status'] = 'failed';
  for (; it < r.maxIt; it++) {
    g = 0;
    h = 0;
    for (let i = start; i < end; i++) {
      const d = (pA[i] as number) - (pH[i] as number);
      const p = (pH[i] as number) + alpha * d;
      const q = d / p;
      g += q;
      h -= q * q;
    }
    const newtonStep = h < 0 && Number.isFinite(g) ? -g / h : Number.NaN;
    if (Math.abs(newtonStep) < r.tol) {
      alpha = Math.min(r.hi, Math.max(r.lo, alpha + newtonStep));
      status = 'converged';
      break;
    }
    // maintain a bracket [lo, hi] of the maximum (ℓ′ > 0 left of it); bisect when Newton leaves it
    if (g > 0) lo = alpha;
    else hi = alpha;
    let next = alpha + newtonStep;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    alpha = next;
    if (hi - lo < r.tol) {
      const atLo = lo === r.lo && g < 0;
      const atHi = hi === r.hi && g > 0;
      status = atLo || atHi ? 'at-bound' : 'converged';
      alpha = atLo ? r.lo : atHi ? r.hi : alpha;
      break;
    }
  }
  let nll = 0;
  h = 0;
  for (let i = start; i < end; i++) {
    const d = (pA[i] as number) - (pH[i] as number);
    const p = (pH[i] as number) + alpha * d;
    nll -= Math.log(p);
    h -= (d / p) ** 2;
  }
  return { alpha, sigma: 1 / Math.sqrt(-h), nll, status, iterations: it + 1 };
}
