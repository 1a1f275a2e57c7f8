/**
 * kNN regression in a PCA latent space, paper 003 eqs. (1)–(2): the support set S = {(X_i, F(X_i))}
 * is mapped by the PCA 𝒯_P, indexed by a {@link KdTree}, and a new event gets the (inverse-distance
 * or uniform) mean of its k neighbours' targets. With a {@link Binning}, the target is the bin
 * index of the event in the histogram of F (eq. 2) and the prediction is mapped back to F at the
 * interpolated bin centre. {@link ClassConditionalKnn} keeps one such regressor per event class.
 *
 * @module
 */
import { assertFiniteArray, assertInteger, HepInputError } from '@hep/core';
import { Pca } from '../pca/pca.js';
import type { Binning } from './binning.js';
import { KdTree } from './kdTree.js';
import type { Metric } from './metric.js';
import { type KnnWeights, neighbourMean } from './weights.js';

/** Hyperparameters of {@link KnnRegressor} (the grid of eq. 4). */
export interface KnnRegressorOptions {
  /** Number of neighbours k (default 5). */
  k?: number;
  /** Distance `Dist` (default Euclidean). */
  metric?: Metric;
  /** `uniform` or inverse-`distance` weights (default `distance`, eq. 1). */
  weights?: KnnWeights;
  /** Number of PCA components P (default all features). */
  nComponents?: number;
  /** Standardise features before the PCA (default false). */
  scale?: boolean;
  /** Regress the bin index in this binning (eq. 2) instead of the raw target (eq. 1). */
  binning?: Binning;
  /** KD-tree leaf size (default 32). */
  leafSize?: number;
}

/** Prediction of {@link KnnRegressor.predict}: target values and, with a binning, fractional bin indices. */
export interface KnnPrediction {
  /** Predicted target F (GeV for a mass); the interpolated bin centre when binned. */
  value: Float64Array;
  /** Predicted fractional bin index (eq. 2), or null without binning. */
  bin: Float64Array | null;
}

/** kNN regressor in the PCA latent space (see module documentation). */
export class KnnRegressor {
  private readonly tree: KdTree;
  private readonly targets: Float64Array;

  private constructor(
    /** The fitted latent map 𝒯. */
    readonly pca: Pca,
    /** Number of neighbours k. */
    readonly k: number,
    /** Distance `Dist`. */
    readonly metric: Metric,
    /** Weighting of eq. (1). */
    readonly weights: KnnWeights,
    /** Number of PCA components P. */
    readonly nComponents: number,
    /** Target binning of eq. (2), or null to regress the raw target. */
    readonly binning: Binning | null,
    tree: KdTree,
    targets: Float64Array,
  ) {
    this.tree = tree;
    this.targets = targets;
  }

  /**
   * Builds the regressor from a support set: feature columns and the target column F.
   *
   * @throws HepInputError when lengths differ, values are not finite, k exceeds the support size
   *   or P exceeds the number of features.
   */
  static fit(
    features: readonly ArrayLike<number>[],
    target: ArrayLike<number>,
    options: KnnRegressorOptions = {},
  ): KnnRegressor {
    const k = options.k ?? 5;
    assertInteger('options.k', k, 1);
    assertFiniteArray('target', target);
    if (features.length > 0 && features[0]!.length !== target.length) {
      throw new HepInputError(
        'target',
        `length ${target.length} differs from the features (length ${features[0]!.length})`,
      );
    }
    if (k > target.length)
      throw new HepInputError('options.k', `k = ${k} exceeds the ${target.length} support events`);
    const pca = Pca.fit(features, { scale: options.scale ?? false });
    const p = options.nComponents ?? features.length;
    const latent = pca.transformRows(features, p);
    const tree = KdTree.build(latent, p, { leafSize: options.leafSize ?? 32 });
    const targets = options.binning ? options.binning.binIndices(target) : Float64Array.from(target);
    return new KnnRegressor(
      pca,
      k,
      options.metric ?? 'euclidean',
      options.weights ?? 'distance',
      p,
      options.binning ?? null,
      tree,
      targets,
    );
  }

  /** Predicts the target of each event of `features` (same columns as the support set). */
  predict(features: readonly ArrayLike<number>[]): KnnPrediction {
    const latent = this.pca.transformRows(features, this.nComponents);
    const n = latent.length / this.nComponents;
    const index = new Int32Array(n * this.k);
    const dist = new Float64Array(n * this.k);
    this.tree.knnBatch(latent, this.k, index, dist, this.metric);
    const raw = new Float64Array(n);
    for (let i = 0; i < n; i++)
      raw[i] = neighbourMean(this.targets, index, dist, i * this.k, this.k, this.weights);
    if (!this.binning) return { value: raw, bin: null };
    const binning = this.binning;
    return { value: raw.map((b) => binning.valueOf(b)), bin: raw };
  }
}

/**
 * One {@link KnnRegressor} per event class (paper 003 Sec. 3: "for each class, we construct a
 * regressor"); each event is answered by the regressor of the class it is assigned to.
 */
export class ClassConditionalKnn {
  /** @param regressors - regressor of class c at index c. */
  constructor(readonly regressors: readonly KnnRegressor[]) {
    if (regressors.length === 0) throw new HepInputError('regressors', 'must not be empty');
  }

  /**
   * Fits one regressor per class on the events with `labels[i] = c`, c = 0 … nClasses − 1.
   *
   * @throws HepInputError for a label outside [0, nClasses) or a class with fewer than k events.
   */
  static fit(
    features: readonly ArrayLike<number>[],
    target: ArrayLike<number>,
    labels: ArrayLike<number>,
    nClasses: number,
    options: KnnRegressorOptions = {},
  ): ClassConditionalKnn {
    assertInteger('nClasses', nClasses, 1);
    const members: number[][] = Array.from({ length: nClasses }, () => []);
    for (let i = 0; i < labels.length; i++) {
      const c = labels[i]!;
      if (!Number.isInteger(c) || c < 0 || c >= nClasses) {
        throw new HepInputError('labels', `must be an integer in [0, ${nClasses}), got ${c}`, i);
      }
      members[c]!.push(i);
    }
    return new ClassConditionalKnn(
      members.map((rows, c) => {
        if (rows.length === 0) throw new HepInputError('labels', `class ${c} has no events`);
        const pick = (col: ArrayLike<number>) => Float64Array.from(rows, (i) => col[i]!);
        return KnnRegressor.fit(features.map(pick), pick(target), options);
      }),
    );
  }

  /** Predicts each event with the regressor of `classes[i]` (e.g. the classifier's argmax). */
  predict(features: readonly ArrayLike<number>[], classes: ArrayLike<number>): KnnPrediction {
    const n = classes.length;
    for (let i = 0; i < n; i++) {
      const c = classes[i]!;
      if (!Number.isInteger(c) || c < 0 || c >= this.regressors.length) {
        throw new HepInputError('classes', `must be an integer in [0, ${this.regressors.length})`, i);
      }
    }
    const value = new Float64Array(n);
    const binned = this.regressors[0]!.binning !== null;
    const bin = binned ? new Float64Array(n) : null;
    for (let c = 0; c < this.regressors.length; c++) {
      const rows: number[] = [];
      for (let i = 0; i < n; i++) if (classes[i] === c) rows.push(i);
      if (rows.length === 0) continue;
      const pred = this.regressors[c]!.predict(
        features.map((col) => Float64Array.from(rows, (i) => col[i]!)),
      );
      rows.forEach((i, r) => {
        value[i] = pred.value[r]!;
        if (bin) bin[i] = pred.bin![r]!;
      });
    }
    return { value, bin };
  }
}
