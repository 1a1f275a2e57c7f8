import { HepInputError } from '@hep/core';
import { describe, expect, it } from 'vitest';
import { stackingMetrics } from '../src/index.js';

// 6 events, 2 classes (0 = signal): scores row-major n × 2; values chosen so every metric is a
// hand-countable fraction
const trueLabels = [0, 0, 0, 1, 1, 1];
const first = {
  scores: Float64Array.from([0.9, 0.1, 0.6, 0.4, 0.3, 0.7, 0.8, 0.2, 0.2, 0.8, 0.1, 0.9]),
  labels: Int32Array.from([0, 0, 1, 0, 1, 1]),
  mass: new Float64Array(6),
};
const prediction = {
  first,
  scores: Float64Array.from([0.9, 0.1, 0.7, 0.3, 0.6, 0.4, 0.4, 0.6, 0.2, 0.8, 0.1, 0.9]),
  labels: Int32Array.from([0, 0, 0, 1, 1, 1]),
};

describe('paper 003 stacking metrics (Table 2 quantities, Fig. 9 difference)', () => {
  it('counts accuracy, asymmetry, LR± and the confusion difference by hand', () => {
    const m = stackingMetrics(prediction, trueLabels, 2);
    // NN₁: 4 of 6 right; NN₂: all right
    expect(m.first.accuracy).toBeCloseTo(4 / 6, 15);
    expect(m.second.accuracy).toBe(1);
    // signal-score asymmetry of the signal events: NN₁ scores 0.9, 0.6, 0.3 → (2 − 1)/3
    expect(m.first.asymmetry[0]).toBeCloseTo(1 / 3, 15);
    // of the background events: NN₁ signal scores 0.8, 0.2, 0.1 → (1 − 2)/3
    expect(m.first.asymmetry[1]).toBeCloseTo(-1 / 3, 15);
    // NN₁ sensitivity 2/3, specificity 2/3: LR₊ = (2/3)/(1/3) = 2, LR₋ = (1/3)/(2/3) = 0.5
    expect(m.first.likelihoodRatios.positive).toBeCloseTo(2, 14);
    expect(m.first.likelihoodRatios.negative).toBeCloseTo(0.5, 14);
    // confusion rows: NN₁ [[2/3, 1/3], [1/3, 2/3]], NN₂ identity → difference [[1/3, −1/3], [−1/3, 1/3]]
    const d = Array.from(m.confusionDifference);
    [1 / 3, -1 / 3, -1 / 3, 1 / 3].forEach((v, k) => {
      expect(d[k]).toBeCloseTo(v, 15);
    });
  });
  it('rejects mismatched labels', () => {
    expect(() => stackingMetrics(prediction, [0, 1], 2)).toThrow(HepInputError);
    expect(() => stackingMetrics(prediction, trueLabels, 2, 5)).toThrow(/signalClass/);
  });
});
