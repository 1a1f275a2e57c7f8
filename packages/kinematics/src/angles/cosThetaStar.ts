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
import type { FourVector, FourVectorColumns } from '../types.js';
import { isScalar } from '../types.js';
import { checkFourVector, checkFourVectorColumns } from '../validate.js';

type K = (
  ax: number,
  ay: number,
  az: number,
  aE: number,
  bx: number,
  by: number,
  bz: number,
  bE: number,
) => number;

const kTanh: K = (ax, ay, az, _aE, bx, by, bz) => Math.tanh(0.5 * (etaOf(ax, ay, az) - etaOf(bx, by, bz)));

const kCS: K = (ax, ay, az, aE, bx, by, bz, bE) => {
  const qx = ax + bx;
  const qy = ay + by;
  const qz = az + bz;
  const q2 = mass2Of(qx, qy, qz, aE + bE);
  const num = (aE + az) * (bE - bz) - (aE - az) * (bE + bz);
  const c = num / (Math.sqrt(q2) * Math.sqrt(q2 + qx * qx + qy * qy));
  return qz < 0 ? -c : c;
};

function pair(
  a: FourVector | FourVectorColumns,
  b: FourVector | FourVectorColumns,
  names: [string, string],
  k: K,
) {
  if (isScalar(a)) {
    const c = b as FourVector;
    checkFourVector(names[0], a);
    checkFourVector(names[1], c);
    return k(a.px, a.py, a.pz, a.E, c.px, c.py, c.pz, c.E);
  }
  const n = checkFourVectorColumns(names[0], a);
  const c = b as FourVectorColumns;
  checkFourVectorColumns(names[1], c, n);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = k(
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

/** cos θ* = tanh((η_a − η_b)/2) (paper 003). */
export function cosThetaStar(a: FourVector, b: FourVector): number;
export function cosThetaStar(a: FourVectorColumns, b: FourVectorColumns): Float64Array;
export function cosThetaStar(
  a: FourVector | FourVectorColumns,
  b: FourVector | FourVectorColumns,
): number | Float64Array {
  return pair(a, b, ['a', 'b'], kTanh);
}

/** Collins–Soper cos θ_CS of the negative lepton `lepMinus` in the (lepMinus + lepPlus) frame; NaN if the pair is not time-like. */
export function cosThetaCollinsSoper(lepMinus: FourVector, lepPlus: FourVector): number;
export function cosThetaCollinsSoper(lepMinus: FourVectorColumns, lepPlus: FourVectorColumns): Float64Array;
export function cosThetaCollinsSoper(
  lepMinus: FourVector | FourVectorColumns,
  lepPlus: FourVector | FourVectorColumns,
): number | Float64Array {
  return pair(lepMinus, lepPlus, ['lepMinus', 'lepPlus'], kCS);
}
