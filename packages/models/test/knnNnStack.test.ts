import { HepInputError } from '@hep/core';
import { describe, expect, it } from 'vitest';
import { ClassConditionalKnn, KnnNnStack } from '../src/index.js';

// Two classes on a line: class 0 at x < 10 with mass 100 + x, class 1 at x ≥ 10 with mass 1000 + x.
const x = Float64Array.from({ length: 20 }, (_, i) => i);
const higgsness = Float64Array.from({ length: 20 }, (_, i) => (i < 10 ? -1 : 1));
const truth = Float64Array.from(x, (v) => (v < 10 ? 0 : 1));
const mass = Float64Array.from(x, (v) => (v < 10 ? 100 + v : 1000 + v));
const regressor = ClassConditionalKnn.fit([x], mass, truth, 2, { k: 1 });
// NN₁ looks only at the Higgsness-like column; column 0 of the scores is class 0.
const nn1 = (cols: readonly Float64Array[]) => {
  const h = cols[1]!;
  return Float64Array.from({ length: 2 * h.length }, (_, j) =>
    j % 2 === 0 ? 0.5 - 0.4 * h[j >> 1]! : 0.5 + 0.4 * h[j >> 1]!,
  );
};

describe('KnnNnStack (paper 003 Fig. 7)', () => {
  it('routes each event to the regressor of NN₁ argmax and appends scores and mass for NN₂', async () => {
    const stack = new KnnNnStack({ nn1, nClasses: 2, regressor, regressorFeatures: [0] });
    // Event at x = 3 but tagged as class 1: the class-1 support set answers (nearest is x = 10).
    const q = [Float64Array.from([3, 12]), Float64Array.from([1, -1])];
    const first = stack.firstStage(q);
    expect(Array.from(first.labels)).toEqual([1, 0]);
    expect(first.mass[0]).toBeCloseTo(1010, 10);
    expect(first.mass[1]).toBeCloseTo(109, 10);
    let seen: readonly Float64Array[] = [];
    await stack.fitSecondStage([x, higgsness], truth, (cols) => {
      seen = cols;
      return (c) =>
        Float64Array.from({ length: 2 * c[0]!.length }, (_, j) =>
          j % 2 === 0 ? (c[4]![j >> 1]! < 500 ? 1 : 0) : c[4]![j >> 1]! < 500 ? 0 : 1,
        );
    });
    // X′ = (x, higgsness, p₀, p₁, M).
    expect(seen.length).toBe(5);
    expect(seen[2]![0]).toBeCloseTo(0.9, 15);
    expect(Array.from(seen[4]!)).toEqual(Array.from(mass));
    const pred = stack.predict(q);
    expect(Array.from(pred.labels)).toEqual([1, 0]);
    expect(Array.from(pred.scores)).toEqual([0, 1, 1, 0]);
  });

  it('argmax takes the lowest class on ties; bad input throws HepInputError', async () => {
    const stack = new KnnNnStack({ nn1: () => new Float64Array(1), nClasses: 2, regressor });
    expect(() => stack.firstStage([x, higgsness])).toThrow(HepInputError);
    expect(() => stack.predict([x])).toThrow(/second stage/);
    expect(() => new KnnNnStack({ nn1, nClasses: 3, regressor })).toThrow(HepInputError);
    const ok = new KnnNnStack({ nn1, nClasses: 2, regressor, regressorFeatures: [0] });
    await expect(ok.fitSecondStage([x, higgsness], [0, 2], () => nn1)).rejects.toThrow(HepInputError);
  });
});
