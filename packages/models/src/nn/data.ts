/**
 * Packing of columnar features (one Float64Array/Float32Array per variable) into the row-major
 * float32 matrices tfjs consumes, and of targets into [n, outputs] matrices.
 *
 * @module
 */
import { HepInputError } from '@hep/core';

/** Feature columns: one array per input variable, all of the same length (events). */
export type FeatureColumns = readonly (Float64Array | Float32Array)[];

/** A non-finite feature value found while packing: column, event index and the value. */
export interface BadValue {
  readonly column: number;
  readonly index: number;
  readonly value: number;
}

/**
 * Number of events n of `d` columns, after checking there are d columns of one length n ≥ 1
 * (HepInputError naming the column).
 */
export function checkColumns(columns: FeatureColumns, expectedWidth: number, name = 'features'): number {
  if (columns.length !== expectedWidth) {
    throw new HepInputError(name, `expected ${expectedWidth} columns, got ${columns.length}`);
  }
  const n = columns[0]?.length ?? 0;
  if (n === 0) throw new HepInputError(name, 'no events');
  columns.forEach((c, j) => {
    if (c.length !== n) throw new HepInputError(`${name}[${j}]`, `length ${c.length} ≠ ${n}`);
  });
  return n;
}

/**
 * Writes events [start, start + m) of the columns as float32 rows of width `columns.length` into
 * `dst` from index `at`; returns the first non-finite value met (columns in order, then events),
 * or undefined. Self-contained (no module references), so worker threads run it from its source.
 */
export function packBatch(
  columns: FeatureColumns,
  start: number,
  m: number,
  dst: Float32Array,
  at: number,
): BadValue | undefined {
  const d = columns.length;
  for (let j = 0; j < d; j++) {
    const c = columns[j] as Float64Array | Float32Array;
    for (let e = 0; e < m; e++) {
      const v = c[start + e] as number;
      if (!Number.isFinite(v)) return { column: j, index: start + e, value: v };
      dst[at + e * d + j] = v;
    }
  }
  return undefined;
}

/** The HepInputError for a non-finite feature value found by {@link packBatch}. */
export function badValueError(bad: BadValue, name = 'features'): HepInputError {
  return new HepInputError(`${name}[${bad.column}]`, `not finite: ${bad.value}`, bad.index);
}

/**
 * Row-major float32 copy [n, d] of `d` columns of length n; checks shape and finiteness
 * (HepInputError naming the column and event index).
 */
export function packRows(columns: FeatureColumns, expectedWidth: number, name = 'features'): Float32Array {
  const n = checkColumns(columns, expectedWidth, name);
  const out = new Float32Array(n * expectedWidth);
  const bad = packBatch(columns, 0, n, out, 0);
  if (bad) throw badValueError(bad, name);
  return out;
}

/**
 * Target matrix [n, outputs]: regression/binary targets copied (outputs = 1), class indices
 * one-hot encoded (outputs > 1).
 */
export function packTargets(target: ArrayLike<number>, outputs: number, name = 'target'): Float32Array {
  const n = target.length;
  const out = new Float32Array(n * outputs);
  for (let i = 0; i < n; i++) {
    const v = target[i] as number;
    if (!Number.isFinite(v)) throw new HepInputError(name, `not finite: ${v}`, i);
    if (outputs === 1) out[i] = v;
    else {
      if (!Number.isInteger(v) || v < 0 || v >= outputs) {
        throw new HepInputError(name, `class index must be an integer in [0, ${outputs}), got ${v}`, i);
      }
      out[i * outputs + v] = 1;
    }
  }
  return out;
}
