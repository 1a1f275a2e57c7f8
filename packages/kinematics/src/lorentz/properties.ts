/**
 * Single-vector quantities of a four-momentum, for one event (`{px, py, pz, E}` of numbers →
 * number) or for columns (`{px: Float64Array, ...}` → `Float64Array`). Names and conventions
 * follow scikit-hep `vector`: φ ∈ [−π, π), η = asinh(pz/pT), signed mass for space-like vectors
 * (m = copysign(√|m²|, m²), as ROOT), E_T = E·pT/|p| (ROOT), M_T = √(E² − pz²) signed.
 * Units: GeV, radians.
 *
 * @module
 */
import type { FourVector, FourVectorColumns } from '../types.js';
import { isScalar } from '../types.js';
import { checkFourVector, checkFourVectorColumns } from '../validate.js';
import { etaOf, mass2Of, phiOf, ptOf, rapidityOf, signedSqrt } from './kernels.js';

type Kernel = (px: number, py: number, pz: number, E: number) => number;

function unary(name: string, v: FourVector | FourVectorColumns, kernel: Kernel): number | Float64Array {
  if (isScalar(v)) {
    checkFourVector(name, v);
    return kernel(v.px, v.py, v.pz, v.E);
  }
  const n = checkFourVectorColumns(name, v);
  const { px, py, pz, E } = v;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++)
    out[i] = kernel(px[i] as number, py[i] as number, pz[i] as number, E[i] as number);
  return out;
}

const kPt: Kernel = (px, py) => ptOf(px, py);
const kEta: Kernel = (px, py, pz) => etaOf(px, py, pz);
const kPhi: Kernel = (px, py) => phiOf(px, py);
const kRapidity: Kernel = (_x, _y, pz, E) => rapidityOf(pz, E);
const kMass2: Kernel = mass2Of;
const kMass: Kernel = (px, py, pz, E) => signedSqrt(mass2Of(px, py, pz, E));
const kEnergy: Kernel = (_x, _y, _z, E) => E;
const kP: Kernel = (px, py, pz) => Math.hypot(px, py, pz);
const kEt: Kernel = (px, py, pz, E) => {
  const pt = ptOf(px, py);
  return pt === 0 ? 0 : (E * pt) / Math.hypot(px, py, pz);
};
const kMt: Kernel = (_x, _y, pz, E) => signedSqrt((E - pz) * (E + pz));
const kTheta: Kernel = (px, py, pz) => Math.atan2(ptOf(px, py), pz);
const kBeta: Kernel = (px, py, pz, E) => Math.hypot(px, py, pz) / E;
const kGamma: Kernel = (px, py, pz, E) => E / signedSqrt(mass2Of(px, py, pz, E));

/** Transverse momentum pT = √(px² + py²) (GeV). */
export function pt(v: FourVector): number;
export function pt(v: FourVectorColumns): Float64Array;
export function pt(v: FourVector | FourVectorColumns): number | Float64Array {
  return unary('v', v, kPt);
}

/** Pseudorapidity η = asinh(pz/pT) (dimensionless); ±∞ when pT = 0, as scikit-hep `vector`. */
export function eta(v: FourVector): number;
export function eta(v: FourVectorColumns): Float64Array;
export function eta(v: FourVector | FourVectorColumns): number | Float64Array {
  return unary('v', v, kEta);
}

/** Azimuth φ = atan2(py, px) in [−π, π) (radians). */
export function phi(v: FourVector): number;
export function phi(v: FourVectorColumns): Float64Array;
export function phi(v: FourVector | FourVectorColumns): number | Float64Array {
  return unary('v', v, kPhi);
}

/** Rapidity y = ½ ln((E + pz)/(E − pz)); ±∞ for E = |pz|. */
export function rapidity(v: FourVector): number;
export function rapidity(v: FourVectorColumns): Float64Array;
export function rapidity(v: FourVector | FourVectorColumns): number | Float64Array {
  return unary('v', v, kRapidity);
}

/** Invariant mass squared m² = E² − |p⃗|² (GeV²); negative for space-like vectors. */
export function mass2(v: FourVector): number;
export function mass2(v: FourVectorColumns): Float64Array;
export function mass2(v: FourVector | FourVectorColumns): number | Float64Array {
  return unary('v', v, kMass2);
}

/**
 * Invariant mass (GeV), signed for space-like vectors: m = copysign(√|m²|, m²) — the ROOT
 * TLorentzVector and scikit-hep `vector` convention (so (1,1,1,1) has m = −√2).
 */
export function mass(v: FourVector): number;
export function mass(v: FourVectorColumns): Float64Array;
export function mass(v: FourVector | FourVectorColumns): number | Float64Array {
  return unary('v', v, kMass);
}

/** Energy E (GeV), validated (finite, ≥ 0). */
export function E(v: FourVector): number;
export function E(v: FourVectorColumns): Float64Array;
export function E(v: FourVector | FourVectorColumns): number | Float64Array {
  return unary('v', v, kEnergy);
}

/** Momentum magnitude |p⃗| (GeV). */
export function p(v: FourVector): number;
export function p(v: FourVectorColumns): Float64Array;
export function p(v: FourVector | FourVectorColumns): number | Float64Array {
  return unary('v', v, kP);
}

/** Transverse energy E_T = E·pT/|p⃗| (GeV), ROOT's `Et()`; 0 when pT = 0. */
export function Et(v: FourVector): number;
export function Et(v: FourVectorColumns): Float64Array;
export function Et(v: FourVector | FourVectorColumns): number | Float64Array {
  return unary('v', v, kEt);
}

/** Transverse mass of one vector M_T = √(E² − pz²) (GeV), signed like {@link mass}. */
export function Mt(v: FourVector): number;
export function Mt(v: FourVectorColumns): Float64Array;
export function Mt(v: FourVector | FourVectorColumns): number | Float64Array {
  return unary('v', v, kMt);
}

/** Polar angle θ = atan2(pT, pz) ∈ [0, π] (radians). */
export function theta(v: FourVector): number;
export function theta(v: FourVectorColumns): Float64Array;
export function theta(v: FourVector | FourVectorColumns): number | Float64Array {
  return unary('v', v, kTheta);
}

/** Speed β = |p⃗|/E (dimensionless). */
export function beta(v: FourVector): number;
export function beta(v: FourVectorColumns): Float64Array;
export function beta(v: FourVector | FourVectorColumns): number | Float64Array {
  return unary('v', v, kBeta);
}

/** Lorentz factor γ = E/m (dimensionless); ∞ for massless vectors. */
export function gamma(v: FourVector): number;
export function gamma(v: FourVectorColumns): Float64Array;
export function gamma(v: FourVector | FourVectorColumns): number | Float64Array {
  return unary('v', v, kGamma);
}
