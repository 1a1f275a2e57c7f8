/**
 * Production-angle variables of a two-body final state (dimensionless):
 * - cos θ* = tanh(Δη/2), Δη = η_a − η_b (paper 003; equals cos θ of a in the pair rest frame
 *   for massless a, b with zero pair pT);
 * - Collins–Soper cos θ_CS = sign(Q_z) · 2(P₁⁺P₂⁻ − P₁⁻P₂⁺)/(Q √(Q² + Q_T²)), P± = (E ± pz)/√2,
 *   particle 1 = the negatively charged lepton (Collins & Soper, PRD 16 (1977) 2219).
 *
 * @module
 */
import { etaOf, mass2Of } from '../lorentz/kernels.js';
import { mapPairs, type PairKernel } from '../lorentz/pairs.js';
import type { FourVector, FourVectorColumns } from '../types.js';

const kTanh: PairKernel = (ax, ay, az, _aE, bx, by, bz) =>
  Math.tanh(0.5 * (etaOf(ax, ay, az) - etaOf(bx, by, bz)));

const kCS: PairKernel = (ax, ay, az, aE, bx, by, bz, bE) => {
  const qx = ax + bx;
  const qy = ay + by;
  const qz = az + bz;
  const q2 = mass2Of(qx, qy, qz, aE + bE);
  const num = (aE + az) * (bE - bz) - (aE - az) * (bE + bz);
  const c = num / (Math.sqrt(q2) * Math.sqrt(q2 + qx * qx + qy * qy));
  return qz < 0 ? -c : c;
};

/** cos θ* = tanh((η_a − η_b)/2) (paper 003). */
export function cosThetaStar(a: FourVector, b: FourVector): number;
export function cosThetaStar(a: FourVectorColumns, b: FourVectorColumns): Float64Array;
export function cosThetaStar(
  a: FourVector | FourVectorColumns,
  b: FourVector | FourVectorColumns,
): number | Float64Array {
  return mapPairs(a, b, kTanh);
}

/** Collins–Soper cos θ_CS of the negative lepton `lepMinus` in the (lepMinus + lepPlus) frame; NaN if the pair is not time-like. */
export function cosThetaCollinsSoper(lepMinus: FourVector, lepPlus: FourVector): number;
export function cosThetaCollinsSoper(lepMinus: FourVectorColumns, lepPlus: FourVectorColumns): Float64Array;
export function cosThetaCollinsSoper(
  lepMinus: FourVector | FourVectorColumns,
  lepPlus: FourVector | FourVectorColumns,
): number | Float64Array {
  return mapPairs(lepMinus, lepPlus, kCS, ['lepMinus', 'lepPlus']);
}
