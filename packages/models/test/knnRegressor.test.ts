import { readFileSync } from 'node:fs';
import { HepInputError } from '@hep/core';
import { describe, expect, it } from 'vitest';
import { Binning, ClassConditionalKnn, KnnRegressor, type Metric } from '../src/index.js';

const ref = JSON.parse(readFileSync(new URL('./fixtures/knn_reference.json', import.meta.url), 'utf8'));
const metrics: Record<string, Metric> = {
  euclidean: 'euclidean',
  manhattan: 'manhattan',
  chebyshev: 'chebyshev',
  minkowski3: { minkowski: 3 },
};

describe('KnnRegressor against numpy brute force (eqs. 1-2)', () => {
  it('every case of the fixture to 1e-12', () => {
    const binning = new Binning(ref.edges);
    expect(ref.cases.length).toBe(192);
    for (const c of ref.cases) {
      const reg = KnnRegressor.fit(ref.support, ref.target, {
        k: c.k,
        metric: metrics[c.metric],
        weights: c.weights,
        nComponents: c.p,
        scale: c.scale,
        binning: c.binned ? binning : undefined,
        leafSize: 4,
      });
      const pred = reg.predict(ref.query);
      for (let i = 0; i < c.value.length; i++) {
        expect(Math.abs(pred.value[i]! - c.value[i]) / Math.max(1, Math.abs(c.value[i]))).toBeLessThanOrEqual(
          1e-12,
        );
        if (c.binned) expect(Math.abs(pred.bin![i]! - c.bin[i])).toBeLessThanOrEqual(1e-12);
      }
    }
  });

  it('class-conditional support sets answer with the regressor of the given class', () => {
    // Class 0: target = 10 x, class 1: target = −10 x; a query routed to class c sees only class c.
    const x = Float64Array.from({ length: 40 }, (_, i) => i % 20);
    const labels = Float64Array.from({ length: 40 }, (_, i) => (i < 20 ? 0 : 1));
    const y = x.map((v, i) => (labels[i] === 0 ? 10 * v : -10 * v));
    const ccr = ClassConditionalKnn.fit([x], y, labels, 2, { k: 1 });
    const pred = ccr.predict([Float64Array.from([3, 3, 7])], Int32Array.from([0, 1, 1]));
    expect(Array.from(pred.value)).toEqual([30, -30, -70]);
    expect(() => ccr.predict([Float64Array.from([3])], [2])).toThrow(HepInputError);
    expect(() => ClassConditionalKnn.fit([x], y, labels, 3)).toThrow(/class 2 has no events/);
  });

  it('exact matches under distance weights average the zero-distance neighbours', () => {
    const reg = KnnRegressor.fit(
      [
        [0, 0, 1, 5],
        [0, 0, 1, 5],
      ],
      [2, 4, 100, 1000],
      { k: 3, weights: 'distance' },
    );
    expect(reg.predict([[0], [0]]).value[0]).toBe(3);
  });

  it('Binning: bin index, underflow/overflow folding, interpolated centres', () => {
    const b = Binning.uniform(4, 0, 100);
    expect([-5, 0, 24.9, 25, 99.9, 100, 500].map((v) => b.binOf(v))).toEqual([0, 0, 0, 1, 3, 3, 3]);
    expect(b.valueOf(0)).toBe(12.5);
    expect(b.valueOf(1.5)).toBe(50);
    expect(b.valueOf(7)).toBe(87.5);
    expect(Array.from(b.histogram([1, 2, 30, 80]))).toEqual([2, 1, 0, 1]);
    expect(() => new Binning([0, 0])).toThrow(HepInputError);
  });
});
