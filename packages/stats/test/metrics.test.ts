import { readFileSync } from 'node:fs';
import { HepInputError } from '@hep/core';
import { describe, expect, it } from 'vitest';
import {
  accuracy,
  argmaxClasses,
  auc,
  confusionMatrix,
  likelihoodRatios,
  linearGrid,
  rocCurve,
  scoreAsymmetry,
  separation,
  significanceWithSystematic,
  thresholdScan,
} from '../src/index.js';

const ref = JSON.parse(readFileSync(new URL('./fixtures/metrics_reference.json', import.meta.url), 'utf8'));

describe('classifier metrics against numpy/scipy', () => {
  it('AUC equals the Mann–Whitney statistic with ties, weighted and unweighted', () => {
    expect(auc(ref.scores, ref.labels)).toBeCloseTo(ref.auc, 13);
    expect(auc(ref.scores, ref.labels, ref.weights)).toBeCloseTo(ref.weighted_auc, 13);
  });
  it('ROC points at every distinct threshold, with background rejection', () => {
    const roc = rocCurve(ref.scores, ref.labels);
    expect(Array.from(roc.thresholds.subarray(1))).toEqual(ref.roc_thresholds);
    ref.tpr.forEach((t: number, i: number) => {
      expect(roc.tpr[i + 1]).toBeCloseTo(t, 14);
      expect(roc.fpr[i + 1]).toBeCloseTo(ref.fpr[i], 14);
    });
    expect(roc.backgroundRejection[roc.fpr.length - 1]).toBe(1);
  });
  it('confusion matrix, accuracy and argmax', () => {
    const cm = confusionMatrix(ref.true3, ref.pred3, 3);
    expect(Array.from(cm.counts)).toEqual(ref.confusion3);
    expect(accuracy(cm)).toBeCloseTo(ref.accuracy3, 15);
    expect(cm.normalized[0]! + cm.normalized[1]! + cm.normalized[2]!).toBeCloseTo(1, 15);
    expect(Array.from(argmaxClasses([0.1, 0.7, 0.2, 0.5, 0.5, 0], 3))).toEqual([1, 0]);
  });
  it('separation ⟨S²⟩ (paper 002 eq. 3.2), asymmetry (paper 003 eq. 6) and LR± (eqs. 7–8)', () => {
    expect(separation(ref.hist_signal, ref.hist_background)).toBeCloseTo(ref.separation, 14);
    expect(separation([1, 0], [0, 1])).toBe(1);
    const signalScores = ref.scores.filter((_: number, i: number) => ref.labels[i] === 1);
    expect(scoreAsymmetry(signalScores)).toBeCloseTo(ref.signal_asymmetry, 14);
    const lr = likelihoodRatios(
      ref.labels,
      ref.scores.map((s: number) => (s > 0.5 ? 1 : 0)),
    );
    expect(lr.sensitivity).toBeCloseTo(ref.sensitivity, 14);
    expect(lr.specificity).toBeCloseTo(ref.specificity, 14);
    expect(lr.positive).toBeCloseTo(ref.lr_plus, 12);
    expect(lr.negative).toBeCloseTo(ref.lr_minus, 12);
  });
  it('threshold scan maximising the significance with a systematic (paper 003 eq. 9)', () => {
    const { s, b, delta, value } = ref.eq9;
    expect(significanceWithSystematic(s, b, delta)).toBeCloseTo(value, 14);
    // S(t) = 100(1 − t), B(t) = 1000(1 − t)²: S/√(B + (0.1 B)²) = 100/√(1000 + 10⁴(1 − t)²)
    const fom = (t: number) => significanceWithSystematic(100 * (1 - t), 1000 * (1 - t) ** 2, 0.1);
    const scan = thresholdScan(linearGrid(0.1, 0.99, 90), fom);
    expect(scan.points).toHaveLength(90);
    for (const p of scan.points) expect(p.figureOfMerit).toBeLessThanOrEqual(scan.best.figureOfMerit);
    // which increases with t: the best grid point is the last one, with the closed-form value
    expect(scan.best.threshold).toBeCloseTo(0.99, 12);
    expect(scan.best.figureOfMerit).toBeCloseTo(100 / Math.sqrt(1000 + 1e4 * 0.01 ** 2), 12);
  });
  it('rejects bad input', () => {
    expect(() => auc([0.1, 0.2], [1, 1])).toThrow(HepInputError);
    expect(() => auc([0.1, Number.NaN], [1, 0])).toThrow(/scores\[1\]/);
    expect(() => confusionMatrix([0, 3], [0, 1], 3)).toThrow(/trueLabels\[1\]/);
    expect(() => separation([1, -1], [1, 1])).toThrow(HepInputError);
  });
});
