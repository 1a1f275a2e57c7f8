/**
 * Transverse masses (GeV):
 * - massless m_T(a, b) = √(2 pT_a pT_b (1 − cos Δφ)) — for (ℓ, MET) and for two visible objects;
 * - massive m_T(ℓ, MET) = √((E_T,ℓ + |p⃗T^miss|)² − |p⃗T,ℓ + p⃗T^miss|²) with E_T,ℓ = √(m_ℓ² + pT,ℓ²);
 * - total m_T^tot = √(m_T²(τ₁, MET) + m_T²(τ₂, MET) + m_T²(τ₁, τ₂)) (CMS H→ττ, massless terms).
 *
 * @module
 */
import { mass2Of } from '../lorentz/kernels.js';
import type { FourVector, FourVectorColumns, MissingPt, MissingPtColumns } from '../types.js';
import { isScalar } from '../types.js';
import {
  checkFourVector,
  checkFourVectorColumns,
  checkMissingPt,
  checkMissingPtColumns,
} from '../validate.js';

/** Massless m_T² between two transverse vectors: 2(pT_a pT_b − p⃗T_a·p⃗T_b) (GeV²). */
export function mT2Massless(ax: number, ay: number, bx: number, by: number): number {
  return Math.max(0, 2 * (Math.hypot(ax, ay) * Math.hypot(bx, by) - ax * bx - ay * by));
}

function mT2Massive(x: number, y: number, z: number, e: number, mx: number, my: number): number {
  const m2 = Math.max(0, mass2Of(x, y, z, e));
  const et = Math.sqrt(m2 + x * x + y * y) + Math.hypot(mx, my);
  const sx = x + mx;
  const sy = y + my;
  return Math.max(0, et * et - sx * sx - sy * sy);
}

/** Options of {@link transverseMass}. */
export interface TransverseMassOptions {
  /** Keep the lepton mass in E_T (massive form). Default false (massless form). */
  readonly massive?: boolean;
}

/**
 * m_T(ℓ, MET) (GeV): massless √(2 pT^ℓ MET (1 − cos Δφ)) by default, or the massive form with
 * E_T,ℓ = √(m_ℓ² + pT²) (`{ massive: true }`).
 */
export function transverseMass(lepton: FourVector, met: MissingPt, options?: TransverseMassOptions): number;
export function transverseMass(
  lepton: FourVectorColumns,
  met: MissingPtColumns,
  options?: TransverseMassOptions,
): Float64Array;
export function transverseMass(
  lepton: FourVector | FourVectorColumns,
  met: MissingPt | MissingPtColumns,
  options?: TransverseMassOptions,
): number | Float64Array {
  const massive = options?.massive === true;
  if (isScalar(lepton)) {
    const m = met as MissingPt;
    checkFourVector('lepton', lepton);
    checkMissingPt('met', m);
    return Math.sqrt(
      massive
        ? mT2Massive(lepton.px, lepton.py, lepton.pz, lepton.E, m.px, m.py)
        : mT2Massless(lepton.px, lepton.py, m.px, m.py),
    );
  }
  const n = checkFourVectorColumns('lepton', lepton);
  const m = met as MissingPtColumns;
  checkMissingPtColumns('met', m, n);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = lepton.px[i] as number;
    const y = lepton.py[i] as number;
    const mx = m.px[i] as number;
    const my = m.py[i] as number;
    out[i] = Math.sqrt(
      massive
        ? mT2Massive(x, y, lepton.pz[i] as number, lepton.E[i] as number, mx, my)
        : mT2Massless(x, y, mx, my),
    );
  }
  return out;
}

/** m_T^tot = √(m_T²(τ₁,MET) + m_T²(τ₂,MET) + m_T²(τ₁,τ₂)) (GeV), massless terms (CMS H→ττ). */
export function totalTransverseMass(tau1: FourVector, tau2: FourVector, met: MissingPt): number;
export function totalTransverseMass(
  tau1: FourVectorColumns,
  tau2: FourVectorColumns,
  met: MissingPtColumns,
): Float64Array;
export function totalTransverseMass(
  tau1: FourVector | FourVectorColumns,
  tau2: FourVector | FourVectorColumns,
  met: MissingPt | MissingPtColumns,
): number | Float64Array {
  const total = (ax: number, ay: number, bx: number, by: number, mx: number, my: number): number =>
    Math.sqrt(mT2Massless(ax, ay, mx, my) + mT2Massless(bx, by, mx, my) + mT2Massless(ax, ay, bx, by));
  if (isScalar(tau1)) {
    const b = tau2 as FourVector;
    const m = met as MissingPt;
    checkFourVector('tau1', tau1);
    checkFourVector('tau2', b);
    checkMissingPt('met', m);
    return total(tau1.px, tau1.py, b.px, b.py, m.px, m.py);
  }
  const n = checkFourVectorColumns('tau1', tau1);
  const b = tau2 as FourVectorColumns;
  const m = met as MissingPtColumns;
  checkFourVectorColumns('tau2', b, n);
  checkMissingPtColumns('met', m, n);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = total(
      tau1.px[i] as number,
      tau1.py[i] as number,
      b.px[i] as number,
      b.py[i] as number,
      m.px[i] as number,
      m.py[i] as number,
    );
  }
  return out;
}
