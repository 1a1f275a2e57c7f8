/**
 * Packing of columnar features (one Float64Array/Float32Array per variable) into the row-major
 * float32 matrices tfjs consumes, and of targets into [n, outputs] matrices.
 *
 * @module
 */
import { HepInputError } from '@hep/core';

/** Feature columns: one array per input variable, all of the same length (events). */
export type FeatureColumns = readonly (Float64Array | Float32Array)[];

/**
 * Row-major float32 copy [n, d] of `d` columns of length n; checks shape and finiteness
 * (HepInputError naming the column and event index).
 */
export function packRows(columns: FeatureColumns, expectedWidth: number, name = 'features'): Float32Array {
  if (columns.length !== expectedWidth) {
    throw new HepInputError(name, `expected ${expectedWidth} columns, got ${columns.length}`);
  }
  const n = columns[0]?.length ?? 0;
  if (n === 0) throw new HepInputError(name, 'no events');
  const d = expectedWidth;
  const out = new Float32Array(n * d);
  for (let j = 0; j < d; j++) {
    const c = columns[j] as Float64Array | Float32Array;
    if (c.length !== n) throw new HepInputError(`${name}[${j}]`, `length ${c.length} ≠ ${n}`);
    for (let i = 0; i < n; i++) {
      const v = c[i] as number;
      if (!Number.isFinite(v)) throw new HepInputError(`${name}[${j}]`, `not finite: ${v}`, i);
      out[i * d + j] = v;
    }
  }
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
