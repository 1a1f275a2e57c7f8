/**
 * The toy module of {@link toyHypotest} (run in worker threads by `runToysParallel` of @hep/core;
 * built as its own entry `toyRunner`). Toy `index` draws, from `Rng.stream(seed, index)`, one dataset
 * under the signal-plus-background hypothesis (parameters fitted at μ) and one under the background
 * hypothesis (fitted at μ = 0, or μ = 1 for q0), and evaluates the test statistic at μ on both.
 *
 * @module
 */

import { Rng } from '@hep/core';
import { buildModel, type ModelOptions } from '../histfactory/model.js';
import { sampleData } from '../histfactory/sample.js';
import type { WorkspaceSpec } from '../histfactory/workspace.js';
import { type TestStatisticName, testStatistic } from './testStatistics.js';

/** Structured-cloneable arguments of `createToyRunner` (the per-toy work of a worker pool). */
export interface ToyArgs {
  workspace: WorkspaceSpec;
  modelOptions: ModelOptions;
  testStat: TestStatisticName;
  /** Tested POI value. */
  mu: number;
  seed: number;
  /** Generating parameters of the signal-plus-background and background toys. */
  sigPars: Float64Array;
  bkgPars: Float64Array;
  poiBounds?: readonly [number, number];
}

/** Result of one toy: the test statistic on the s+b and b datasets and the number of failed fits (0–4). */
export interface ToyResult {
  sb: number;
  b: number;
  failedFits: number;
}

/** Builds the model once per thread and returns the function that runs toy `index`. */
export function createToyRunner(args: ToyArgs): (index: number) => ToyResult {
  const model = buildModel(args.workspace, args.modelOptions);
  const opts = { poiBounds: args.poiBounds };
  return (index) => {
    const rng = Rng.stream(args.seed, index);
    const s = testStatistic(args.testStat, model, sampleData(model, args.sigPars, rng), args.mu, opts);
    const b = testStatistic(args.testStat, model, sampleData(model, args.bkgPars, rng), args.mu, opts);
    const failedFits = [s.free, s.conditional, b.free, b.conditional].filter((f) => f.status !== 0).length;
    return { sb: s.value, b: b.value, failedFits };
  };
}
