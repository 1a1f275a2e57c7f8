/**
 * Lorentz boosts and rotations. One event or columns; inputs are never mutated.
 *
 * Boost convention (scikit-hep `vector.boost_p4`): `boost(v, by)` applies the boost with velocity
 * β⃗ = p⃗_by/E_by, i.e. takes v from the rest frame of `by` to the frame where `by` has momentum
 * p⃗_by. `boostToRestFrameOf(v, of)` is the inverse (β⃗ = −p⃗_of/E_of).
 * Formula: γ = E_by/m_by, p⃗′ = p⃗ + β⃗ (γ²/(γ+1) β⃗·p⃗ + γE), E′ = γ(E + β⃗·p⃗).
 *
 * @module
 */
import { HepInputError } from '@hep/core';
import type { FourVector, FourVectorArrays, FourVectorColumns } from '../types.js';
import { isScalar } from '../types.js';
import { checkFourVector, checkFourVectorColumns } from '../validate.js';
import { mass2Of } from './kernels.js';

/** Writes the boost of (x, y, z, e) by velocity (bx, by, bz) with factor g into `out[0..3]`. */
export function boostInto(
  out: Float64Array,
  x: number,
  y: number,
  z: number,
  e: number,
  bx: number,
  by: number,
  bz: number,
  g: number,
): void {
  const bp = bx * x + by * y + bz * z;
  const k = (g * g * bp) / (g + 1) + g * e;
  out[0] = x + k * bx;
  out[1] = y + k * by;
  out[2] = z + k * bz;
  out[3] = g * (e + bp);
}

function boostGeneric(
  v: FourVector | FourVectorColumns,
  by: FourVector | FourVectorColumns,
  sign: 1 | -1,
  byName: string,
): FourVector | FourVectorArrays {
  const tmp = new Float64Array(4);
  if (isScalar(v)) {
    checkFourVector('v', v);
    const b = by as FourVector;
    checkFourVector(byName, b);
    const m2 = mass2Of(b.px, b.py, b.pz, b.E);
    if (!(m2 > 0))
      throw new HepInputError(byName, `must be time-like (m² > 0) to define a boost, got m² = ${m2}`);
    boostInto(
      tmp,
      v.px,
      v.py,
      v.pz,
      v.E,
      (sign * b.px) / b.E,
      (sign * b.py) / b.E,
      (sign * b.pz) / b.E,
      b.E / Math.sqrt(m2),
    );
    return { px: tmp[0] as number, py: tmp[1] as number, pz: tmp[2] as number, E: tmp[3] as number };
  }
  const n = checkFourVectorColumns('v', v);
  const b = by as FourVectorColumns;
  checkFourVectorColumns(byName, b, n);
  const out = {
    px: new Float64Array(n),
    py: new Float64Array(n),
    pz: new Float64Array(n),
    E: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const bE = b.E[i] as number;
    const bx = b.px[i] as number;
    const byy = b.py[i] as number;
    const bz = b.pz[i] as number;
    const m2 = mass2Of(bx, byy, bz, bE);
    if (!(m2 > 0))
      throw new HepInputError(byName, `must be time-like (m² > 0) to define a boost, got m² = ${m2}`, i);
    boostInto(
      tmp,
      v.px[i] as number,
      v.py[i] as number,
      v.pz[i] as number,
      v.E[i] as number,
      (sign * bx) / bE,
      (sign * byy) / bE,
      (sign * bz) / bE,
      bE / Math.sqrt(m2),
    );
    out.px[i] = tmp[0] as number;
    out.py[i] = tmp[1] as number;
    out.pz[i] = tmp[2] as number;
    out.E[i] = tmp[3] as number;
  }
  return out;
}

/**
 * Boosts `v` by the velocity β⃗ = p⃗/E of the time-like four-vector `by` (scikit-hep
 * `vector.boost_p4`): rest frame of `by` → frame where `by` moves. GeV in, GeV out.
 * Throws {@link HepInputError} if `by` is not time-like.
 */
export function boost(v: FourVector, by: FourVector): FourVector;
export function boost(v: FourVectorColumns, by: FourVectorColumns): FourVectorArrays;
export function boost(
  v: FourVector | FourVectorColumns,
  by: FourVector | FourVectorColumns,
): FourVector | FourVectorArrays {
  return boostGeneric(v, by, 1, 'by');
}

/**
 * Expresses `v` in the rest frame of the time-like four-vector `of` (boost by −p⃗_of/E_of).
 * Throws {@link HepInputError} if `of` is not time-like.
 */
export function boostToRestFrameOf(v: FourVector, of: FourVector): FourVector;
export function boostToRestFrameOf(v: FourVectorColumns, of: FourVectorColumns): FourVectorArrays;
export function boostToRestFrameOf(
  v: FourVector | FourVectorColumns,
  of: FourVector | FourVectorColumns,
): FourVector | FourVectorArrays {
  return boostGeneric(v, of, -1, 'of');
}

/** Rotates `v` about the z axis by `angle` (radians, right-handed): φ → φ + angle. */
export function rotateZ(v: FourVector, angle: number): FourVector;
export function rotateZ(v: FourVectorColumns, angle: number | ArrayLike<number>): FourVectorArrays;
export function rotateZ(
  v: FourVector | FourVectorColumns,
  angle: number | ArrayLike<number>,
): FourVector | FourVectorArrays {
  if (isScalar(v)) {
    checkFourVector('v', v);
    const a = angle as number;
    if (!Number.isFinite(a)) throw new HepInputError('angle', `must be finite, got ${String(a)}`);
    const c = Math.cos(a);
    const s = Math.sin(a);
    return { px: c * v.px - s * v.py, py: s * v.px + c * v.py, pz: v.pz, E: v.E };
  }
  const n = checkFourVectorColumns('v', v);
  const scalarAngle = typeof angle === 'number';
  if (scalarAngle) {
    if (!Number.isFinite(angle)) throw new HepInputError('angle', `must be finite, got ${String(angle)}`);
  } else if (angle.length !== n) {
    throw new HepInputError('angle', `length ${angle.length} differs from v (length ${n})`);
  }
  const out = {
    px: new Float64Array(n),
    py: new Float64Array(n),
    pz: Float64Array.from(v.pz),
    E: Float64Array.from(v.E),
  };
  for (let i = 0; i < n; i++) {
    const a = scalarAngle ? angle : (angle[i] as number);
    if (!Number.isFinite(a)) throw new HepInputError('angle', `must be finite, got ${String(a)}`, i);
    const c = Math.cos(a);
    const s = Math.sin(a);
    const x = v.px[i] as number;
    const y = v.py[i] as number;
    out.px[i] = c * x - s * y;
    out.py[i] = s * x + c * y;
  }
  return out;
}
