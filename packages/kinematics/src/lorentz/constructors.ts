/**
 * Four-vector constructors from the usual collider coordinates. Units: GeV, radians.
 * px = pT cos φ, py = pT sin φ, pz = pT sinh η; E from the mass (E = √(|p⃗|² + m²)) or given.
 *
 * @module
 */
import { HepInputError } from '@hep/core';
import type { FourVector } from '../types.js';

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

/** Builds `{px, py, pz, E}` from pT ≥ 0 (GeV), η, φ (radians) and mass m ≥ 0 (GeV): E = √(pT² cosh²η + m²). */
export function fromPtEtaPhiM(pt: number, eta: number, phi: number, m: number): FourVector {
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

/** Builds `{px, py, pz, E}` from pT ≥ 0 (GeV), η, φ (radians) and energy E ≥ 0 (GeV). */
export function fromPtEtaPhiE(pt: number, eta: number, phi: number, E: number): FourVector {
  finite('pt', pt);
  finite('eta', eta);
  finite('phi', phi);
  finite('E', E);
  if (pt < 0) throw new HepInputError('pt', `must be ≥ 0, got ${pt}`);
  if (E < 0) throw new HepInputError('E', `must be ≥ 0, got ${E}`);
  return { px: pt * Math.cos(phi), py: pt * Math.sin(phi), pz: pt * Math.sinh(eta), E };
}
