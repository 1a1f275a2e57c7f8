/**
 * Brute-force k-nearest-neighbour search: the O(n·m) reference the KD-tree must reproduce
 * exactly (same reduced distances, same (distance, index) tie-break) and its benchmark baseline.
 *
 * @module
 */
import { assertInteger, HepInputError } from '@hep/core';
import { fromReduced, type Metric, metricCode, reducedDistance } from './metric.js';
import { NeighbourHeap } from './neighbourHeap.js';

/**
 * k nearest rows of `data` (row-major, `dim` columns) to each query row, written into
 * `outIndex`/`outDist` (length `m × k`) in ascending (distance, index) order.
 *
 * @param from - first query row (default 0); @param to - one past the last (default m).
 */
export function bruteForceKnn(
  data: Float64Array,
  dim: number,
  queries: Float64Array,
  k: number,
  outIndex: Int32Array,
  outDist: Float64Array,
  metric: Metric = 'euclidean',
  from = 0,
  to = queries.length / dim,
): void {
  assertInteger('k', k, 1);
  const n = data.length / dim;
  if (k > n) throw new HepInputError('k', `k = ${k} exceeds the ${n} points`);
  const mc = metricCode(metric);
  const heap = new NeighbourHeap(k);
  const convert = (r: number) => fromReduced(mc, r);
  for (let q = from; q < to; q++) {
    heap.reset();
    for (let i = 0; i < n; i++) {
      const s = reducedDistance(mc, data, i, dim, queries, q * dim);
      if (s <= heap.bound()) heap.offer(s, i);
    }
    heap.sortInto(outIndex, outDist, q * k, convert);
  }
}
