/**
 * Merging of nearby 1-D points for the fast training mode. A pointwise loss Σ_i [a_i(e^{f(x_i)} − 1)
 * − b_i f(x_i)] over points within a window of width r is replaced by one point at the a-weighted
 * mean position (b-weighted where there is no a weight) carrying Σa_i and Σb_i. For a smooth f the
 * change of the loss is second order, O(f′² r²) per merged weight (measured in the tests and the
 * README; r = 0 keeps every point).
 *
 * @module
 */

/** Merged points: positions and summed weights. */
export interface MergedPoints {
  x: Float64Array;
  a: Float64Array;
  b: Float64Array;
}

/**
 * Sorts the weighted points (x_i, a_i, b_i) and merges runs whose extent from the run's first point
 * is ≤ `resolution`. Inputs are not modified; already sorted x skips the sort (O(n) merging).
 */
export function mergeWeighted1d(
  x: Float64Array,
  a: Float64Array,
  b: Float64Array,
  resolution: number,
): MergedPoints {
  let sorted = true;
  for (let i = 1; i < x.length && sorted; i++) sorted = (x[i - 1] as number) <= (x[i] as number);
  const order = Array.from({ length: x.length }, (_, i) => i);
  if (!sorted) order.sort((i, j) => (x[i] as number) - (x[j] as number));
  const ox: number[] = [];
  const oa: number[] = [];
  const ob: number[] = [];
  let k = 0;
  while (k < order.length) {
    const first = x[order[k] as number] as number;
    let sa = 0;
    let sb = 0;
    let sxa = 0;
    let sxb = 0;
    while (k < order.length && (x[order[k] as number] as number) - first <= resolution) {
      const i = order[k] as number;
      sa += a[i] as number;
      sb += b[i] as number;
      sxa += (a[i] as number) * (x[i] as number);
      sxb += (b[i] as number) * (x[i] as number);
      k++;
    }
    ox.push(sa > 0 ? sxa / sa : sb > 0 ? sxb / sb : first);
    oa.push(sa);
    ob.push(sb);
  }
  return { x: Float64Array.from(ox), a: Float64Array.from(oa), b: Float64Array.from(ob) };
}
