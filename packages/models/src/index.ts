/**
 * @packageDocumentation
 */
import type { ReproductionSuite } from '@hep/core';

// PCA, KD-tree kNN regression and kNN-NN stacking (paper 003).
export { bruteForceKnn } from './knn/bruteForce.js';
export { KdTree, type KdTreeOptions, type RadiusResult } from './knn/kdTree.js';
export { type Metric, metricCode } from './knn/metric.js';

/** Reproduction suites this package registers with `pnpm reproduce`. */
export const reproductionSuites: readonly ReproductionSuite[] = [];
