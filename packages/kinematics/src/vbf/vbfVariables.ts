/**
 * VBF jet–MET variables of paper 002 §3 (dimensionless angles in radians, masses in GeV):
 * m_jj, |Δη_jj|, |Δφ_jj|, φ_MET, |Δφ(j1, MET)|, |Δφ(j2, MET)|, |Δφ(j1 + j2, MET)|, for the
 * two leading jets j1, j2 and the missing transverse momentum.
 *
 * @module
 */
import { etaOf, mass2Of, phiOf, signedSqrt } from '../lorentz/kernels.js';
import { deltaPhiOf } from '../lorentz/pairs.js';
import type { FourVector, FourVectorColumns, MissingPt, MissingPtColumns } from '../types.js';
import { isScalar } from '../types.js';
import {
  checkFourVector,
  checkFourVectorColumns,
  checkMissingPt,
  checkMissingPtColumns,
} from '../validate.js';

/** Paper 002's dijet/MET variables for one event. */
export interface VbfVariables {
  /** Dijet invariant mass m_jj (GeV). */
  readonly mjj: number;
  /** |η_j1 − η_j2|. */
  readonly deltaEtaJJ: number;
  /** |Δφ(j1, j2)| ∈ [0, π]. */
  readonly deltaPhiJJ: number;
  /** Azimuth of the missing pT, φ_MET ∈ [−π, π). */
  readonly phiMet: number;
  /** |Δφ(j1, MET)|. */
  readonly deltaPhiJ1Met: number;
  /** |Δφ(j2, MET)|. */
  readonly deltaPhiJ2Met: number;
  /** |Δφ(j1 + j2, MET)|. */
  readonly deltaPhiJJMet: number;
}

/** Columns of {@link VbfVariables}. */
export type VbfVariablesColumns = { readonly [K in keyof VbfVariables]: Float64Array };

const out7 = new Float64Array(7);

function kernel(
  ax: number,
  ay: number,
  az: number,
  aE: number,
  bx: number,
  by: number,
  bz: number,
  bE: number,
  mx: number,
  my: number,
): void {
  out7[0] = signedSqrt(mass2Of(ax + bx, ay + by, az + bz, aE + bE));
  out7[1] = Math.abs(etaOf(ax, ay, az) - etaOf(bx, by, bz));
  out7[2] = Math.abs(deltaPhiOf(ax, ay, bx, by));
  out7[3] = phiOf(mx, my);
  out7[4] = Math.abs(deltaPhiOf(ax, ay, mx, my));
  out7[5] = Math.abs(deltaPhiOf(bx, by, mx, my));
  out7[6] = Math.abs(deltaPhiOf(ax + bx, ay + by, mx, my));
}

const KEYS = [
  'mjj',
  'deltaEtaJJ',
  'deltaPhiJJ',
  'phiMet',
  'deltaPhiJ1Met',
  'deltaPhiJ2Met',
  'deltaPhiJJMet',
] as const;

/**
 * The seven dijet/MET variables of paper 002 §3 from the leading jet `j1`, sub-leading jet `j2`
 * and missing pT `met`. One event → numbers; columns → `Float64Array`s.
 */
export function vbfVariables(j1: FourVector, j2: FourVector, met: MissingPt): VbfVariables;
export function vbfVariables(
  j1: FourVectorColumns,
  j2: FourVectorColumns,
  met: MissingPtColumns,
): VbfVariablesColumns;
export function vbfVariables(
  j1: FourVector | FourVectorColumns,
  j2: FourVector | FourVectorColumns,
  met: MissingPt | MissingPtColumns,
): VbfVariables | VbfVariablesColumns {
  if (isScalar(j1)) {
    const b = j2 as FourVector;
    const m = met as MissingPt;
    checkFourVector('j1', j1);
    checkFourVector('j2', b);
    checkMissingPt('met', m);
    kernel(j1.px, j1.py, j1.pz, j1.E, b.px, b.py, b.pz, b.E, m.px, m.py);
    return Object.fromEntries(KEYS.map((k, i) => [k, out7[i]])) as unknown as VbfVariables;
  }
  const n = checkFourVectorColumns('j1', j1);
  const b = j2 as FourVectorColumns;
  const m = met as MissingPtColumns;
  checkFourVectorColumns('j2', b, n);
  checkMissingPtColumns('met', m, n);
  const cols = KEYS.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    kernel(
      j1.px[i] as number,
      j1.py[i] as number,
      j1.pz[i] as number,
      j1.E[i] as number,
      b.px[i] as number,
      b.py[i] as number,
      b.pz[i] as number,
      b.E[i] as number,
      m.px[i] as number,
      m.py[i] as number,
    );
    for (let k = 0; k < 7; k++) (cols[k] as Float64Array)[i] = out7[k] as number;
  }
  return Object.fromEntries(KEYS.map((k, i) => [k, cols[i]])) as unknown as VbfVariablesColumns;
}
