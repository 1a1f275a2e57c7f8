import { readFileSync } from 'node:fs';
import { HepInputError } from '@hep/core';
import { describe, expect, it } from 'vitest';
import { permutationTest } from '../src/index.js';

const ref = JSON.parse(
  readFileSync(new URL('./fixtures/permutation_reference.json', import.meta.url), 'utf8'),
);
const pooled = Float64Array.from([...ref.a, ...ref.b]);
const mean = (idx: Uint32Array) => idx.reduce((s, i) => s + pooled[i]!, 0) / idx.length;
const meanDiff = (ia: Uint32Array, ib: Uint32Array) => mean(ia) - mean(ib);

describe('permutationTest', () => {
  it('converges to the exact enumerated p-value of scipy.stats.permutation_test', () => {
    const n = 20000;
    const r = permutationTest(ref.a.length, ref.b.length, meanDiff, { nPermutations: n, seed: 3 });
    expect(r.observed).toBeCloseTo(ref.observed, 12);
    const p = ref.exact_p_greater as number;
    // Monte-Carlo p = (1 + k)/(n + 1) with k ~ Binomial(n, p): 4σ band
    expect(Math.abs(r.pValue - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n) + 1 / n);
  });
  it('is reproducible and shardable by index range', () => {
    const all = permutationTest(4, 6, meanDiff, { nPermutations: 20, seed: 9 });
    const tail = permutationTest(4, 6, meanDiff, { nPermutations: 10, seed: 9, first: 10 });
    expect(Array.from(tail.nullValues)).toEqual(Array.from(all.nullValues.subarray(10)));
  });
  it('binomial and bootstrap relabelling give valid splits', () => {
    for (const mode of ['binomial', 'bootstrap'] as const) {
      const sizes: number[] = [];
      permutationTest(
        4,
        6,
        (ia, ib) => {
          sizes.push(ia.length + ib.length);
          return 0;
        },
        { nPermutations: 50, seed: 1, mode },
      );
      expect(sizes.every((s) => s === 10)).toBe(true);
    }
  });
  it('rejects bad input', () => {
    expect(() => permutationTest(0, 3, meanDiff, { nPermutations: 10 })).toThrow(HepInputError);
    expect(() => permutationTest(2, 3, () => Number.NaN, { nPermutations: 10 })).toThrow(/statistic/);
  });
});
