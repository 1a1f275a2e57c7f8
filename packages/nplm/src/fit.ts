/**
 * Shared fitting driver of the NPLM and symmetrized tests: the 'fast' (exact, multi-start trust-region
 * Newton) and 'reference' (full-batch Adam, fixed epochs) training modes.
 *
 * @module
 */
import { assertInteger, HepInputError, Rng } from '@hep/core';
import { glorotInit, type NetworkShape, smallestNormFlip } from './network.js';
import { type TrainingProblem, type TrainingResult, trainAdam } from './optimize.js';
import { minimizeTrustRegion } from './trustRegion.js';

/** Training options common to the NPLM and symmetrized tests. */
export interface TrainingOptions {
  /** 'fast' (default): exact minimum by trust-region Newton; 'reference': Adam, lr 1e-3, fixed epochs. */
  mode?: 'fast' | 'reference';
  /**
   * Glorot starts of the fast mode; the lowest penalised objective wins. Default 1, except the 1-D
   * NPLM test: `NPLM_FAST_STARTS` starts screened on a coarse merge, the best ones polished (nplm.ts).
   */
  starts?: number;
  /** Iteration cap of each fast-mode start (default 1000; the status reports when it is hit). */
  maxIterations?: number;
  /** Adam epochs of the reference mode (default 300 000 as in the reference code). */
  epochs?: number;
  /**
   * L2 penalty λ (events per parameter², objective L + λ‖θ‖²; t is −2L at the penalised minimum).
   * Default: 0 in the reference mode; in the fast mode the calibrated default of the test.
   */
  penalty?: number;
  /** Seed of the initial weights (Glorot-uniform kernels, zero biases). Default 0. */
  seed?: number;
}

/**
 * Multi-start screening on a coarse problem (fast mode): every start is first minimised on
 * `problem` (the same loss on coarsely merged points, cheap iterations), and the `polish` lowest
 * distinct coarse minima then start the fits of the full problem.
 */
export interface CoarseScreening {
  /** The coarse problem (its penalty is replaced by the training penalty). */
  problem: TrainingProblem;
  /** How many of the lowest distinct coarse minima are polished on the full problem. */
  polish: number;
}

/** Coarse minima closer than this in penalised objective (events) count as one basin. */
const SAME_BASIN = 1e-7;

/**
 * Runs the requested training mode; returns the best result (lowest penalised objective) over
 * starts. With a penalty, each final fast fit is refitted once from its unit flip of smallest norm
 * (`smallestNormFlip`: the same f, a lower λ‖θ‖²) and the lower of the two kept. `fastPenalty` is the calibrated default λ of the calling test in the fast mode;
 * `firstStart` (fast mode) replaces the first Glorot start (a warm start); `screening` (fast mode)
 * minimises every start on a coarse problem first and polishes only the best ones; `defaultStarts`
 * is the start count when `options.starts` is not given.
 */
export function trainNetwork(
  base: TrainingProblem,
  options: TrainingOptions,
  fastPenalty = 0,
  firstStart?: Float64Array,
  screening?: CoarseScreening,
  defaultStarts = 1,
): TrainingResult {
  const mode = options.mode ?? 'fast';
  const seed = options.seed ?? 0;
  const penalty = options.penalty ?? (mode === 'fast' ? fastPenalty : 0);
  if (!(penalty >= 0)) throw new HepInputError('penalty', `must be ≥ 0, got ${penalty}`);
  const problem = { ...base, penalty };
  if (mode === 'reference') {
    const epochs = options.epochs ?? 300_000;
    assertInteger('epochs', epochs, 1);
    return trainAdam(problem, glorotInit(problem.shape, Rng.stream(seed, 0)), { epochs });
  }
  if (mode !== 'fast') throw new HepInputError('mode', `must be 'fast' or 'reference', got ${String(mode)}`);
  const starts = options.starts ?? defaultStarts;
  assertInteger('starts', starts, 1);
  const trOptions = { maxIterations: options.maxIterations ?? 1000 };
  let candidates = Array.from({ length: starts }, (_, s) =>
    s === 0 && firstStart !== undefined ? firstStart : glorotInit(problem.shape, Rng.stream(seed, s)),
  );
  let iterations = 0;
  if (screening !== undefined) {
    const coarse = { ...screening.problem, penalty };
    const minima = candidates
      .map((start) => minimizeTrustRegion(coarse, start, trOptions))
      .sort((p, q) => p.objective - q.objective);
    for (const m of minima) iterations += m.iterations;
    const distinct = minima.filter(
      (m, k) => k === 0 || m.objective - (minima[k - 1] as TrainingResult).objective > SAME_BASIN,
    );
    candidates = distinct.slice(0, screening.polish).map((m) => m.theta);
  }
  let best: TrainingResult | null = null;
  for (const start of candidates) {
    let r = minimizeTrustRegion(problem, start, trOptions);
    iterations += r.iterations;
    // with a penalty, the unit flip of smallest norm (same f, lower λ‖θ‖²) starts one more fit
    const flipped = penalty > 0 ? smallestNormFlip(r.theta, problem.shape, problem.bound) : null;
    if (flipped !== null) {
      const again = minimizeTrustRegion(problem, flipped, trOptions);
      iterations += again.iterations;
      if (again.objective < r.objective) r = again;
    }
    if (best === null || r.objective < best.objective) best = r;
  }
  return { ...(best as TrainingResult), iterations };
}

/** Validates a network shape against the data dimension. */
export function checkShape(shape: NetworkShape, d: number): NetworkShape {
  assertInteger('shape.hidden', shape.hidden, 1);
  if (shape.inputs !== d)
    throw new HepInputError('shape.inputs', `is ${shape.inputs} but the samples have ${d} variables`);
  return shape;
}
