/**
 * The comparison of NN₁ and NN₂ in paper 003 (Table 2, Fig. 9), computed with the @hep/stats
 * metrics: overall accuracy, the score asymmetry of eq. 6 for each true class (on the signal-class
 * score), the likelihood ratios LR± of eqs. 7–8 (signal class positive, all backgrounds negative,
 * decision = arg-max class), and the difference of the row-normalised confusion matrices NN₂ − NN₁.
 *
 * @module
 */
import { assertInteger, HepInputError } from '@hep/core';
import {
  accuracy,
  confusionMatrix,
  type LikelihoodRatios,
  likelihoodRatios,
  scoreAsymmetry,
} from '@hep/stats';
import type { StackPrediction } from './knnNnStack.js';

/** Metrics of one classifier stage. */
export interface StageMetrics {
  accuracy: number;
  /** Eq. 6 asymmetry of the signal score for the events of each true class (NaN for an empty class). */
  asymmetry: Float64Array;
  likelihoodRatios: LikelihoodRatios;
  /** Row-normalised confusion matrix (row = true class), row-major C × C. */
  confusion: Float64Array;
}

/** NN₁ and NN₂ metrics and the confusion difference NN₂ − NN₁ (positive diagonal = improvement). */
export interface StackingMetrics {
  first: StageMetrics;
  second: StageMetrics;
  confusionDifference: Float64Array;
}

function stage(
  scores: Float64Array,
  labels: Int32Array,
  trueLabels: ArrayLike<number>,
  nClasses: number,
  signalClass: number,
): StageMetrics {
  const cm = confusionMatrix(trueLabels, labels, nClasses);
  const asymmetry = new Float64Array(nClasses).fill(Number.NaN);
  for (let c = 0; c < nClasses; c++) {
    const own: number[] = [];
    for (let i = 0; i < trueLabels.length; i++)
      if (trueLabels[i] === c) own.push(scores[i * nClasses + signalClass]!);
    if (own.length > 0) asymmetry[c] = scoreAsymmetry(own);
  }
  const isSignal = Array.from(trueLabels, (t) => (t === signalClass ? 1 : 0));
  const predictedSignal = Array.from(labels, (l) => (l === signalClass ? 1 : 0));
  return {
    accuracy: accuracy(cm),
    asymmetry,
    likelihoodRatios: likelihoodRatios(isSignal, predictedSignal),
    confusion: cm.normalized,
  };
}

/**
 * Paper 003 metrics of a {@link StackPrediction} against the true classes (0..C−1).
 * `signalClass` (default 0) is the heavy-Higgs class.
 */
export function stackingMetrics(
  prediction: StackPrediction,
  trueLabels: ArrayLike<number>,
  nClasses: number,
  signalClass = 0,
): StackingMetrics {
  assertInteger('nClasses', nClasses, 2);
  assertInteger('signalClass', signalClass);
  if (signalClass >= nClasses) throw new HepInputError('signalClass', `must be < nClasses = ${nClasses}`);
  if (trueLabels.length !== prediction.labels.length) {
    throw new HepInputError(
      'trueLabels',
      `length ${trueLabels.length} differs from the prediction (${prediction.labels.length})`,
    );
  }
  const first = stage(prediction.first.scores, prediction.first.labels, trueLabels, nClasses, signalClass);
  const second = stage(prediction.scores, prediction.labels, trueLabels, nClasses, signalClass);
  return { first, second, confusionDifference: second.confusion.map((v, k) => v - first.confusion[k]!) };
}
