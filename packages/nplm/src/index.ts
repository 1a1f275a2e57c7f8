/**
 * `@hep/nplm`: the New Physics Learning Machine (D'Agnolo & Wulzer 2019) and the symmetrized
 * two-sample test of paper 004, with an exact fast optimiser and the reference Adam training.
 *
 * @packageDocumentation
 */
import type { ReproductionSuite } from '@hep/core';
import { nplmModesSuite } from './reproduce/modesSuite.js';
import { nplmNullSuite, symmetrizedNullSuite } from './reproduce/nullSuites.js';
import { symmetrizedPermutationSuite } from './reproduce/permutationSuite.js';
import { nplmSensitivitySuite } from './reproduce/sensitivitySuite.js';

export { type CliIo, main as nplmCli } from './cli/nplm.js';
export { crossEntropyPointwiseLoss, crossEntropyTest } from './crossEntropy.js';
export { type SymmetricEigen, symmetricEigen } from './eigen.js';
export { type CoarseScreening, checkShape, type TrainingOptions, trainNetwork } from './fit.js';
export { idealSignificance, idealSignificanceBinned } from './ideal.js';
export { type Sample, type Standardisation, sampleShape, stackRows, standardisationOf } from './inputs.js';
export { type MergedPoints, mergeWeighted1d } from './merge.js';
export {
  DEFAULT_SHAPE,
  evaluateNetwork,
  glorotInit,
  type NetworkShape,
  parameterCount,
  sigmoid,
  smallestNormFlip,
} from './network.js';
export {
  chi2PValue,
  type NetworkTestResult,
  NPLM_COARSE_RESOLUTION,
  NPLM_FAST_PENALTY,
  NPLM_FAST_STARTS,
  NPLM_POLISHED_STARTS,
  type NplmOptions,
  networkTestResult,
  nplmTest,
} from './nplm.js';
export { type NullSummary, summariseNull } from './nullSummary.js';
export {
  evaluateLoss,
  evaluateObjective,
  nplmPointwiseLoss,
  type ObjectiveValue,
  ObjectiveWorkspace,
  type PointwiseLoss,
} from './objective.js';
export {
  type AdamOptions,
  projectedGradientNorm,
  type TrainingProblem,
  type TrainingResult,
  type TrainingStatus,
  trainAdam,
} from './optimize.js';
export { type SymmetrizedPermutationOptions, symmetrizedPermutationTest } from './permutation.js';
export {
  gTestHomogeneity,
  prepareTwoSample,
  SYMMETRIZED_COARSE_RESOLUTION,
  SYMMETRIZED_FAST_PENALTY,
  SYMMETRIZED_FAST_RESOLUTION,
  type SymmetrizedResult,
  symmetrizedTest,
  type TwoSampleOptions,
} from './symmetrized.js';
export {
  mergeToyShardFiles,
  type RunToysRange,
  runToyShard,
  runToys,
  type ToyShardFile,
} from './toyJobs.js';
export { createToyRunner, type ToyJob, type ToyResult } from './toyRunner.js';
export {
  type BenchmarkSignal,
  backgroundDensity,
  sampleBackground,
  sampleBenchmarkData,
  sampleSignal,
  signalDensity,
} from './toys.js';
export {
  type BoxMinimum,
  type BoxObjective,
  type BoxObjectiveValue,
  minimizeBox,
  minimizeTrustRegion,
  type TrustRegionOptions,
} from './trustRegion.js';

/** Reproduction suites this package registers with `pnpm reproduce`. */
export const reproductionSuites: readonly ReproductionSuite[] = [
  nplmNullSuite,
  symmetrizedNullSuite,
  symmetrizedPermutationSuite,
  nplmSensitivitySuite,
  nplmModesSuite,
];
