/**
 * Binary-classification summaries of paper 003: the score asymmetry (eq. 6) and the positive and
 * negative likelihood ratios (eqs. 7–8).
 *
 * @module
 */
import { assertFiniteArray, assertNonEmpty, assertSameLength, HepInputError } from '@hep/core';

/**
 * Score asymmetry of one class (paper 003 eq. 6):
 * [N(score > c) − N(score < c)] / [N(score > c) + N(score < c)], c = 0.5 by default.
 */
export function scoreAsymmetry(scores: ArrayLike<number>, cut = 0.5): number {
  assertNonEmpty('scores', scores);
  assertFiniteArray('scores', scores);
  let above = 0;
  let below = 0;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i] as number;
    if (s > cut) above++;
    else if (s < cut) below++;
  }
  if (above + below === 0) throw new HepInputError('scores', `all equal the cut ${cut}`);
  return (above - below) / (above + below);
}

/** Sensitivity, specificity and the likelihood ratios of a binary decision. */
export interface LikelihoodRatios {
  /** True-positive rate TP/(TP + FN). */
  sensitivity: number;
  /** True-negative rate TN/(TN + FP). */
  specificity: number;
  /** LR₊ = sensitivity / (1 − specificity) (paper 003 eq. 7). */
  positive: number;
  /** LR₋ = (1 − sensitivity) / specificity (paper 003 eq. 8, standard definition of its Ref. 47). */
  negative: number;
}

/** Likelihood ratios from true and predicted 0/1 labels (1 = positive, e.g. the signal class). */
export function likelihoodRatios(
  trueLabels: ArrayLike<number>,
  predictedLabels: ArrayLike<number>,
): LikelihoodRatios {
  assertSameLength('trueLabels', trueLabels.length, 'predictedLabels', predictedLabels.length);
  let tp = 0;
  let fn = 0;
  let tn = 0;
  let fp = 0;
  for (let i = 0; i < trueLabels.length; i++) {
    const t = trueLabels[i];
    const p = predictedLabels[i];
    if ((t !== 0 && t !== 1) || (p !== 0 && p !== 1)) {
      throw new HepInputError(t !== 0 && t !== 1 ? 'trueLabels' : 'predictedLabels', 'must be 0 or 1', i);
    }
    if (t === 1) {
      if (p === 1) tp++;
      else fn++;
    } else if (p === 1) fp++;
    else tn++;
  }
  if (tp + fn === 0 || tn + fp === 0) throw new HepInputError('trueLabels', 'need both classes');
  const sensitivity = tp / (tp + fn);
  const specificity = tn / (tn + fp);
  return {
    sensitivity,
    specificity,
    positive: sensitivity / (1 - specificity),
    negative: (1 - sensitivity) / specificity,
  };
}
