/**
 * Four-vector constructors from the usual collider coordinates. Units: GeV, radians.
 * px = pT cos φ, py = pT sin φ, pz = pT sinh η; E from the mass (E = √(|p⃗|² + m²)) or given.
 *
 * @module
 */
import { type ColumnLike, HepInputError } from '@hep/core';
import type { FourVector, FourVectorArrays } from '../types.js';
import { checkColumnLength, throwIfInvalidAt } from '../validate.js';

function finite(name: string, x: number): void {
  if (typeof x !== 'number' || !Number.isFinite(x))
    throw new HepInputError(name, `must be finite, got ${String(x)}`);
}

/** Builds `{px, py, pz, E}` from Cartesian components (GeV); E must be ≥ 0. */
export function fromPxPyPzE(px: number, py: number, pz: number, E: number): FourVector {
  finite('px', px);
  finite('py', py);
  finite('pz', pz);
  finite('E', E);
  if (E < 0) throw new HepInputError('E', `must be ≥ 0, got ${E}`);
  return { px, py, pz, E };
}

/**
 * Columnar kernel of the (pT, η, φ, m|E) constructors: validates (finite; pT ≥ 0; m or E ≥ 0,
 * HepInputError naming column and index) and fills fresh columns. `last` is m or E (`lastName`).
 */
function fromPtEtaPhiColumns(
  pt: ColumnLike,
  eta: ColumnLike,
  phi: ColumnLike,
  last: ColumnLike,
  lastName: 'm' | 'E',
): FourVectorArrays {
  const n = pt?.length ?? -1;
  const cols = { pt, eta, phi, [lastName]: last };
  for (const [name, c] of Object.entries(cols)) checkColumnLength(name, c, n);
  const px = new Float64Array(n);
  const py = new Float64Array(n);
  const pz = new Float64Array(n);
  const E = new Float64Array(n);
  const massGiven = lastName === 'm';
  for (let i = 0; i < n; i++) {
    const p = pt[i] as number;
    const h = eta[i] as number;
    const f = phi[i] as number;
    const l = last[i] as number;
    const all = p + h + f + l;
    if (!(all - all === 0) || p < 0 || l < 0) throwIfInvalidAt(cols, ['pt', lastName], i);
    const z = p * Math.sinh(h);
    const pmag = p * Math.cosh(h);
    px[i] = p * Math.cos(f);
    py[i] = p * Math.sin(f);
    pz[i] = z;
    E[i] = massGiven ? Math.sqrt(pmag * pmag + l * l) : l;
  }
  return { px, py, pz, E };
}

/**
 * Builds `{px, py, pz, E}` from pT ≥ 0 (GeV), η, φ (radians) and mass m ≥ 0 (GeV):
 * E = √(pT² cosh²η + m²). Columns in (equal lengths) → `Float64Array` columns out.
 *
 * @example
 * ```ts
 * const mu = fromPtEtaPhiM(45, 0.3, 1.2, 0.105);
 * const jets = fromPtEtaPhiM(ptCol, etaCol, phiCol, massCol); // { px, py, pz, E } Float64Arrays
 * ```
 */
export function fromPtEtaPhiM(pt: number, eta: number, phi: number, m: number): FourVector;
export function fromPtEtaPhiM(
  pt: ColumnLike,
  eta: ColumnLike,
  phi: ColumnLike,
  m: ColumnLike,
): FourVectorArrays;
export function fromPtEtaPhiM(
  pt: number | ColumnLike,
  eta: number | ColumnLike,
  phi: number | ColumnLike,
  m: number | ColumnLike,
): FourVector | FourVectorArrays {
  if (typeof pt !== 'number')
    return fromPtEtaPhiColumns(pt, eta as ColumnLike, phi as ColumnLike, m as ColumnLike, 'm');
  return fromPtEtaPhiMScalar(pt, eta as number, phi as number, m as number);
}

function fromPtEtaPhiMScalar(pt: number, eta: number, phi: number, m: number): FourVector {
  finite('pt', pt);
  finite('eta', eta);
  finite('phi', phi);
  finite('m', m);
  if (pt < 0) throw new HepInputError('pt', `must be ≥ 0, got ${pt}`);
  if (m < 0) throw new HepInputError('m', `must be ≥ 0, got ${m}`);
  const pz = pt * Math.sinh(eta);
  const pmag = pt * Math.cosh(eta);
  return { px: pt * Math.cos(phi), py: pt * Math.sin(phi), pz, E: Math.hypot(pmag, m) };
}

/**
 * Builds `{px, py, pz, E}` from pT ≥ 0 (GeV), η, φ (radians) and energy E ≥ 0 (GeV). Columns in
 * (equal lengths) → `Float64Array` columns out.
 */
export function fromPtEtaPhiE(pt: number, eta: number, phi: number, E: number): FourVector;
export function fromPtEtaPhiE(
  pt: ColumnLike,
  eta: ColumnLike,
  phi: ColumnLike,
  E: ColumnLike,
): FourVectorArrays;
export function fromPtEtaPhiE(
  pt: number | ColumnLike,
  eta: number | ColumnLike,
  phi: number | ColumnLike,
  E: number | ColumnLike,
): FourVector | FourVectorArrays {
  if (typeof pt !== 'number')
    return fromPtEtaPhiColumns(pt, eta as ColumnLike, phi as ColumnLike, E as ColumnLike, 'E');
  return fromPtEtaPhiEScalar(pt, eta as number, phi as number, E as number);
}

function fromPtEtaPhiEScalar(pt: number, eta: number, phi: number, E: number): FourVector {
  finite('pt', pt);
  finite('eta', eta);
  finite('phi', phi);
  finite('E', E);
  if (pt < 0) throw new HepInputError('pt', `must be ≥ 0, got ${pt}`);
  if (E < 0) throw new HepInputError('E', `must be ≥ 0, got ${E}`);
  return { px: pt * Math.cos(phi), py: pt * Math.sin(phi), pz: pt * Math.sinh(eta), E };
}
