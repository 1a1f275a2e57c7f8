/**
 * Visible (pair) invariant mass m_vis = √((p₁ + p₂)²), also M_ℓℓ. Signed for a space-like sum
 * (never for physical pairs). Units: GeV.
 *
 * @module
 */
import { mass2Of, signedSqrt } from '../lorentz/kernels.js';
import { mapPairs } from '../lorentz/pairs.js';
import type { FourVector, FourVectorColumns } from '../types.js';

/** m_vis of two four-vectors given by components (GeV). */
export function pairMassOf(
  ax: number,
  ay: number,
  az: number,
  aE: number,
  bx: number,
  by: number,
  bz: number,
  bE: number,
): number {
  return signedSqrt(mass2Of(ax + bx, ay + by, az + bz, aE + bE));
}

/**
 * Invariant mass of the pair, m_vis = √((p_a + p_b)²) (GeV); the dilepton mass M_ℓℓ when a, b
 * are leptons. One event → number; columns → `Float64Array`.
 *
 * @example
 * ```ts
 * visibleMass({ px: 40, py: 0, pz: 0, E: 40 }, { px: -40, py: 0, pz: 0, E: 40 }); // 80
 * ```
 */
export function visibleMass(a: FourVector, b: FourVector): number;
export function visibleMass(a: FourVectorColumns, b: FourVectorColumns): Float64Array;
export function visibleMass(
  a: FourVector | FourVectorColumns,
  b: FourVector | FourVectorColumns,
): number | Float64Array {
  return mapPairs(a, b, pairMassOf);
}
