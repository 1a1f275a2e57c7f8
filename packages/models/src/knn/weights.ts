/**
 * Neighbour averaging of paper 003 eq. (1)/(2):
 * F(X_new) = Σₘ F(X_m)/Dist(X_new, X_m) / Σₘ 1/Dist(X_new, X_m) for `distance` weights, or the
 * arithmetic mean (Dist ≡ 1) for `uniform`. When some neighbours are at distance 0 the estimate is
 * the mean over those exact matches (the limit of eq. 1; sklearn's convention).
 *
 * @module
 */

/** Weighting option of eq. (4): `uniform` (arithmetic mean) or `distance` (inverse-distance, eq. 1). */
export type KnnWeights = 'uniform' | 'distance';

/**
 * Weighted mean of `targets[index[o + m]]` over the first `k` neighbours of the list at `o`.
 *
 * @param index - neighbour indices into `targets`; @param dist - their distances.
 */
export function neighbourMean(
  targets: ArrayLike<number>,
  index: Int32Array,
  dist: Float64Array,
  o: number,
  k: number,
  weights: KnnWeights,
): number {
  let s = 0;
  if (weights === 'uniform') {
    for (let m = 0; m < k; m++) s += targets[index[o + m]!]!;
    return s / k;
  }
  if (dist[o]! === 0) {
    let c = 0;
    for (let m = 0; m < k && dist[o + m]! === 0; m++) {
      s += targets[index[o + m]!]!;
      c++;
    }
    return s / c;
  }
  let w = 0;
  for (let m = 0; m < k; m++) {
    const inv = 1 / dist[o + m]!;
    s += targets[index[o + m]!]! * inv;
    w += inv;
  }
  return s / w;
}
