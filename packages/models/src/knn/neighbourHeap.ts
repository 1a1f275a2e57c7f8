/**
 * Bounded max-heap of the k best (reduced distance, index) pairs seen so far, ordered by
 * distance and then by index, so that ties are broken deterministically (smaller index wins).
 * Buffers are allocated once and reused for every query.
 *
 * @module
 */

/** Fixed-capacity neighbour heap; `reset()` between queries, `sortInto()` to read the result. */
export class NeighbourHeap {
  /** Reduced distances, heap-ordered (worst at 0). */
  readonly dist: Float64Array;
  /** Original point indices, parallel to `dist`. */
  readonly index: Int32Array;
  /** Number of neighbours held. */
  size = 0;

  /** @param k - capacity (number of neighbours wanted). */
  constructor(readonly k: number) {
    this.dist = new Float64Array(k);
    this.index = new Int32Array(k);
  }

  /** Empties the heap. */
  reset(): void {
    this.size = 0;
  }

  /** Reduced distance a candidate must beat (≤ with index tie-break) to enter; +∞ while not full. */
  bound(): number {
    return this.size < this.k ? Number.POSITIVE_INFINITY : this.dist[0]!;
  }

  /** Offers a candidate; kept when the heap is not full or it precedes the current worst. */
  offer(d: number, i: number): void {
    const dist = this.dist;
    const index = this.index;
    if (this.size < this.k) {
      let c = this.size++;
      while (c > 0) {
        const p = (c - 1) >> 1;
        const pd = dist[p]!;
        if (pd > d || (pd === d && index[p]! > i)) break;
        dist[c] = pd;
        index[c] = index[p]!;
        c = p;
      }
      dist[c] = d;
      index[c] = i;
      return;
    }
    const wd = dist[0]!;
    if (d > wd || (d === wd && i > index[0]!)) return;
    this.siftDown(d, i, this.size);
  }

  /** Places (d, i) at the root and restores the heap over the first `n` slots. */
  private siftDown(d: number, i: number, n: number): void {
    const dist = this.dist;
    const index = this.index;
    let c = 0;
    for (;;) {
      let l = 2 * c + 1;
      if (l >= n) break;
      const r = l + 1;
      if (r < n && (dist[r]! > dist[l]! || (dist[r] === dist[l] && index[r]! > index[l]!))) l = r;
      const ld = dist[l]!;
      if (ld < d || (ld === d && index[l]! < i)) break;
      dist[c] = ld;
      index[c] = index[l]!;
      c = l;
    }
    dist[c] = d;
    index[c] = i;
  }

  /**
   * Writes the neighbours in ascending (distance, index) order into `outIndex`/`outDist` from
   * `offset`, converting distances with `convert`; destroys the heap. Returns the count written.
   */
  sortInto(
    outIndex: Int32Array,
    outDist: Float64Array,
    offset: number,
    convert: (reduced: number) => number,
  ): number {
    const n = this.size;
    for (let m = n - 1; m >= 0; m--) {
      const d = this.dist[0]!;
      const i = this.index[0]!;
      outIndex[offset + m] = i;
      outDist[offset + m] = convert(d);
      if (m > 0) this.siftDown(this.dist[m]!, this.index[m]!, m);
    }
    this.size = 0;
    return n;
  }
}
