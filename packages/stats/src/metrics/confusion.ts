/**
 * Multi-class confusion matrices, accuracy and arg-max class assignment.
 *
 * @module
 */
import { assertInteger, assertSameLength, HepInputError } from '@hep/core';

/** A confusion matrix: `counts[t * nClasses + p]` = (weighted) events of true class t predicted as p. */
export interface ConfusionMatrix {
  nClasses: number;
  counts: Float64Array;
  /** Row-normalised: each true class sums to 1 (the form of paper 003 Figs. 8–9). */
  normalized: Float64Array;
}

function checkClasses(name: string, labels: ArrayLike<number>, nClasses: number): void {
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i] as number;
    if (!Number.isInteger(l) || l < 0 || l >= nClasses) {
      throw new HepInputError(name, `must be an integer class in [0, ${nClasses}), got ${l}`, i);
    }
  }
}

/** Confusion matrix of true vs predicted class indices (optionally weighted). */
export function confusionMatrix(
  trueLabels: ArrayLike<number>,
  predictedLabels: ArrayLike<number>,
  nClasses: number,
  weights?: ArrayLike<number>,
): ConfusionMatrix {
  assertInteger('nClasses', nClasses, 1);
  assertSameLength('trueLabels', trueLabels.length, 'predictedLabels', predictedLabels.length);
  if (weights) assertSameLength('trueLabels', trueLabels.length, 'weights', weights.length);
  checkClasses('trueLabels', trueLabels, nClasses);
  checkClasses('predictedLabels', predictedLabels, nClasses);
  const counts = new Float64Array(nClasses * nClasses);
  for (let i = 0; i < trueLabels.length; i++) {
    counts[(trueLabels[i] as number) * nClasses + (predictedLabels[i] as number)]! += weights
      ? (weights[i] as number)
      : 1;
  }
  const normalized = new Float64Array(counts.length);
  for (let t = 0; t < nClasses; t++) {
    let row = 0;
    for (let p = 0; p < nClasses; p++) row += counts[t * nClasses + p]!;
    for (let p = 0; p < nClasses; p++)
      normalized[t * nClasses + p] = row > 0 ? counts[t * nClasses + p]! / row : 0;
  }
  return { nClasses, counts, normalized };
}

/** Fraction of (weighted) events on the diagonal of a confusion matrix. */
export function accuracy(matrix: ConfusionMatrix): number {
  let diag = 0;
  let total = 0;
  for (let t = 0; t < matrix.nClasses; t++) {
    for (let p = 0; p < matrix.nClasses; p++) {
      const c = matrix.counts[t * matrix.nClasses + p]!;
      total += c;
      if (t === p) diag += c;
    }
  }
  return diag / total;
}

/**
 * Class with the highest score per event from row-major scores (n × nClasses); ties go to the
 * lowest class index.
 */
export function argmaxClasses(scores: ArrayLike<number>, nClasses: number): Int32Array {
  assertInteger('nClasses', nClasses, 1);
  if (scores.length % nClasses !== 0) {
    throw new HepInputError('scores', `length ${scores.length} is not a multiple of nClasses = ${nClasses}`);
  }
  const n = scores.length / nClasses;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < nClasses; c++)
      if ((scores[i * nClasses + c] as number) > (scores[i * nClasses + best] as number)) best = c;
    out[i] = best;
  }
  return out;
}
