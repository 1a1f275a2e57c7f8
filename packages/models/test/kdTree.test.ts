import { HepInputError, Rng } from '@hep/core';
import { describe, expect, it } from 'vitest';
import { bruteForceKnn, KdTree, type Metric } from '../src/index.js';

const metrics: Metric[] = ['euclidean', 'manhattan', 'chebyshev', { minkowski: 3 }, { minkowski: 1.5 }];

/** Independent brute force: plain JS sort by (distance, index) with Math.hypot-free formulas. */
function referenceRadius(
  data: Float64Array,
  dim: number,
  q: Float64Array,
  metric: Metric,
  r: number,
): number[] {
  const out: { d: number; i: number }[] = [];
  const n = data.length / dim;
  for (let i = 0; i < n; i++) {
    const diffs = Array.from({ length: dim }, (_, j) => Math.abs(data[i * dim + j]! - q[j]!));
    const d =
      metric === 'chebyshev'
        ? Math.max(...diffs)
        : metric === 'manhattan'
          ? diffs.reduce((a, b) => a + b, 0)
          : metric === 'euclidean'
            ? Math.sqrt(diffs.reduce((a, b) => a + b * b, 0))
            : diffs.reduce((a, b) => a + b ** (metric as { minkowski: number }).minkowski, 0) **
              (1 / (metric as { minkowski: number }).minkowski);
    if (d <= r * (1 - 1e-12)) out.push({ d, i });
  }
  return out.map((o) => o.i).sort((a, b) => a - b);
}

describe('KdTree against brute force', () => {
  it('identical k-NN indices and distances in 1–8 dimensions for every metric, with ties', () => {
    const rng = new Rng(8);
    for (let dim = 1; dim <= 8; dim++) {
      for (const metric of metrics) {
        const n = 300 + dim * 37;
        // Rounded coordinates create exact distance ties; tie-break by index must agree.
        const data = Float64Array.from(rng.normals(n * dim), (x) => Math.round(x * 4) / 4);
        const queries = Float64Array.from(rng.normals(40 * dim), (x) => Math.round(x * 4) / 4);
        const k = 7;
        const tree = KdTree.build(data, dim, { leafSize: 1 + (dim % 5) * 4 });
        const ti = new Int32Array(40 * k);
        const td = new Float64Array(40 * k);
        const bi = new Int32Array(40 * k);
        const bd = new Float64Array(40 * k);
        tree.knnBatch(queries, k, ti, td, metric);
        bruteForceKnn(data, dim, queries, k, bi, bd, metric);
        expect(Array.from(ti)).toEqual(Array.from(bi));
        expect(Array.from(td)).toEqual(Array.from(bd));
        // Ascending order and a sorted-distance check against an independent formula.
        for (let q = 0; q < 40; q++) {
          for (let m = 1; m < k; m++) {
            const a = td[q * k + m - 1]!;
            const b = td[q * k + m]!;
            expect(a < b || (a === b && ti[q * k + m - 1]! < ti[q * k + m]!)).toBe(true);
          }
        }
      }
    }
  });

  it('radius queries return exactly the points within r', () => {
    const rng = new Rng(9);
    for (let dim = 1; dim <= 8; dim++) {
      const data = rng.normals(400 * dim);
      const tree = KdTree.build(data, dim, { leafSize: 8 });
      for (const metric of metrics) {
        const q = rng.normals(dim);
        const r = 0.6 + 0.2 * dim;
        const res = tree.radius(q, r, metric);
        const within = Array.from(res.index).sort((a, b) => a - b);
        const ref = referenceRadius(data, dim, q, metric, r);
        // Points within r·(1 − 1e-12) must all be found; anything found must be within r·(1 + 1e-12).
        for (const i of ref) expect(within).toContain(i);
        for (const d of res.distance) expect(d).toBeLessThanOrEqual(r * (1 + 1e-12));
        for (let m = 1; m < res.distance.length; m++)
          expect(res.distance[m]!).toBeGreaterThanOrEqual(res.distance[m - 1]!);
      }
    }
  });

  it('single-query knn agrees with an independent sort and k = n returns all points', () => {
    const data = Float64Array.from([0, 0, 1, 0, 0, 1, 1, 1, 2, 2]);
    const tree = KdTree.build(data, 2, { leafSize: 1 });
    const res = tree.knn([0.5, 0.5], 5);
    expect(Array.from(res.index)).toEqual([0, 1, 2, 3, 4]);
    expect(res.distance[0]).toBe(Math.SQRT1_2);
    expect(res.distance[4]).toBeCloseTo(Math.sqrt(4.5), 15);
    expect(Array.from(tree.knn([2, 2], 2, 'chebyshev').index)).toEqual([4, 3]);
  });

  it('rejects bad input with HepInputError', () => {
    expect(() => KdTree.build(new Float64Array([1, 2, 3]), 2)).toThrow(HepInputError);
    expect(() => KdTree.build(new Float64Array([1, Number.NaN]), 1)).toThrow(HepInputError);
    const tree = KdTree.build(new Float64Array([1, 2, 3]), 1);
    expect(() => tree.knn([1], 4)).toThrow(HepInputError);
    expect(() => tree.knn([1], 1, { minkowski: 0.5 })).toThrow(HepInputError);
    const data = new Float64Array([1, 2, 3]);
    KdTree.build(data, 1);
    expect(Array.from(data)).toEqual([1, 2, 3]);
  });
});
