/**
 * The NPLM goodness-of-fit test (D'Agnolo & Wulzer 2019; paper 004 §2.1; FORMULAS.md §1):
 *
 *   t = −2 min_w L[f_w],  L[f] = Σ_{x∈R} w_R (e^{f(x)} − 1) − Σ_{x∈D} f(x),  w_R = N(R)/N_R,
 *
 * with |w| ≤ W on every kernel and bias, t ~ χ²_dof, dof = number of parameters (13 for 1-4-1),
 * p = F̄_{χ²_dof}(t), Z = Φ⁻¹(1 − p), and the learned density ratio n(x|ŵ)/n(x|R) = e^{f(x;ŵ)}.
 *
 * @module
 */
import { assertPositive, HepInputError } from '@hep/core';
import { chi2Sf, normalIsf } from '@hep/stats';
import { checkShape, type TrainingOptions, trainNetwork } from './fit.js';
import { type Sample, sampleShape, stackRows, standardisationOf } from './inputs.js';
import { mergeWeighted1d } from './merge.js';
import { DEFAULT_SHAPE, evaluateNetwork, type NetworkShape, parameterCount } from './network.js';
import { nplmPointwiseLoss } from './objective.js';
import type { TrainingStatus } from './optimize.js';

/** Options of {@link nplmTest}. */
export interface NplmOptions extends TrainingOptions {
  /** N(R): expected number of data events under the reference hypothesis. */
  expectedReference: number;
  /** Network shape (default 1-4-1 for 1-D data; for d > 1 give { inputs: d, hidden }). */
  shape?: NetworkShape;
  /**
   * Weight bound W on all kernels and biases (default 9, the paper-004 value in x′ = 8x units).
   * Fast mode: box constraint; reference mode: clip after every Adam step. Infinity: none.
   */
  weightBound?: number;
  /**
   * 1-D only: reference events closer than this (x units) are merged into one point at their
   * mean carrying their summed weight; the loss changes by O((W·resolution)²) relative (measured:
   * |Δt| < 1e-3 at the default). Default 1e-3 in fast mode, 0 (exact, no merging) in reference mode.
   */
  referenceResolution?: number;
  /**
   * 1-D fast mode: every start is first minimised with reference and data merged at this coarser
   * resolution (x units, merge.ts), and the {@link NPLM_POLISHED_STARTS} lowest distinct coarse
   * minima start the fits of the full problem. Default {@link NPLM_COARSE_RESOLUTION}; 0 turns the
   * screening off (every start is fitted on the full problem).
   */
  coarseResolution?: number;
  /** χ² dof of the p-value (default: the parameter count, 13 for 1-4-1; README: calibration). */
  dof?: number;
}

/**
 * Default L2 penalty λ of the fast NPLM test (events per parameter²), on top of the box |w| ≤ W.
 * With the default multi-start screening ({@link NPLM_FAST_STARTS}) and W = 9, the null for
 * N(R) = 2000, N_R = 200 000 follows χ²₁₃, the parameter count: 300 toys, mean t = 13.02 ± 0.29,
 * ML dof 13.13 ± 0.28, KS p = 0.94 (README: calibration, with the λ scan).
 */
export const NPLM_FAST_PENALTY = 1e-3;

/**
 * Default number of Glorot starts of the 1-D fast NPLM test. The penalised NPLM objective has many
 * local minima (sharp sigmoids at the box); the starts are screened on a coarse merge
 * ({@link NPLM_COARSE_RESOLUTION}) and the best {@link NPLM_POLISHED_STARTS} polished (README:
 * training modes).
 */
export const NPLM_FAST_STARTS = 36;

/** Lowest distinct coarse minima of the fast NPLM test that are polished on the full problem. */
export const NPLM_POLISHED_STARTS = 6;

/** Default coarse merging resolution (x units) of the fast NPLM start screening. */
export const NPLM_COARSE_RESOLUTION = 0.03;

/**
 * Merges sorted-order neighbours of a 1-D sample into groups of width ≤ `resolution` (from the
 * group's first point); returns each group's mean and size.
 */
export function compressSorted(
  values: Float64Array,
  resolution: number,
): { points: Float64Array; counts: Float64Array } {
  const sorted = Float64Array.from(values).sort();
  const points: number[] = [];
  const counts: number[] = [];
  let i = 0;
  while (i < sorted.length) {
    const start = sorted[i] as number;
    let s = 0;
    let k = 0;
    while (i < sorted.length && (sorted[i] as number) - start <= resolution) {
      s += sorted[i] as number;
      k++;
      i++;
    }
    points.push(s / k);
    counts.push(k);
  }
  return { points: Float64Array.from(points), counts: Float64Array.from(counts) };
}

/** Result of a fitted network test. */
export interface NetworkTestResult {
  /** The test statistic t = −2 min L (≥ 0). */
  t: number;
  /** Degrees of freedom of the asymptotic χ² (number of parameters for NPLM). */
  dof: number;
  /** Asymptotic p-value F̄_{χ²_dof}(t). */
  pValue: number;
  /** Z = Φ⁻¹(1 − p). */
  significance: number;
  /** min L reached. */
  loss: number;
  /** Fitted parameters (layout of network.ts). */
  theta: Float64Array;
  /** Convergence status of the training. */
  status: TrainingStatus;
  iterations: number;
  /** Learned density ratio e^{f(x)} at the given points (same layout as the input samples). */
  densityRatio(points: Sample): Float64Array;
}

/** χ² p-value P(χ²_dof > t) and its significance Z = Φ̄⁻¹(p). */
export function chi2PValue(t: number, dof: number): { pValue: number; significance: number } {
  const p = chi2Sf(t, dof);
  return { pValue: p, significance: normalIsf(p) };
}

/**
 * Runs the NPLM test of `data` against the `reference` sample (1-D Float64Array or d columns).
 * Inputs are standardised with the reference sample's mean and spread when d > 1.
 */
export function nplmTest(data: Sample, reference: Sample, options: NplmOptions): NetworkTestResult {
  const ds = sampleShape('data', data);
  const rs = sampleShape('reference', reference);
  if (ds.d !== rs.d) throw new HepInputError('reference', `has ${rs.d} variables, data has ${ds.d}`);
  if (rs.n < 1) throw new HepInputError('reference', 'is empty');
  assertPositive('expectedReference', options.expectedReference);
  const W = options.weightBound ?? 9;
  if (!(W > 0)) throw new HepInputError('weightBound', `must be > 0, got ${W}`);
  const shape = checkShape(options.shape ?? (ds.d === 1 ? DEFAULT_SHAPE : { inputs: ds.d, hidden: 4 }), ds.d);
  const st = standardisationOf(reference, ds.d);
  const wR = options.expectedReference / rs.n;
  const resolution = options.referenceResolution ?? ((options.mode ?? 'fast') === 'fast' ? 1e-3 : 0);
  let refPoints: Sample = reference;
  let refWeights = new Float64Array(rs.n).fill(wR);
  if (ds.d === 1 && resolution > 0) {
    const c = compressSorted(reference as Float64Array, resolution);
    refPoints = c.points;
    refWeights = c.counts.map((k) => k * wR);
  }
  const nRef = refWeights.length;
  const x = stackRows([refPoints, data], ds.d, st);
  const a = new Float64Array(nRef + ds.n);
  const b = new Float64Array(nRef + ds.n);
  a.set(refWeights);
  b.fill(1, nRef);
  const fast = (options.mode ?? 'fast') === 'fast';
  const coarse = options.coarseResolution ?? NPLM_COARSE_RESOLUTION;
  const screening =
    fast && ds.d === 1 && coarse > resolution
      ? (() => {
          const m = mergeWeighted1d(x, a, b, coarse);
          return {
            problem: { shape, x: m.x, loss: nplmPointwiseLoss(m.a, m.b), bound: W },
            polish: NPLM_POLISHED_STARTS,
          };
        })()
      : undefined;
  const fit = trainNetwork(
    { shape, x, loss: nplmPointwiseLoss(a, b), bound: W },
    options,
    NPLM_FAST_PENALTY,
    undefined,
    screening,
    ds.d === 1 ? NPLM_FAST_STARTS : 1,
  );
  const dof = options.dof ?? parameterCount(shape);
  assertPositive('dof', dof);
  return networkTestResult(fit, dof, shape, ds.d, st);
}

/** Packages a training result as a test result (t = max(0, −2L)). */
export function networkTestResult(
  fit: { loss: number; theta: Float64Array; status: NetworkTestResult['status']; iterations: number },
  dof: number,
  shape: NetworkShape,
  d: number,
  st: ReturnType<typeof standardisationOf>,
): NetworkTestResult {
  const t = Math.max(0, -2 * fit.loss);
  const { pValue, significance } = chi2PValue(t, dof);
  const theta = fit.theta;
  return {
    t,
    dof,
    pValue,
    significance,
    loss: fit.loss,
    theta,
    status: fit.status,
    iterations: fit.iterations,
    densityRatio(points: Sample): Float64Array {
      const ps = sampleShape('points', points);
      if (ps.d !== d) throw new HepInputError('points', `has ${ps.d} variables, expected ${d}`);
      const f = evaluateNetwork(theta, shape, stackRows([points], d, st));
      for (let i = 0; i < f.length; i++) f[i] = Math.exp(f[i] as number);
      return f;
    },
  };
}
