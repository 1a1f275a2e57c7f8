/**
 * Exact KD-tree for k-nearest-neighbour and radius searches over row-major `Float64Array` points.
 *
 * Build: recursive median split (quickselect) along the dimension of largest spread, stopping at
 * `leafSize` points; every node keeps its tight bounding box, and the points are copied in tree
 * order so that a leaf is one contiguous block. Query: depth-first, nearer child first, a node is
 * skipped only when the reduced distance from the query to its box exceeds the current k-th best.
 * The box distance sums the same per-coordinate terms in the same order as the point distance,
 * so it is a floating-point lower bound and the result equals brute force exactly, with ties
 * broken by (distance, original index).
 *
 * @module
 */
import { assertFiniteArray, assertInteger, HepInputError } from '@hep/core';
import { fromReduced, type Metric, type MetricCode, metricCode, toReduced } from './metric.js';
import { NeighbourHeap } from './neighbourHeap.js';

/** Options of {@link KdTree.build}. */
export interface KdTreeOptions {
  /** Maximum points in a leaf (default 32, fastest at 1e6 points in D = 2–4 here). */
  leafSize?: number;
}

/** Result of a radius query: original indices and true distances, ascending by (distance, index). */
export interface RadiusResult {
  index: Int32Array;
  distance: Float64Array;
}

/** Exact KD-tree (see module documentation). Immutable after {@link KdTree.build}. */
export class KdTree {
  /** Points in tree order, row-major `size × dim`. */
  private readonly points: Float64Array;
  /** Original index of each point in tree order. */
  private readonly ids: Int32Array;
  /** Per node: first point, one-past-last point, left child (−1 for a leaf), right child. */
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  /** Per node bounding box: `dim` lower edges then `dim` upper edges. */
  private readonly box: Float64Array;
  /** Depth-first stack (depth + 2 entries always suffice: one pending sibling per level). */
  private readonly stackNode: Int32Array;
  private readonly stackBound: Float64Array;

  private constructor(
    /** Number of points n. */
    readonly size: number,
    /** Dimension d of each point. */
    readonly dim: number,
    points: Float64Array,
    ids: Int32Array,
    nodes: { start: Int32Array; end: Int32Array; left: Int32Array; right: Int32Array; box: Float64Array },
    depth: number,
  ) {
    this.points = points;
    this.ids = ids;
    this.start = nodes.start;
    this.end = nodes.end;
    this.left = nodes.left;
    this.right = nodes.right;
    this.box = nodes.box;
    this.stackNode = new Int32Array(depth + 2);
    this.stackBound = new Float64Array(depth + 2);
  }

  /**
   * Builds the tree over `data` (row-major, `data.length / dim` points). The input is not modified
   * (the tree keeps its own reordered copy).
   *
   * @throws HepInputError for an empty set, a length that is not a multiple of `dim`, or non-finite values.
   */
  static build(data: Float64Array, dim: number, options: KdTreeOptions = {}): KdTree {
    assertInteger('dim', dim, 1);
    const leafSize = options.leafSize ?? 32;
    assertInteger('options.leafSize', leafSize, 1);
    if (data.length === 0 || data.length % dim !== 0) {
      throw new HepInputError('data', `length ${data.length} is not a positive multiple of dim = ${dim}`);
    }
    assertFiniteArray('data', data);
    const n = data.length / dim;
    const capacity = nodeCapacity(n, leafSize, new Map());
    const nodes = {
      start: new Int32Array(capacity),
      end: new Int32Array(capacity),
      left: new Int32Array(capacity),
      right: new Int32Array(capacity),
      box: new Float64Array(capacity * 2 * dim),
    };
    const points = data.slice();
    const perm = new Int32Array(n);
    for (let i = 0; i < n; i++) perm[i] = i;
    let count = 0;
    let maxDepth = 0;
    const box = nodes.box;
    const build = (s: number, e: number, depth: number): number => {
      const node = count++;
      if (depth > maxDepth) maxDepth = depth;
      nodes.start[node] = s;
      nodes.end[node] = e;
      const b = node * 2 * dim;
      for (let j = 0; j < dim; j++) {
        box[b + j] = Number.POSITIVE_INFINITY;
        box[b + dim + j] = Number.NEGATIVE_INFINITY;
      }
      for (let o = s * dim; o < e * dim; o += dim) {
        for (let j = 0; j < dim; j++) {
          const v = points[o + j]!;
          if (v < box[b + j]!) box[b + j] = v;
          if (v > box[b + dim + j]!) box[b + dim + j] = v;
        }
      }
      let split = 0;
      let spread = 0;
      for (let j = 0; j < dim; j++) {
        const w = box[b + dim + j]! - box[b + j]!;
        if (w > spread) {
          spread = w;
          split = j;
        }
      }
      if (e - s <= leafSize || spread === 0) {
        nodes.left[node] = -1;
        nodes.right[node] = -1;
        return node;
      }
      const mid = (s + e) >> 1;
      quickselectRows(points, perm, dim, split, s, e - 1, mid);
      nodes.left[node] = build(s, mid, depth + 1);
      nodes.right[node] = build(mid, e, depth + 1);
      return node;
    };
    build(0, n, 0);
    return new KdTree(n, dim, points, perm, nodes, maxDepth);
  }

  /**
   * k nearest neighbours of one query point (length `dim`), ascending by (distance, index).
   * Allocates its result; use {@link KdTree.knnBatch} in loops.
   */
  knn(query: ArrayLike<number>, k: number, metric: Metric = 'euclidean'): RadiusResult {
    if (query.length !== this.dim)
      throw new HepInputError('query', `length ${query.length} ≠ dim ${this.dim}`);
    const index = new Int32Array(k);
    const distance = new Float64Array(k);
    this.knnBatch(Float64Array.from(query), k, index, distance, metric);
    return { index, distance };
  }

  /**
   * k nearest neighbours of each of the `m = queries.length / dim` query rows, written into
   * preallocated `outIndex` (original indices) and `outDist` (true distances), both of length
   * `m × k`, row `q` at offset `q × k`, ascending by (distance, index). No per-query allocation.
   *
   * @param from - first query row to process (default 0), for splitting work.
   * @param to - one past the last query row (default m).
   * @throws HepInputError when `k` is not in [1, size] or the buffers are too short.
   */
  knnBatch(
    queries: Float64Array,
    k: number,
    outIndex: Int32Array,
    outDist: Float64Array,
    metric: Metric = 'euclidean',
    from = 0,
    to = queries.length / this.dim,
  ): void {
    assertInteger('k', k, 1);
    if (k > this.size) throw new HepInputError('k', `k = ${k} exceeds the ${this.size} points in the tree`);
    if (queries.length % this.dim !== 0) {
      throw new HepInputError('queries', `length ${queries.length} is not a multiple of dim = ${this.dim}`);
    }
    const m = queries.length / this.dim;
    if (outIndex.length < m * k) throw new HepInputError('outIndex', `length must be ≥ ${m * k}`);
    if (outDist.length < m * k) throw new HepInputError('outDist', `length must be ≥ ${m * k}`);
    assertFiniteArray('queries', queries);
    const mc = metricCode(metric);
    const heap = new NeighbourHeap(k);
    const convert = (r: number) => fromReduced(mc, r);
    for (let q = from; q < to; q++) {
      heap.reset();
      this.search(mc, queries, q * this.dim, heap, Number.NaN);
      heap.sortInto(outIndex, outDist, q * k, convert);
    }
  }

  /**
   * All points with distance ≤ `radius` from `query` (compared on the reduced scale: r² for
   * Euclidean, rᵖ for Minkowski), ascending by (distance, index).
   */
  radius(query: ArrayLike<number>, radius: number, metric: Metric = 'euclidean'): RadiusResult {
    if (query.length !== this.dim)
      throw new HepInputError('query', `length ${query.length} ≠ dim ${this.dim}`);
    assertFiniteArray('query', query);
    if (!(radius >= 0)) throw new HepInputError('radius', `must be ≥ 0, got ${radius}`);
    const mc = metricCode(metric);
    const found: number[] = [];
    const dists: number[] = [];
    this.search(mc, Float64Array.from(query), 0, null, toReduced(mc, radius), found, dists);
    const order = found.map((_, i) => i).sort((a, b) => dists[a]! - dists[b]! || found[a]! - found[b]!);
    return {
      index: Int32Array.from(order, (i) => found[i]!),
      distance: Float64Array.from(order, (i) => fromReduced(mc, dists[i]!)),
    };
  }

  /** Depth-first search: k-NN into `heap`, or (heap null) all points within reduced `r2`. */
  private search(
    mc: MetricCode,
    query: Float64Array,
    q0: number,
    heap: NeighbourHeap | null,
    r2: number,
    found?: number[],
    dists?: number[],
  ): void {
    const dim = this.dim;
    const pts = this.points;
    const ids = this.ids;
    const code = mc.code;
    const p = mc.p;
    const sn = this.stackNode;
    const sb = this.stackBound;
    sn[0] = 0;
    sb[0] = 0;
    let top = 1;
    while (top > 0) {
      top--;
      const node = sn[top]!;
      let bound = heap ? heap.bound() : r2;
      if (sb[top]! > bound) continue;
      const l = this.left[node]!;
      if (l < 0) {
        const e = this.end[node]!;
        for (let i = this.start[node]!; i < e; i++) {
          const o = i * dim;
          let s = 0;
          if (code === 0) {
            for (let j = 0; j < dim; j++) {
              const t = pts[o + j]! - query[q0 + j]!;
              s += t * t;
            }
          } else if (code === 1) {
            for (let j = 0; j < dim; j++) s += Math.abs(pts[o + j]! - query[q0 + j]!);
          } else if (code === 2) {
            for (let j = 0; j < dim; j++) {
              const t = Math.abs(pts[o + j]! - query[q0 + j]!);
              if (t > s) s = t;
            }
          } else {
            for (let j = 0; j < dim; j++) s += Math.abs(pts[o + j]! - query[q0 + j]!) ** p;
          }
          if (s <= bound) {
            if (heap) {
              heap.offer(s, ids[i]!);
              bound = heap.bound();
            } else {
              found!.push(ids[i]!);
              dists!.push(s);
            }
          }
        }
        continue;
      }
      const r = this.right[node]!;
      const dl = this.boxDistance(code, p, l, query, q0);
      const dr = this.boxDistance(code, p, r, query, q0);
      if (dl <= dr) {
        sn[top] = r;
        sb[top++] = dr;
        sn[top] = l;
        sb[top++] = dl;
      } else {
        sn[top] = l;
        sb[top++] = dl;
        sn[top] = r;
        sb[top++] = dr;
      }
    }
  }

  /** Reduced distance from the query to the bounding box of `node` (0 inside). */
  private boxDistance(code: number, p: number, node: number, query: Float64Array, q0: number): number {
    const dim = this.dim;
    const box = this.box;
    const b = node * 2 * dim;
    let s = 0;
    for (let j = 0; j < dim; j++) {
      const x = query[q0 + j]!;
      const lo = box[b + j]!;
      const hi = box[b + dim + j]!;
      const t = x < lo ? lo - x : x > hi ? x - hi : 0;
      if (code === 0) s += t * t;
      else if (code === 2) {
        if (t > s) s = t;
      } else if (code === 1) s += t;
      else s += t ** p;
    }
    return s;
  }
}

/** Upper bound on the node count of a tree over `n` points (memoised over subtree sizes). */
function nodeCapacity(n: number, leafSize: number, memo: Map<number, number>): number {
  if (n <= leafSize) return 1;
  const hit = memo.get(n);
  if (hit !== undefined) return hit;
  const h = n >> 1;
  const c = 1 + nodeCapacity(h, leafSize, memo) + nodeCapacity(n - h, leafSize, memo);
  memo.set(n, c);
  return c;
}

/**
 * Hoare quickselect over rows `lo..hi` (inclusive) of the row-major `points`, keyed on column
 * `col`, swapping whole rows and their original indices, so that row `k` holds the k-th smallest key.
 */
function quickselectRows(
  points: Float64Array,
  perm: Int32Array,
  dim: number,
  col: number,
  lo: number,
  hi: number,
  k: number,
): void {
  while (hi > lo) {
    const pivot = points[((lo + hi) >> 1) * dim + col]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (points[i * dim + col]! < pivot) i++;
      while (points[j * dim + col]! > pivot) j--;
      if (i <= j) {
        const oi = i * dim;
        const oj = j * dim;
        for (let c = 0; c < dim; c++) {
          const t = points[oi + c]!;
          points[oi + c] = points[oj + c]!;
          points[oj + c] = t;
        }
        const tp = perm[i]!;
        perm[i] = perm[j]!;
        perm[j] = tp;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}
