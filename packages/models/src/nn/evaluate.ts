/**
 * Classifier evaluation over feature columns with the `@hep/stats` metrics: batched scores, ROC
 * curves and AUC (one-vs-rest for several classes), the confusion matrix and accuracy, and score
 * distributions per true class (the histograms of paper 000 Fig. 6 and paper 003 Figs. 8–9).
 *
 * @module
 */
import { HepInputError } from '@hep/core';
import {
  type Axis,
  accuracy,
  argmaxClasses,
  auc,
  type ConfusionMatrix,
  confusionMatrix,
  Histogram,
  type RocCurve,
  rocCurve,
} from '@hep/stats';
import type { BatchModel } from '../shap/coalitions.js';
import type { FeatureColumns } from './data.js';
import type { Network } from './network.js';
import { predict } from './predict.js';

/** Options of {@link evaluateClassifier}. */
export interface EvaluateOptions {
  /** Event weights (ROC, AUC, confusion matrix and histograms are weighted). */
  readonly weights?: ArrayLike<number>;
  /** Binary classifiers: an event is called signal when score ≥ threshold (default 0.5). */
  readonly threshold?: number;
  /** Binning of the score histograms (default 50 equal bins on [0, 1]). */
  readonly axis?: Axis;
  /** Rows per tfjs inference batch (the `'tfjs'` engine of {@link predict}; default its default). */
  readonly batchSize?: number;
}

/** Result of {@link evaluateClassifier}; K = number of score columns (1 for a sigmoid output). */
export interface ClassifierEvaluation {
  /** Scores, row-major n × K. */
  readonly scores: Float64Array;
  /** ROC per score column: signal = label 1 (binary) or class k vs the rest (K > 1). */
  readonly roc: RocCurve[];
  /** Area under each ROC curve. */
  readonly auc: number[];
  /** Confusion matrix of true vs predicted class (binary: score ≥ threshold; else arg-max). */
  readonly confusion: ConfusionMatrix;
  /** Weighted fraction of correctly classified events. */
  readonly accuracy: number;
  /** distributions[k][t]: histogram of score column k for events of true class t. */
  readonly distributions: Histogram[][];
}

/**
 * Histograms of `scores` (one value per event) split by true class: element t holds the events
 * with label t.
 */
export function scoreDistributions(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  nClasses: number,
  axis: Axis = { lower: 0, upper: 1, bins: 50 },
  weights?: ArrayLike<number>,
): Histogram[] {
  if (labels.length !== scores.length) {
    throw new HepInputError('labels', `length ${labels.length} ≠ ${scores.length} scores`);
  }
  const split = Array.from({ length: nClasses }, () => ({ v: [] as number[], w: [] as number[] }));
  for (let i = 0; i < scores.length; i++) {
    const t = labels[i] as number;
    const bucket = split[t];
    if (!Number.isInteger(t) || !bucket) {
      throw new HepInputError('labels', `must be an integer class in [0, ${nClasses}), got ${t}`, i);
    }
    bucket.v.push(scores[i] as number);
    bucket.w.push(weights ? (weights[i] as number) : 1);
  }
  return split.map(({ v, w }) => new Histogram(axis).fill(v, w));
}

/**
 * Scores `net` on `features` in batches and evaluates it against the true class `labels`
 * (0/1 for a sigmoid output, 0..K−1 for a softmax output) with the `@hep/stats` metrics.
 *
 * @example
 * ```ts
 * const ev = evaluateClassifier(net, testColumns, testLabels);
 * ev.auc[0];                  // area under the ROC curve
 * ev.confusion.normalized;    // row-normalised 2 × 2 matrix
 * ev.distributions[0][1];     // score histogram of the signal events
 * ```
 */
export function evaluateClassifier(
  net: Network,
  features: FeatureColumns,
  labels: ArrayLike<number>,
  options: EvaluateOptions = {},
): ClassifierEvaluation {
  const k = net.spec.outputs;
  const scores = predict(net, features, { batchSize: options.batchSize });
  const n = scores.length / k;
  if (labels.length !== n) throw new HepInputError('labels', `length ${labels.length} ≠ ${n} events`);
  const weights = options.weights;
  const nClasses = k === 1 ? 2 : k;
  const column = (c: number) =>
    k === 1 ? scores : Float64Array.from({ length: n }, (_, i) => scores[i * k + c] as number);
  const truth = Int32Array.from({ length: n }, (_, i) => labels[i] as number);
  const predicted =
    k === 1
      ? Int32Array.from(scores, (s) => (s >= (options.threshold ?? 0.5) ? 1 : 0))
      : argmaxClasses(scores, k);
  const confusion = confusionMatrix(truth, predicted, nClasses, weights);
  const roc: RocCurve[] = [];
  const areas: number[] = [];
  const distributions: Histogram[][] = [];
  for (let c = 0; c < k; c++) {
    const s = column(c);
    const positive = k === 1 ? truth : Int32Array.from(truth, (t) => (t === c ? 1 : 0));
    roc.push(rocCurve(s, positive, weights));
    areas.push(auc(s, positive, weights));
    distributions.push(scoreDistributions(s, truth, nClasses, options.axis, weights));
  }
  return { scores, roc, auc: areas, confusion, accuracy: accuracy(confusion), distributions };
}

/** The network as a {@link BatchModel} of one output column (for the SHAP estimators). */
export function scoreModel(net: Network, output = 0): BatchModel {
  const k = net.spec.outputs;
  if (!Number.isInteger(output) || output < 0 || output >= k) {
    throw new HepInputError('output', `must be an integer in [0, ${k}), got ${output}`);
  }
  return (cols) => {
    const s = predict(net, cols);
    return k === 1 ? s : Float64Array.from({ length: s.length / k }, (_, i) => s[i * k + output] as number);
  };
}
