/**
 * Four-vector and missing-momentum shapes, one event (numbers) or many (columns).
 * Units: GeV for px, py, pz, E; radians for angles.
 *
 * @module
 */
import type { ColumnLike } from '@hep/core';

/** One four-momentum in Cartesian components (GeV). */
export interface FourVector {
  readonly px: number;
  readonly py: number;
  readonly pz: number;
  readonly E: number;
}

/** Many four-momenta as equal-length columns (GeV). Read only; never mutated. */
export interface FourVectorColumns {
  readonly px: ColumnLike;
  readonly py: ColumnLike;
  readonly pz: ColumnLike;
  readonly E: ColumnLike;
}

/** Four-momenta returned by columnar routines (freshly allocated `Float64Array`s, GeV). */
export interface FourVectorArrays {
  readonly px: Float64Array;
  readonly py: Float64Array;
  readonly pz: Float64Array;
  readonly E: Float64Array;
}

/** Missing transverse momentum of one event (GeV). */
export interface MissingPt {
  readonly px: number;
  readonly py: number;
}

/** Missing transverse momentum as columns (GeV). */
export interface MissingPtColumns {
  readonly px: ColumnLike;
  readonly py: ColumnLike;
}

/** True when `v` holds numbers (one event) rather than columns. */
export function isScalar(v: FourVector | FourVectorColumns | MissingPt | MissingPtColumns): v is FourVector {
  return typeof v.px === 'number';
}
