/**
 * Distance metrics of the kNN regressor (paper 003 eq. 1, `Dist`; grid of eq. 4).
 *
 * All searches compare *reduced* distances, which are monotone in the true distance and cheaper:
 * Euclidean Σ(xᵢ−yᵢ)², Manhattan Σ|xᵢ−yᵢ|, Chebyshev max|xᵢ−yᵢ|, Minkowski-p Σ|xᵢ−yᵢ|ᵖ.
 * The KD-tree and the brute-force search use the same summation order, so their reduced
 * distances are bit-identical and ties are broken identically (distance, then index).
 *
 * @module
 */
import { HepInputError } from '@hep/core';

/** A distance metric: `euclidean`, `manhattan`, `chebyshev`, or Minkowski with exponent `p ≥ 1`. */
export type Metric = 'euclidean' | 'manhattan' | 'chebyshev' | { minkowski: number };

/** Internal metric code: 0 Euclidean, 1 Manhattan, 2 Chebyshev, 3 Minkowski-p. */
export interface MetricCode {
  readonly code: 0 | 1 | 2 | 3;
  readonly p: number;
}

/** Validates a {@link Metric} and returns its internal code; Minkowski p = 1, 2, ∞ map to the named ones. */
export function metricCode(metric: Metric, name = 'metric'): MetricCode {
  if (metric === 'euclidean') return { code: 0, p: 2 };
  if (metric === 'manhattan') return { code: 1, p: 1 };
  if (metric === 'chebyshev') return { code: 2, p: Number.POSITIVE_INFINITY };
  if (typeof metric === 'object' && metric !== null && typeof metric.minkowski === 'number') {
    const p = metric.minkowski;
    if (!(p >= 1)) throw new HepInputError(`${name}.minkowski`, `exponent p must be ≥ 1, got ${p}`);
    if (p === 1) return { code: 1, p: 1 };
    if (p === 2) return { code: 0, p: 2 };
    if (p === Number.POSITIVE_INFINITY) return { code: 2, p };
    return { code: 3, p };
  }
  throw new HepInputError(name, `unknown metric ${JSON.stringify(metric)}`);
}

/** Reduced contribution of one coordinate difference `diff ≥ 0` (|Δ|², |Δ|, |Δ| or |Δ|ᵖ). */
export function reducedTerm(m: MetricCode, diff: number): number {
  switch (m.code) {
    case 0:
      return diff * diff;
    case 1:
    case 2:
      return diff;
    default:
      return diff ** m.p;
  }
}

/**
 * Reduced distance between row `i` of `data` (row-major, `dim` columns) and `query` at offset `q0`.
 */
export function reducedDistance(
  m: MetricCode,
  data: Float64Array,
  i: number,
  dim: number,
  query: ArrayLike<number>,
  q0: number,
): number {
  const o = i * dim;
  let s = 0;
  switch (m.code) {
    case 0:
      for (let j = 0; j < dim; j++) {
        const t = data[o + j]! - query[q0 + j]!;
        s += t * t;
      }
      return s;
    case 1:
      for (let j = 0; j < dim; j++) s += Math.abs(data[o + j]! - query[q0 + j]!);
      return s;
    case 2:
      for (let j = 0; j < dim; j++) {
        const t = Math.abs(data[o + j]! - query[q0 + j]!);
        if (t > s) s = t;
      }
      return s;
    default:
      for (let j = 0; j < dim; j++) s += Math.abs(data[o + j]! - query[q0 + j]!) ** m.p;
      return s;
  }
}

/** Converts a reduced distance to the true distance (√, identity, identity, ᵖ√). */
export function fromReduced(m: MetricCode, reduced: number): number {
  switch (m.code) {
    case 0:
      return Math.sqrt(reduced);
    case 1:
    case 2:
      return reduced;
    default:
      return reduced ** (1 / m.p);
  }
}

/** Converts a true distance `r ≥ 0` to the reduced scale (for radius queries). */
export function toReduced(m: MetricCode, r: number): number {
  switch (m.code) {
    case 0:
      return r * r;
    case 1:
    case 2:
      return r;
    default:
      return r ** m.p;
  }
}
