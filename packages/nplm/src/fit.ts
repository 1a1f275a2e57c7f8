/**
 * Shared fitting driver of the NPLM and symmetrized tests: the 'fast' (exact, multi-start projected
 * Newton) and 'reference' (full-batch Adam, fixed epochs) training modes.
 *
 * @module
 */
import { assertInteger, HepInputError, Rng } from '@hep/core';
import { glorotInit, type NetworkShape } from './network.js';
import { minimizeProjectedNewton, type TrainingProblem, type TrainingResult, trainAdam } from './optimize.js';

/** Training options common to the NPLM and symmetrized tests. */
export interface TrainingOptions {
  /** 'fast' (default): exact minimum by projected Newton; 'reference': Adam, lr 1e-3, fixed epochs. */
  mode?: 'fast' | 'reference';
  /** Random starts of the fast mode (default 2); the lowest loss wins. */
  starts?: number;
  /** Adam epochs of the reference mode (default 300 000 as in the reference code). */
  epochs?: number;
  /** Seed of the initial weights (Glorot-uniform kernels, zero biases). Default 0. */
  seed?: number;
}

/** Runs the requested training mode; returns the best result over starts. */
export function trainNetwork(problem: TrainingProblem, options: TrainingOptions): TrainingResult {
  const mode = options.mode ?? 'fast';
  const seed = options.seed ?? 0;
  if (mode === 'reference') {
    const epochs = options.epochs ?? 300_000;
    assertInteger('epochs', epochs, 1);
    return trainAdam(problem, glorotInit(problem.shape, Rng.stream(seed, 0)), { epochs });
  }
  if (mode !== 'fast') throw new HepInputError('mode', `must be 'fast' or 'reference', got ${String(mode)}`);
  const starts = options.starts ?? 2;
  assertInteger('starts', starts, 1);
  let best: TrainingResult | null = null;
  for (let s = 0; s < starts; s++) {
    const r = minimizeProjectedNewton(problem, glorotInit(problem.shape, Rng.stream(seed, s)));
    if (best === null || r.loss < best.loss) best = r;
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
