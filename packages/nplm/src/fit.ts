/**
 * Shared fitting driver of the NPLM and symmetrized tests: the 'fast' (exact, multi-start trust-region
 * Newton) and 'reference' (full-batch Adam, fixed epochs) training modes.
 *
 * @module
 */
import { assertInteger, HepInputError, Rng } from '@hep/core';
import { glorotInit, type NetworkShape } from './network.js';
import { type TrainingProblem, type TrainingResult, trainAdam } from './optimize.js';
import { minimizeTrustRegion } from './trustRegion.js';

/** Training options common to the NPLM and symmetrized tests. */
export interface TrainingOptions {
  /** 'fast' (default): exact minimum by trust-region Newton; 'reference': Adam, lr 1e-3, fixed epochs. */
  mode?: 'fast' | 'reference';
  /** Random starts of the fast mode (default 1); the lowest penalised objective wins. */
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
 * Runs the requested training mode; returns the best result (lowest penalised objective) over
 * starts. `fastPenalty` is the calibrated default λ of the calling test in the fast mode;
 * `firstStart` (fast mode) replaces the first Glorot start (a warm start).
 */
export function trainNetwork(
  base: TrainingProblem,
  options: TrainingOptions,
  fastPenalty = 0,
  firstStart?: Float64Array,
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
  const starts = options.starts ?? 1;
  assertInteger('starts', starts, 1);
  let best: TrainingResult | null = null;
  for (let s = 0; s < starts; s++) {
    const start =
      s === 0 && firstStart !== undefined ? firstStart : glorotInit(problem.shape, Rng.stream(seed, s));
    const r = minimizeTrustRegion(problem, start, {
      maxIterations: options.maxIterations ?? 1000,
    });
    if (best === null || r.objective < best.objective) best = r;
  }
  return best as TrainingResult;
}

/** Validates a network shape against the data dimension. */
export function checkShape(shape: NetworkShape, d: number): NetworkShape {
  assertInteger('shape.hidden', shape.hidden, 1);
  if (shape.inputs !== d)
    throw new HepInputError('shape.inputs', `is ${shape.inputs} but the samples have ${d} variables`);
  return shape;
}
