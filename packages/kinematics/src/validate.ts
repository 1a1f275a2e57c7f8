/**
 * Boundary validation shared by every public routine of this package.
 *
 * NaN/error policy (one for the whole package): INPUTS are validated at the public boundary —
 * non-finite components, negative energies, missing columns and length mismatches throw
 * {@link HepInputError} naming the argument (`"lepton.E"`) and the first offending event index.
 * OUTPUTS that are mathematically undefined for valid input (η of a vector with pT = 0, a
 * collinear solution that does not exist, φ* when π⁰ ∥ π±) are returned as NaN (or ±∞ where
 * scikit-hep `vector` returns ±∞), never thrown, so one odd event does not abort ten million.
 *
 * @module
 */
import { HepInputError } from '@hep/core';
import type { FourVector, FourVectorColumns, MissingPt, MissingPtColumns } from './types.js';

function checkColumn(
  name: string,
  col: ArrayLike<number> | undefined,
  n: number,
  nonNegative: boolean,
): void {
  if (col === null || typeof col !== 'object' || typeof col.length !== 'number') {
    throw new HepInputError(name, 'must be an array of numbers');
  }
  if (n >= 0 && col.length !== n) throw new HepInputError(name, `length ${col.length} differs from ${n}`);
  for (let i = 0; i < col.length; i++) {
    const v = col[i] as number;
    if (!Number.isFinite(v)) throw new HepInputError(name, `must be finite, got ${String(v)}`, i);
    if (nonNegative && v < 0) throw new HepInputError(name, `energy must be ≥ 0, got ${v}`, i);
  }
}

/** Validates four-vector columns; returns their common length. `n` (if ≥ 0) is the required length. */
export function checkFourVectorColumns(name: string, v: FourVectorColumns, n = -1): number {
  if (v === null || typeof v !== 'object') throw new HepInputError(name, 'must be {px, py, pz, E} columns');
  const len = n >= 0 ? n : (v.px?.length ?? -1);
  checkColumn(`${name}.px`, v.px, len, false);
  checkColumn(`${name}.py`, v.py, len, false);
  checkColumn(`${name}.pz`, v.pz, len, false);
  checkColumn(`${name}.E`, v.E, len, true);
  return len;
}

/** Validates missing-pT columns of length `n`. */
export function checkMissingPtColumns(name: string, v: MissingPtColumns, n: number): void {
  if (v === null || typeof v !== 'object') throw new HepInputError(name, 'must be {px, py} columns');
  checkColumn(`${name}.px`, v.px, n, false);
  checkColumn(`${name}.py`, v.py, n, false);
}

function checkNumber(name: string, v: number, nonNegative: boolean): void {
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new HepInputError(name, `must be finite, got ${String(v)}`);
  if (nonNegative && v < 0) throw new HepInputError(name, `energy must be ≥ 0, got ${v}`);
}

/** Validates one four-vector. */
export function checkFourVector(name: string, v: FourVector): void {
  if (v === null || typeof v !== 'object') throw new HepInputError(name, 'must be {px, py, pz, E}');
  checkNumber(`${name}.px`, v.px, false);
  checkNumber(`${name}.py`, v.py, false);
  checkNumber(`${name}.pz`, v.pz, false);
  checkNumber(`${name}.E`, v.E, true);
}

/** Validates one missing-pT vector. */
export function checkMissingPt(name: string, v: MissingPt): void {
  if (v === null || typeof v !== 'object') throw new HepInputError(name, 'must be {px, py}');
  checkNumber(`${name}.px`, v.px, false);
  checkNumber(`${name}.py`, v.py, false);
}

/** Checks that a column exists and has length `n` (no element scan; for fused-validation kernels). */
export function checkColumnLength(name: string, col: ArrayLike<number> | undefined, n: number): void {
  if (col === null || typeof col !== 'object' || typeof col.length !== 'number') {
    throw new HepInputError(name, 'must be an array of numbers');
  }
  if (col.length !== n) throw new HepInputError(name, `length ${col.length} differs from ${n}`);
}

/**
 * Fused-validation helper: a hot loop that found a suspicious event (non-finite sum of its inputs
 * or a negative energy) calls this to throw the precise {@link HepInputError} for event `i`.
 * `energies` lists which of `columns` are energies (must be ≥ 0). Returns normally if, on
 * inspection, every value is valid (e.g. a finite sum that overflowed).
 */
export function throwIfInvalidAt(
  columns: Readonly<Record<string, ArrayLike<number>>>,
  energies: readonly string[],
  i: number,
): void {
  for (const name of Object.keys(columns)) {
    const v = (columns[name] as ArrayLike<number>)[i] as number;
    if (!Number.isFinite(v)) throw new HepInputError(name, `must be finite, got ${String(v)}`, i);
    if (energies.includes(name) && v < 0) throw new HepInputError(name, `energy must be ≥ 0, got ${v}`, i);
  }
}
