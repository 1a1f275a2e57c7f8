/**
 * @packageDocumentation
 */
import type { ReproductionSuite } from '@hep/core';

// PCA, KD-tree kNN regression and kNN-NN stacking (paper 003).
export { Binning } from './knn/binning.js';
export { bruteForceKnn } from './knn/bruteForce.js';
export {
  type KnnGridOptions,
  type KnnGridResult,
  type KnnGridRow,
  knnGridSearch,
} from './knn/gridSearch.js';
export { KdTree, type KdTreeOptions, type RadiusResult } from './knn/kdTree.js';
export { type Metric, metricCode } from './knn/metric.js';
export {
  ClassConditionalKnn,
  type KnnPrediction,
  KnnRegressor,
  type KnnRegressorOptions,
} from './knn/regressor.js';
export { type KnnWeights, neighbourMean } from './knn/weights.js';
export { Pca, type PcaJson, type PcaOptions } from './pca/pca.js';
export {
  type FirstStage,
  KnnNnStack,
  type KnnNnStackOptions,
  type ScorePredictor,
  type ScoreTrainer,
  type StackPrediction,
} from './stacking/knnNnStack.js';

/** Reproduction suites this package registers with `pnpm reproduce`. */
export const reproductionSuites: readonly ReproductionSuite[] = [];
export { type StackingMetrics, type StageMetrics, stackingMetrics } from './stacking/stackingMetrics.js';
