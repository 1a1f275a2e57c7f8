/**
 * The kNNNN stacking pipeline of paper 003 (Fig. 7):
 *
 * 1. a classifier NN₁ gives class scores p = (p₁ … p_C) for each event;
 * 2. the event is routed to the kNN regressor of class argmax_c p_c (one support set per class,
 *    eqs. 1–2) which predicts M_ℓℓνν;
 * 3. the scores and the predicted mass are appended to the features, X′ = (X, p, M_ℓℓνν);
 * 4. a second classifier NN₂ is trained on and applied to X′.
 *
 * The classifiers are any functions mapping feature columns to row-major `n × C` scores, so the
 * neural networks of this package, or any other model, plug in. Classifier metrics (accuracy,
 * asymmetry, LR±, confusion differences NN₂ − NN₁, paper eqs. 6–8) belong to `@hep/stats`.
 *
 * @module
 */

import { assertInteger, HepInputError } from '@hep/core';
import { argmaxClasses } from '@hep/stats';
import type { ClassConditionalKnn } from '../knn/regressor.js';

/** A trained classifier: feature columns → class scores, row-major `n × nClasses`. */
export type ScorePredictor = (columns: readonly Float64Array[]) => Float64Array;

/** Trains NN₂ on the augmented columns X′ and integer labels; returns its predictor. */
export type ScoreTrainer = (
  columns: readonly Float64Array[],
  labels: Int32Array,
) => ScorePredictor | Promise<ScorePredictor>;

/** Configuration of {@link KnnNnStack}. */
export interface KnnNnStackOptions {
  /** The first classifier NN₁. */
  nn1: ScorePredictor;
  /** Number of classes C (scores per event). */
  nClasses: number;
  /** One kNN regressor per class, indexed like NN₁'s scores. */
  regressor: ClassConditionalKnn;
  /**
   * Indices of the feature columns fed to the regressor (default all); the paper leaves the
   * Higgsness out of the regressor but gives it to the classifiers.
   */
  regressorFeatures?: number[];
}

/** Output of the first stage. */
export interface FirstStage {
  /** NN₁ scores, row-major `n × C`. */
  scores: Float64Array;
  /** argmax_c of the scores (lowest class on ties). */
  labels: Int32Array;
  /** Regressed target of the routed class (GeV for M_ℓℓνν). */
  mass: Float64Array;
}

/** Output of the full pipeline. */
export interface StackPrediction {
  /** NN₁ scores and labels and the regressed mass. */
  first: FirstStage;
  /** NN₂ scores, row-major `n × C`. */
  scores: Float64Array;
  /** argmax_c of the NN₂ scores. */
  labels: Int32Array;
}

/** The kNN → NN stack (see module documentation). */
export class KnnNnStack {
  private nn2: ScorePredictor | null = null;

  /** @throws HepInputError when the regressor's class count differs from `nClasses`. */
  constructor(readonly options: KnnNnStackOptions) {
    assertInteger('options.nClasses', options.nClasses, 1);
    if (options.regressor.regressors.length !== options.nClasses) {
      throw new HepInputError(
        'options.regressor',
        `has ${options.regressor.regressors.length} classes, expected ${options.nClasses}`,
      );
    }
  }

  /** Steps 1–2: NN₁ scores, routed class and regressed mass. */
  firstStage(features: readonly Float64Array[]): FirstStage {
    if (features.length === 0) throw new HepInputError('features', 'must contain at least one column');
    const n = features[0]!.length;
    const scores = checkScores('nn1', this.options.nn1(features), n, this.options.nClasses);
    const labels = argmaxClasses(scores, this.options.nClasses);
    const sel = this.options.regressorFeatures;
    const regX = sel
      ? sel.map((j, i) => {
          const col = features[j];
          if (!col) throw new HepInputError(`options.regressorFeatures[${i}]`, `no feature column ${j}`);
          return col;
        })
      : features;
    const mass = this.options.regressor.predict(regX, labels).value;
    return { scores, labels, mass };
  }

  /** Step 3: X′ = (X, p₁ … p_C, M) as columns (inputs are not modified). */
  augment(features: readonly Float64Array[], first: FirstStage): Float64Array[] {
    const c = this.options.nClasses;
    const n = first.labels.length;
    const scoreCols = Array.from({ length: c }, (_, k) =>
      Float64Array.from({ length: n }, (_, i) => first.scores[i * c + k]!),
    );
    return [...features, ...scoreCols, first.mass];
  }

  /** Step 4 (training): runs the first stage on `features` and trains NN₂ on X′ with `train`. */
  async fitSecondStage(
    features: readonly Float64Array[],
    labels: ArrayLike<number>,
    train: ScoreTrainer,
  ): Promise<void> {
    const first = this.firstStage(features);
    if (labels.length !== first.labels.length) {
      throw new HepInputError(
        'labels',
        `length ${labels.length} differs from the features (${first.labels.length})`,
      );
    }
    const y = new Int32Array(labels.length);
    for (let i = 0; i < labels.length; i++) {
      const v = labels[i]!;
      if (!Number.isInteger(v) || v < 0 || v >= this.options.nClasses) {
        throw new HepInputError('labels', `must be an integer in [0, ${this.options.nClasses})`, i);
      }
      y[i] = v;
    }
    this.nn2 = await train(this.augment(features, first), y);
  }

  /** The full pipeline: first stage, then NN₂ on X′. @throws HepInputError before {@link KnnNnStack.fitSecondStage}. */
  predict(features: readonly Float64Array[]): StackPrediction {
    if (!this.nn2) throw new HepInputError('nn2', 'second stage not trained; call fitSecondStage first');
    const first = this.firstStage(features);
    const scores = checkScores(
      'nn2',
      this.nn2(this.augment(features, first)),
      first.labels.length,
      this.options.nClasses,
    );
    return { first, scores, labels: argmaxClasses(scores, this.options.nClasses) };
  }
}

function checkScores(name: string, scores: Float64Array, n: number, c: number): Float64Array {
  if (!(scores instanceof Float64Array) || scores.length !== n * c) {
    throw new HepInputError(name, `must return a Float64Array of n × nClasses = ${n * c} scores`);
  }
  for (let i = 0; i < scores.length; i++) {
    if (!Number.isFinite(scores[i]!)) throw new HepInputError(name, 'returned a non-finite score', i);
  }
  return scores;
}
