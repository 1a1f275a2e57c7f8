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

export { applyActivation } from './nn/activation.js';
// --- neural networks (issue 7) ---
export type { FeatureColumns } from './nn/data.js';
export { packRows, packTargets } from './nn/data.js';
export type { NnBackend } from './nn/engine.js';
export { initEngine } from './nn/engine.js';
export type { ClassifierEvaluation, EvaluateOptions } from './nn/evaluate.js';
export { evaluateClassifier, scoreDistributions, scoreModel } from './nn/evaluate.js';
export { InferencePlan } from './nn/inference.js';
export { initKernel } from './nn/init.js';
export type { KernelLayer, KernelPlan } from './nn/kernelPlan.js';
export {
  binaryCrossEntropyFromLogits,
  categoricalCrossEntropyFromLogits,
  huberLoss,
  meanSquaredError,
  perSampleLoss,
} from './nn/losses.js';
export type { BnBatchStats, ForwardMode, NetworkParam } from './nn/network.js';
export { BN_EPSILON, BN_MOMENTUM, dropoutMask, Network } from './nn/network.js';
export type { OptimizerSpec } from './nn/optimizer.js';
export { Optimizer } from './nn/optimizer.js';
export type {
  DenseArrays,
  FoldedDense,
  FoldedResidual,
  FoldedStep,
  FusedActivation,
  PlanArrays,
} from './nn/planKernels.js';
export { planKernels } from './nn/planKernels.js';
export type { PredictEngine, PredictOptions } from './nn/predict.js';
export { predict } from './nn/predict.js';
export { PredictPool } from './nn/predictPool.js';
export type { MultiClassifierVariant, Preset } from './nn/presets.js';
export {
  cpClassifier,
  lfvClassifier,
  massRegressor,
  massSelectionScore,
  multiClassifier,
} from './nn/presets.js';
export type { ModelJSON } from './nn/serialize.js';
export { MODEL_FORMAT_VERSION, modelFromJSON, modelToJSON } from './nn/serialize.js';
export type {
  Activation,
  BlockSpec,
  DenseSpec,
  Initializer,
  LossSpec,
  NetworkSpec,
  ResidualSpec,
} from './nn/spec.js';
export type {
  EarlyStopping,
  EpochLog,
  Monitor,
  ReduceLrOnPlateau,
  TrainHistory,
  TrainOptions,
} from './nn/train.js';
export { evaluatePacked, trainNetwork } from './nn/train.js';
export type { SplitIndices } from './preprocessing/split.js';
export { resampleUniformInBins, stratifiedSplit } from './preprocessing/split.js';
export type { StandardScalerJSON } from './preprocessing/standardScaler.js';
export { StandardScaler } from './preprocessing/standardScaler.js';
export type { BatchModel, ShapResult } from './shap/coalitions.js';
export { summarizeShap } from './shap/coalitions.js';
export type { KernelShapOptions, KernelShapResult } from './shap/kernelShap.js';
export { kernelShap } from './shap/kernelShap.js';
export type { PermutationShapOptions } from './shap/permutationShap.js';
export { permutationShap } from './shap/permutationShap.js';
export { type StackingMetrics, type StageMetrics, stackingMetrics } from './stacking/stackingMetrics.js';
