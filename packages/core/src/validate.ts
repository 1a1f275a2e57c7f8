/**
 * Validation helpers used at every public boundary. Each throws {@link HepInputError} naming the
 * argument and the first offending index. They never copy or mutate their input.
 *
 * @module
 */
import { HepInputError } from './errors.js';

/** Throws unless `value` is a finite number. */
export function assertFinite(name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new HepInputError(name, `must be a finite number, got ${String(value)}`);
  }
}

/** Throws unless `value` is a finite number > 0. */
export function assertPositive(name: string, value: number): void {
  assertFinite(name, value);
  if (!(value > 0)) throw new HepInputError(name, `must be > 0, got ${value}`);
}

/** Throws unless `value` is a finite number ≥ 0. */
export function assertNonNegative(name: string, value: number): void {
  assertFinite(name, value);
  if (!(value >= 0)) throw new HepInputError(name, `must be ≥ 0, got ${value}`);
}

/** Throws unless `value` is an integer ≥ `min` (default 0). */
export function assertInteger(name: string, value: number, min = 0): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new HepInputError(name, `must be an integer ≥ ${min}, got ${String(value)}`);
  }
}

/** Throws unless `value` lies in the closed interval [lo, hi]. */
export function assertInRange(name: string, value: number, lo: number, hi: number): void {
  assertFinite(name, value);
  if (value < lo || value > hi) throw new HepInputError(name, `must lie in [${lo}, ${hi}], got ${value}`);
}

/** Throws unless every element of `values` is finite; names the first bad index. */
export function assertFiniteArray(name: string, values: ArrayLike<number>): void {
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
    throw new HepInputError(name, 'must be an array of numbers');
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) throw new HepInputError(name, `must be finite, got ${String(v)}`, i);
  }
}

/** Throws unless every element is finite and ≥ 0 (counts, weights, yields). */
export function assertNonNegativeArray(name: string, values: ArrayLike<number>): void {
  assertFiniteArray(name, values);
  for (let i = 0; i < values.length; i++) {
    if ((values[i] as number) < 0) throw new HepInputError(name, `must be ≥ 0, got ${values[i]}`, i);
  }
}

/** Throws if `values` is empty. */
export function assertNonEmpty(name: string, values: ArrayLike<unknown>): void {
  if (values.length === 0) throw new HepInputError(name, 'must not be empty');
}

/**
 * Checks that all named columns have the same length and are finite; returns that length.
 *
 * @example
 * ```ts
 * const n = assertColumns('lepton', { px, py, pz, E });
 * ```
 */
export function assertColumns(name: string, columns: Readonly<Record<string, ArrayLike<number>>>): number {
  let n = -1;
  let first = '';
  for (const key of Object.keys(columns)) {
    const col = columns[key] as ArrayLike<number>;
    assertFiniteArray(`${name}.${key}`, col);
    if (n < 0) {
      n = col.length;
      first = key;
    } else if (col.length !== n) {
      throw new HepInputError(
        `${name}.${key}`,
        `length ${col.length} differs from ${name}.${first} (length ${n})`,
      );
    }
  }
  return Math.max(n, 0);
}

/** Throws unless two lengths agree, naming both arguments. */
export function assertSameLength(nameA: string, lengthA: number, nameB: string, lengthB: number): void {
  if (lengthA !== lengthB) {
    throw new HepInputError(nameB, `length ${lengthB} differs from ${nameA} (length ${lengthA})`);
  }
}
