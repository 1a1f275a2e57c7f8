/**
 * Columnar data types. hep-ts stores one typed array per variable ("structure of arrays"):
 * the fast path of every routine loops over these columns without allocating per event.
 * Units are GeV for energies and momenta, radians for angles.
 *
 * @module
 */

/** A numeric column: one value per event. Outputs are always `Float64Array`. */
export type Column = Float64Array;

/** Any numeric column a caller may pass in (read only; never mutated). */
export type ColumnLike = ArrayLike<number>;

/** A named set of equal-length columns. */
export type Columns<K extends string> = { readonly [key in K]: ColumnLike };

/**
 * Jagged collection, like awkward's ListOffsetArray or NanoAOD's `nMuon` + `Muon_pt`:
 * the objects of event i are `content[offsets[i] .. offsets[i+1])`.
 */
export interface Jagged<T = ColumnLike> {
  /** Length nEvents + 1, non-decreasing, `offsets[0] = 0`. */
  readonly offsets: ArrayLike<number>;
  readonly content: T;
}
