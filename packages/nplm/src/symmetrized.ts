/**
 * The symmetrized two-sample test of paper 004 §2.2 (FORMULAS.md §2): two networks, each an NPLM
 * fit of one sample against the combined sample C = A ∪ B with realised-count weights,
 *
 *   L_A = Σ_{x∈C} (N_A/N)(e^{f_A} − 1) − Σ_{x∈A} f_A,   L_B likewise,   t_sym = −2 min L_A − 2 min L_B,
 *
 * no weight bound by default (the loss is bounded below), dof = P − 1 (12 for two 1-4-1 nets).
 * In the binned limit t_sym is the G-test of homogeneity of the 2×K table.
 *
 * @module
 */
import { HepInputError } from '@hep/core';
import { checkShape, type TrainingOptions, trainNetwork } from './fit.js';
import { type Sample, sampleShape, stackRows, standardisationOf } from './inputs.js';
import { mergeWeighted1d } from './merge.js';
import { DEFAULT_SHAPE, type NetworkShape, parameterCount } from './network.js';
import { type NetworkTestResult, networkTestResult } from './nplm.js';
import { nplmPointwiseLoss } from './objective.js';

/** Options of {@link symmetrizedTest} and {@link crossEntropyTest}. */
export interface TwoSampleOptions extends TrainingOptions {
  /** Network shape (default 1-4-1 for 1-D samples, d-4-1 otherwise). */
  shape?: NetworkShape;
  /** Weight bound W on all parameters (default Infinity: no clipping, as in the paper). */
  weightBound?: number;
  /**
   * 1-D only: points of the combined sample closer than this (x units) are merged (merge.ts).
   * Default {@link SYMMETRIZED_FAST_RESOLUTION} in the fast mode, 0 (no merging) in the reference mode.
   */
  resolution?: number;
  /**
   * 1-D fast mode: the fit first runs on the combined sample merged at this coarser resolution and
   * its minimum starts the fit at `resolution` (coarse-to-fine). Default
   * {@link SYMMETRIZED_COARSE_RESOLUTION} in the fast mode; ≤ `resolution` turns it off.
   */
  coarseResolution?: number;
}

/** Default merging resolution of the fast symmetrized test (x′ units; measured |Δt| ≲ 0.05). */
export const SYMMETRIZED_FAST_RESOLUTION = 0.005;

/**
 * Default coarse merging resolution of the fast symmetrized test (x′ units): ≈ 100 merged points
 * for N_A = N_B = 2000, whose minimum starts the polish at {@link SYMMETRIZED_FAST_RESOLUTION}.
 */
export const SYMMETRIZED_COARSE_RESOLUTION = 0.05;

/**
 * Default L2 penalty λ of the fast symmetrized test (events per parameter², on each net): chosen so
 * that the null of t_sym for N_A = N_B ≈ 2000 follows χ²₁₂ — 300 toys (coarse-to-fine fits): mean
 * 12.15 ± 0.30, ML dof 12.02 ± 0.27, KS p = 0.73 (README: calibration; exact minima without a
 * penalty give dof ≈ 18).
 */
export const SYMMETRIZED_FAST_PENALTY = 5e-4;

/** Result of {@link symmetrizedTest}. */
export interface SymmetrizedResult {
  /** t_sym = t_A + t_B. */
  t: number;
  /** dof of the asymptotic χ²: P − 1 (12 for 1-4-1). */
  dof: number;
  pValue: number;
  significance: number;
  /** The fit of A against C (its `t` is t_A; `densityRatio` = e^{f_A} = n_A/n_C estimate). */
  fitA: NetworkTestResult;
  /** The fit of B against C. */
  fitB: NetworkTestResult;
}

/** Common preparation: shape, standardisation (combined sample), stacked rows [A; B]. */
export function prepareTwoSample(
  a: Sample,
  b: Sample,
  options: TwoSampleOptions,
): {
  shape: NetworkShape;
  x: Float64Array;
  nA: number;
  nB: number;
  d: number;
  st: ReturnType<typeof standardisationOf>;
  bound: number;
} {
  const as = sampleShape('a', a);
  const bs = sampleShape('b', b);
  if (as.d !== bs.d) throw new HepInputError('b', `has ${bs.d} variables, a has ${as.d}`);
  if (as.n < 1) throw new HepInputError('a', 'is empty');
  if (bs.n < 1) throw new HepInputError('b', 'is empty');
  const bound = options.weightBound ?? Number.POSITIVE_INFINITY;
  if (!(bound > 0)) throw new HepInputError('weightBound', `must be > 0, got ${bound}`);
  const shape = checkShape(options.shape ?? (as.d === 1 ? DEFAULT_SHAPE : { inputs: as.d, hidden: 4 }), as.d);
  const st = standardisationOf(as.d === 1 ? a : combineColumns(a, b, as.d), as.d);
  return { shape, x: stackRows([a, b], as.d, st), nA: as.n, nB: bs.n, d: as.d, st, bound };
}

function combineColumns(a: Sample, b: Sample, d: number): Float64Array[] {
  const out: Float64Array[] = [];
  for (let k = 0; k < d; k++) {
    const ca = (a as readonly Float64Array[])[k] as Float64Array;
    const cb = (b as readonly Float64Array[])[k] as Float64Array;
    const c = new Float64Array(ca.length + cb.length);
    c.set(ca);
    c.set(cb, ca.length);
    out.push(c);
  }
  return out;
}

/**
 * Warm start of the B fit from the A fit: (N_A/N)e^{f_A} + (N_B/N)e^{f_B} = 1 in the flexible
 * limit, so f_B ≈ −(N_A/N_B) f_A: same hidden units, output layer scaled by −N_A/N_B.
 */
function mirrored(thetaA: Float64Array, shape: NetworkShape, ratio: number): Float64Array {
  const out = Float64Array.from(thetaA);
  const vOffset = shape.hidden * (shape.inputs + 1);
  for (let p = vOffset; p < out.length; p++) out[p] = -ratio * (out[p] as number);
  return out;
}

/** Runs the symmetrized test t_sym = t_A + t_B of paper 004 eq. (2.2 family). */
export function symmetrizedTest(a: Sample, b: Sample, options: TwoSampleOptions = {}): SymmetrizedResult {
  const { shape, x, nA, nB, d, st, bound } = prepareTwoSample(a, b, options);
  const N = nA + nB;
  const P = parameterCount(shape);
  const resolution =
    options.resolution ?? ((options.mode ?? 'fast') === 'fast' ? SYMMETRIZED_FAST_RESOLUTION : 0);
  const coarse =
    options.coarseResolution ?? ((options.mode ?? 'fast') === 'fast' ? SYMMETRIZED_COARSE_RESOLUTION : 0);
  // 1-D: sort the combined sample once, so that every merge below is a linear pass
  const order = Array.from({ length: N }, (_, i) => i);
  if (d === 1) order.sort((i, j) => (x[i] as number) - (x[j] as number));
  const xs = d === 1 ? Float64Array.from(order, (i) => x[i] as number) : x;
  const fitOne = (first: number, count: number, weight: number, seedOffset: number, start?: Float64Array) => {
    const wa = new Float64Array(N).fill(weight);
    const wb = new Float64Array(N);
    for (let k = 0; k < N; k++) {
      const i = order[k] as number;
      wb[k] = i >= first && i < first + count ? 1 : 0;
    }
    const problemAt = (r: number) => {
      const m = d === 1 && r > 0 ? mergeWeighted1d(xs, wa, wb, r) : { x: xs, a: wa, b: wb };
      return { shape, x: m.x, loss: nplmPointwiseLoss(m.a, m.b), bound };
    };
    const training = { ...options, seed: (options.seed ?? 0) * 2 + seedOffset };
    let from = start;
    let coarseIterations = 0;
    if (d === 1 && coarse > resolution) {
      // coarse-to-fine: the start is the minimum of the coarsely merged problem (cheap iterations)
      const pre = trainNetwork(problemAt(coarse), training, SYMMETRIZED_FAST_PENALTY, from);
      from = pre.theta;
      coarseIterations = pre.iterations;
    }
    const fit = trainNetwork(problemAt(resolution), training, SYMMETRIZED_FAST_PENALTY, from);
    return networkTestResult({ ...fit, iterations: fit.iterations + coarseIterations }, P, shape, d, st);
  };
  const fitA = fitOne(0, nA, nA / N, 0);
  const fitB = fitOne(nA, nB, nB / N, 1, mirrored(fitA.theta, shape, nA / nB));
  const t = fitA.t + fitB.t;
  const dof = P - 1;
  const r = networkTestResult(
    { loss: -t / 2, theta: fitA.theta, status: fitA.status, iterations: 0 },
    dof,
    shape,
    d,
    st,
  );
  return { t, dof, pValue: r.pValue, significance: r.significance, fitA, fitB };
}

/**
 * G-test of homogeneity of a 2×K table (the binned limit of t_sym and t_CE):
 * G = 2 Σ_b [A_b ln(A_b/E_Ab) + B_b ln(B_b/E_Bb)], E_Ab = N_A (A_b + B_b)/N (empty cells add 0).
 * Equals scipy.stats.chi2_contingency(..., lambda_='log-likelihood') without correction.
 */
export function gTestHomogeneity(countsA: ArrayLike<number>, countsB: ArrayLike<number>): number {
  if (countsA.length !== countsB.length)
    throw new HepInputError('countsB', `has ${countsB.length} bins, countsA has ${countsA.length}`);
  let nA = 0;
  let nB = 0;
  for (let i = 0; i < countsA.length; i++) {
    if (!((countsA[i] as number) >= 0)) throw new HepInputError('countsA', 'must be ≥ 0', i);
    if (!((countsB[i] as number) >= 0)) throw new HepInputError('countsB', 'must be ≥ 0', i);
    nA += countsA[i] as number;
    nB += countsB[i] as number;
  }
  const N = nA + nB;
  let g = 0;
  for (let i = 0; i < countsA.length; i++) {
    const c = (countsA[i] as number) + (countsB[i] as number);
    if ((countsA[i] as number) > 0)
      g += (countsA[i] as number) * Math.log(((countsA[i] as number) * N) / (nA * c));
    if ((countsB[i] as number) > 0)
      g += (countsB[i] as number) * Math.log(((countsB[i] as number) * N) / (nB * c));
  }
  return 2 * g;
}
