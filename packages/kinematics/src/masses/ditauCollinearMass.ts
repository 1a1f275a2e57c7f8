/**
 * Two-τ collinear approximation (Ellis, Hinchliffe, Soldate, NPB 297 (1988) 221; FORMULAS.md §6).
 * Each τ's neutrinos are collinear with its visible product; solve the 2×2 system
 *   p⃗T^miss = (1/x₁ − 1) p⃗T^vis1 + (1/x₂ − 1) p⃗T^vis2,   M = m_vis/√(x₁x₂).
 * No physical solution when the visible τs are (anti)collinear in the transverse plane
 * (|det| ≤ 1e−9·pT1·pT2) or when x₁ or x₂ ∉ (0, 1]: then `physical` is false and `mass` NaN
 * (x₁, x₂ are still reported when the system is solvable). Units: GeV.
 *
 * @module
 */
import { mass2Of, signedSqrt } from '../lorentz/kernels.js';
import type { FourVector, FourVectorColumns, MissingPt, MissingPtColumns } from '../types.js';
import { isScalar } from '../types.js';
import {
  checkFourVector,
  checkFourVectorColumns,
  checkMissingPt,
  checkMissingPtColumns,
} from '../validate.js';

/** One event: M (GeV), visible momentum fractions x₁, x₂, and whether the solution is physical. */
export interface DiTauCollinearResult {
  readonly mass: number;
  readonly x1: number;
  readonly x2: number;
  readonly physical: boolean;
}

/** Columns: as {@link DiTauCollinearResult}; `physical` is 1/0 per event. */
export interface DiTauCollinearColumns {
  readonly mass: Float64Array;
  readonly x1: Float64Array;
  readonly x2: Float64Array;
  readonly physical: Uint8Array;
}

const scratch = new Float64Array(3);

/** Solves one event into scratch = [mass, x1, x2]; returns physical. */
function solve(
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
): boolean {
  const det = ax * by - bx * ay;
  const scale = Math.hypot(ax, ay) * Math.hypot(bx, by);
  if (!(Math.abs(det) > 1e-9 * scale)) {
    scratch[0] = Number.NaN;
    scratch[1] = Number.NaN;
    scratch[2] = Number.NaN;
    return false;
  }
  const r1 = (mx * by - my * bx) / det;
  const r2 = (ax * my - ay * mx) / det;
  const x1 = 1 / (1 + r1);
  const x2 = 1 / (1 + r2);
  const physical = x1 > 0 && x1 <= 1 && x2 > 0 && x2 <= 1;
  scratch[0] = physical
    ? signedSqrt(mass2Of(ax + bx, ay + by, az + bz, aE + bE)) / Math.sqrt(x1 * x2)
    : Number.NaN;
  scratch[1] = x1;
  scratch[2] = x2;
  return physical;
}

/**
 * Di-τ collinear mass from the two visible τ products and the missing pT (see module doc).
 *
 * @example
 * ```ts
 * const { mass, physical } = diTauCollinearMass(tau1Vis, tau2Vis, met);
 * ```
 */
export function diTauCollinearMass(vis1: FourVector, vis2: FourVector, met: MissingPt): DiTauCollinearResult;
export function diTauCollinearMass(
  vis1: FourVectorColumns,
  vis2: FourVectorColumns,
  met: MissingPtColumns,
): DiTauCollinearColumns;
export function diTauCollinearMass(
  vis1: FourVector | FourVectorColumns,
  vis2: FourVector | FourVectorColumns,
  met: MissingPt | MissingPtColumns,
): DiTauCollinearResult | DiTauCollinearColumns {
  if (isScalar(vis1)) {
    const b = vis2 as FourVector;
    const m = met as MissingPt;
    checkFourVector('vis1', vis1);
    checkFourVector('vis2', b);
    checkMissingPt('met', m);
    const physical = solve(vis1.px, vis1.py, vis1.pz, vis1.E, b.px, b.py, b.pz, b.E, m.px, m.py);
    return { mass: scratch[0] as number, x1: scratch[1] as number, x2: scratch[2] as number, physical };
  }
  const n = checkFourVectorColumns('vis1', vis1);
  const b = vis2 as FourVectorColumns;
  const m = met as MissingPtColumns;
  checkFourVectorColumns('vis2', b, n);
  checkMissingPtColumns('met', m, n);
  const out = {
    mass: new Float64Array(n),
    x1: new Float64Array(n),
    x2: new Float64Array(n),
    physical: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    const ok = solve(
      vis1.px[i] as number,
      vis1.py[i] as number,
      vis1.pz[i] as number,
      vis1.E[i] as number,
      b.px[i] as number,
      b.py[i] as number,
      b.pz[i] as number,
      b.E[i] as number,
      m.px[i] as number,
      m.py[i] as number,
    );
    out.mass[i] = scratch[0] as number;
    out.x1[i] = scratch[1] as number;
    out.x2[i] = scratch[2] as number;
    out.physical[i] = ok ? 1 : 0;
  }
  return out;
}
