/**
 * ROC curves and the area under them for a binary classifier (signal label 1, background 0),
 * with optional event weights and exact handling of tied scores.
 *
 * @module
 */
import { checkBinary } from './validateLabels.js';

/** A ROC curve: one point per distinct score threshold, from the highest threshold down. */
export interface RocCurve {
  /** Thresholds t: an event is selected when score ≥ t (descending; the first is +∞). */
  thresholds: Float64Array;
  /** True-positive rate = signal efficiency ε_S(t). */
  tpr: Float64Array;
  /** False-positive rate = background efficiency ε_B(t). */
  fpr: Float64Array;
  /** HEP form: background rejection 1/ε_B (∞ where ε_B = 0). */
  backgroundRejection: Float64Array;
}

/** Indices sorted by descending score (ties by index, so the result is deterministic). */
function orderByScore(scores: ArrayLike<number>): Uint32Array {
  const idx = new Uint32Array(scores.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  return idx.sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
}

/** ROC curve from scores and 0/1 labels (optional weights): TPR and FPR at every distinct score. */
export function rocCurve(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  weights?: ArrayLike<number>,
): RocCurve {
  checkBinary(scores, labels, weights);
  const order = orderByScore(scores);
  let totalS = 0;
  let totalB = 0;
  for (let i = 0; i < labels.length; i++) {
    const w = weights ? (weights[i] as number) : 1;
    if (labels[i] === 1) totalS += w;
    else totalB += w;
  }
  const thresholds = [Number.POSITIVE_INFINITY];
  const tpr = [0];
  const fpr = [0];
  let s = 0;
  let b = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const w = weights ? (weights[i] as number) : 1;
    if (labels[i] === 1) s += w;
    else b += w;
    const next = order[k + 1];
    if (next === undefined || scores[next] !== scores[i]) {
      thresholds.push(scores[i] as number);
      tpr.push(s / totalS);
      fpr.push(b / totalB);
    }
  }
  const fprArr = Float64Array.from(fpr);
  return {
    thresholds: Float64Array.from(thresholds),
    tpr: Float64Array.from(tpr),
    fpr: fprArr,
    backgroundRejection: fprArr.map((f) => 1 / f),
  };
}

/**
 * Area under the ROC curve (trapezoidal over the exact curve), equal to the Mann–Whitney
 * probability P(score_S > score_B) + ½ P(score_S = score_B), weighted when weights are given.
 */
export function auc(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  weights?: ArrayLike<number>,
): number {
  return rocArea(rocCurve(scores, labels, weights));
}

/** Area under a {@link RocCurve} by the trapezoidal rule (tied scores are already one point). */
export function rocArea(roc: RocCurve): number {
  const { tpr, fpr } = roc;
  let area = 0;
  for (let k = 1; k < tpr.length; k++) area += 0.5 * (fpr[k]! - fpr[k - 1]!) * (tpr[k]! + tpr[k - 1]!);
  return area;
}
