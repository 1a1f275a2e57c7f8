/**
 * Two-vector quantities: Δφ, Δη, ΔR, Minkowski product, sum. One event (numbers) or columns of
 * equal length (`Float64Array` out). Units: GeV, radians.
 *
 * @module
 */
import type { FourVector, FourVectorArrays, FourVectorColumns } from '../types.js';
import { isScalar } from '../types.js';
import { checkFourVector, checkFourVectorColumns } from '../validate.js';
import { etaOf, wrapPhi } from './kernels.js';

/** A quantity of two four-vectors written on plain numbers. */
export type PairKernel = (
  ax: number,
  ay: number,
  az: number,
  aE: number,
  bx: number,
  by: number,
  bz: number,
  bE: number,
) => number;

/**
 * Applies a pair kernel to one event (validated numbers → number) or to columns (validated once,
 * one loop, Float64Array out). `names` are the argument names used in error messages.
 */
export function mapPairs(
  a: FourVector | FourVectorColumns,
  b: FourVector | FourVectorColumns,
  kernel: PairKernel,
  names: readonly [string, string] = ['a', 'b'],
): number | Float64Array {
  if (isScalar(a)) {
    checkFourVector(names[0], a);
    checkFourVector(names[1], b as FourVector);
    const c = b as FourVector;
    return kernel(a.px, a.py, a.pz, a.E, c.px, c.py, c.pz, c.E);
  }
  const n = checkFourVectorColumns(names[0], a);
  const c = b as FourVectorColumns;
  checkFourVectorColumns(names[1], c, n);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = kernel(
      a.px[i] as number,
      a.py[i] as number,
      a.pz[i] as number,
      a.E[i] as number,
      c.px[i] as number,
      c.py[i] as number,
      c.pz[i] as number,
      c.E[i] as number,
    );
  }
  return out;
}

/** Δφ = φ_a − φ_b computed as the wrapped difference of atan2s, in [−π, π). */
export function deltaPhiOf(ax: number, ay: number, bx: number, by: number): number {
  return wrapPhi(Math.atan2(ay, ax) - Math.atan2(by, bx));
}

const kDeltaPhi: PairKernel = (ax, ay, _az, _aE, bx, by) => deltaPhiOf(ax, ay, bx, by);
const kDeltaEta: PairKernel = (ax, ay, az, _aE, bx, by, bz) => etaOf(ax, ay, az) - etaOf(bx, by, bz);
const kDeltaR: PairKernel = (ax, ay, az, _aE, bx, by, bz) =>
  Math.hypot(deltaPhiOf(ax, ay, bx, by), etaOf(ax, ay, az) - etaOf(bx, by, bz));
const kDot: PairKernel = (ax, ay, az, aE, bx, by, bz, bE) => aE * bE - ax * bx - ay * by - az * bz;

/** Azimuthal separation Δφ = φ_a − φ_b wrapped to [−π, π) (radians); antisymmetric up to the ±π edge. */
export function deltaPhi(a: FourVector, b: FourVector): number;
export function deltaPhi(a: FourVectorColumns, b: FourVectorColumns): Float64Array;
export function deltaPhi(
  a: FourVector | FourVectorColumns,
  b: FourVector | FourVectorColumns,
): number | Float64Array {
  return mapPairs(a, b, kDeltaPhi);
}

/** Pseudorapidity difference Δη = η_a − η_b. */
export function deltaEta(a: FourVector, b: FourVector): number;
export function deltaEta(a: FourVectorColumns, b: FourVectorColumns): Float64Array;
export function deltaEta(
  a: FourVector | FourVectorColumns,
  b: FourVector | FourVectorColumns,
): number | Float64Array {
  return mapPairs(a, b, kDeltaEta);
}

/** Angular distance ΔR = √(Δφ² + Δη²) (pseudorapidity, as `vector.deltaR`). */
export function deltaR(a: FourVector, b: FourVector): number;
export function deltaR(a: FourVectorColumns, b: FourVectorColumns): Float64Array;
export function deltaR(
  a: FourVector | FourVectorColumns,
  b: FourVector | FourVectorColumns,
): number | Float64Array {
  return mapPairs(a, b, kDeltaR);
}

/** Minkowski product a·b = E_a E_b − p⃗_a·p⃗_b (GeV², metric +−−−). */
export function dot(a: FourVector, b: FourVector): number;
export function dot(a: FourVectorColumns, b: FourVectorColumns): Float64Array;
export function dot(
  a: FourVector | FourVectorColumns,
  b: FourVector | FourVectorColumns,
): number | Float64Array {
  return mapPairs(a, b, kDot);
}

/** Four-vector sum a + b (GeV). Columns in → new `Float64Array` columns out. */
export function add(a: FourVector, b: FourVector): FourVector;
export function add(a: FourVectorColumns, b: FourVectorColumns): FourVectorArrays;
export function add(
  a: FourVector | FourVectorColumns,
  b: FourVector | FourVectorColumns,
): FourVector | FourVectorArrays {
  if (isScalar(a)) {
    checkFourVector('a', a);
    const c = b as FourVector;
    checkFourVector('b', c);
    return { px: a.px + c.px, py: a.py + c.py, pz: a.pz + c.pz, E: a.E + c.E };
  }
  const n = checkFourVectorColumns('a', a);
  const c = b as FourVectorColumns;
  checkFourVectorColumns('b', c, n);
  const out = {
    px: new Float64Array(n),
    py: new Float64Array(n),
    pz: new Float64Array(n),
    E: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    out.px[i] = (a.px[i] as number) + (c.px[i] as number);
    out.py[i] = (a.py[i] as number) + (c.py[i] as number);
    out.pz[i] = (a.pz[i] as number) + (c.pz[i] as number);
    out.E[i] = (a.E[i] as number) + (c.E[i] as number);
  }
  return out;
}
