/**
 * KD-tree k-NN (issue 8): 1e6 uniform points, 1e5 queries, k = 5, D = 2 and 4, Euclidean.
 * Build and full query are compared with scipy cKDTree anchors (single thread, this machine).
 * The brute-force baseline is timed on a 100-query subset against the tree on the SAME subset
 * (so the ratio is like for like); its full-1e5 time is extrapolated ×1000 and printed.
 */
import { Rng } from '@hep/core';
import { bruteForceKnn, KdTree } from '@hep/models';
import { type BenchCase, defineSuite } from './harness.js';

const N = 1_000_000;
const M = 100_000;
const K = 5;
const SUBSET = 100;
const anchors: Record<number, { build: number; query: number }> = {
  2: { build: 0.42, query: 0.27 },
  4: { build: 0.49, query: 1.08 },
};

export default defineSuite({
  name: 'knn',
  description: `KD-tree vs brute force and scipy cKDTree: ${N} points, ${M} queries, k = ${K}. Brute force runs ${SUBSET} queries (the tree is timed on the same ${SUBSET}); full brute-force time ≈ its median × ${M / SUBSET} (extrapolated, not run).`,
  cases: () => {
    const cases: BenchCase[] = [];
    for (const dim of [2, 4]) {
      const rng = new Rng(dim);
      const data = rng.uniforms(N * dim);
      const queries = rng.uniforms(M * dim);
      const sub = queries.subarray(0, SUBSET * dim);
      const outIndex = new Int32Array(M * K);
      const outDist = new Float64Array(M * K);
      let tree = KdTree.build(data, dim);
      const a = anchors[dim]!;
      cases.push({
        name: `build D=${dim}`,
        ours: {
          name: 'KdTree.build',
          run: () => {
            tree = KdTree.build(data, dim);
          },
        },
        anchors: [{ name: 'scipy cKDTree build', seconds: a.build }],
        items: N,
        minSeconds: 0.1,
        maxRepeats: 3,
      });
      cases.push({
        name: `query 1e5 k=5 D=${dim}`,
        ours: { name: 'KdTree.knnBatch', run: () => tree.knnBatch(queries, K, outIndex, outDist) },
        anchors: [
          { name: 'scipy cKDTree query', seconds: a.query },
          { name: 'scipy build+query', seconds: a.build + a.query },
        ],
        items: M,
        minSeconds: 0.1,
        maxRepeats: 3,
      });
      cases.push({
        name: `${SUBSET} queries vs brute force D=${dim}`,
        ours: { name: 'KdTree.knnBatch', run: () => tree.knnBatch(sub, K, outIndex, outDist) },
        baseline: { name: 'bruteForceKnn', run: () => bruteForceKnn(data, dim, sub, K, outIndex, outDist) },
        items: SUBSET,
        minSeconds: 0.2,
        maxRepeats: 5,
      });
    }
    return cases;
  },
});
