/**
 * Likelihood-ratio tools for the two-component mixture fraction (paper 001 Fig. 6):
 * −2 ln L(α)/L(α̂) at given α (the LLR curve), its batched form over many datasets (the Wilks
 * check of Fig. 6a), and likelihood-ratio intervals where −2Δ ln L = q (q = 1 for 68.3 %, 3.84 for
 * 95 %, i.e. χ²₁ quantiles by Wilks' theorem).
 *
 * @module
 */
import { assertFinite, assertPositive, assertSameLength, HepInputError } from '@hep/core';
import {
  fitMixtureFraction,
  fitMixtureFractionBatch,
  type MixtureFractionFit,
  type MixtureFractionOptions,
} from './twoComponentFit.js';

/** −ln L(α) = −Σ ln(α p_A,i + (1 − α) p_H,i) over events [start, end); +∞ if a density is ≤ 0. */
export function mixtureFractionNll(
  pA: ArrayLike<number>,
  pH: ArrayLike<number>,
  alpha: number,
  start = 0,
  end = pA.length,
): number {
  let nll = 0;
  for (let i = start; i < end; i++) {
    const p = (pH[i] as number) + alpha * ((pA[i] as number) - (pH[i] as number));
    if (!(p > 0)) return Number.POSITIVE_INFINITY;
    nll -= Math.log(p);
  }
  return nll;
}

/** The LLR curve −2 ln(L(α)/L(α̂)) at each α of `alphas`, with the fit it is relative to. */
export function mixtureFractionLlrCurve(
  pA: ArrayLike<number>,
  pH: ArrayLike<number>,
  alphas: ArrayLike<number>,
  options: MixtureFractionOptions = {},
): { fit: MixtureFractionFit; llr: Float64Array } {
  const fit = fitMixtureFraction(pA, pH, options);
  const llr = new Float64Array(alphas.length);
  for (let j = 0; j < alphas.length; j++) {
    const a = alphas[j] as number;
    assertFinite(`alphas[${j}]`, a);
    llr[j] = 2 * (mixtureFractionNll(pA, pH, a) - fit.nll);
  }
  return { fit, llr };
}

/**
 * −2 ln(L(α₀)/L(α̂)) for every dataset of a batch (datasets = `offsets` ranges, as in
 * {@link fitMixtureFractionBatch}); by Wilks' theorem ~ χ²₁ when α₀ is the true value.
 */
export function mixtureFractionLlrBatch(
  pA: ArrayLike<number>,
  pH: ArrayLike<number>,
  offsets: ArrayLike<number>,
  alpha0: number,
  options: MixtureFractionOptions = {},
): Float64Array {
  assertFinite('alpha0', alpha0);
  const fits = fitMixtureFractionBatch(pA, pH, offsets, options);
  const t = new Float64Array(fits.alpha.length);
  for (let j = 0; j < t.length; j++) {
    const nll0 = mixtureFractionNll(pA, pH, alpha0, offsets[j] as number, offsets[j + 1] as number);
    t[j] = Math.max(0, 2 * (nll0 - (fits.nll[j] as number)));
  }
  return t;
}

/** A likelihood-ratio interval; an end is clipped to the allowed range when the curve stays below q. */
export interface LikelihoodRatioInterval {
  lower: number;
  upper: number;
  lowerClipped: boolean;
  upperClipped: boolean;
}

/**
 * Interval {α : −2 ln(L(α)/L(α̂)) ≤ q} within `bounds` (default [0, 1]); ℓ is concave so each end
 * is found by bisection to 1e-12.
 */
export function mixtureFractionInterval(
  pA: ArrayLike<number>,
  pH: ArrayLike<number>,
  q = 1,
  options: MixtureFractionOptions = {},
): LikelihoodRatioInterval & { fit: MixtureFractionFit } {
  assertSameLength('pA', pA.length, 'pH', pH.length);
  assertPositive('q', q);
  const fit = fitMixtureFraction(pA, pH, options);
  if (fit.status === 'failed') throw new HepInputError('pA', 'the mixture fit failed; no interval');
  const [lo, hi] = options.bounds ?? [0, 1];
  const excess = (a: number) => 2 * (mixtureFractionNll(pA, pH, a) - fit.nll) - q;
  const solve = (inside: number, outside: number) => {
    let a = inside;
    let b = outside;
    for (let i = 0; i < 200 && Math.abs(b - a) > 1e-12; i++) {
      const m = 0.5 * (a + b);
      if (excess(m) > 0) b = m;
      else a = m;
    }
    return 0.5 * (a + b);
  };
  const lowerClipped = excess(lo) <= 0;
  const upperClipped = excess(hi) <= 0;
  return {
    fit,
    lower: lowerClipped ? lo : solve(fit.alpha, lo),
    upper: upperClipped ? hi : solve(fit.alpha, hi),
    lowerClipped,
    upperClipped,
  };
}
