/**
 * Higgsness and Topness χ² at FIXED neutrino momenta (Kim, Kong, Matchev, Park 2019; paper 003
 * eq. 5; FORMULAS.md §7). The published values are the minima of these over the neutrinos; this
 * file provides the objectives only (the minimiser is not implemented yet). Units: GeV.
 *
 * Neutrino parametrisation (4 free parameters): x = [ν₁x, ν₁y, ν₁z, ν₂z], ν₂T = p⃗T^miss − ν₁T,
 * neutrinos massless. Masses are √max(m², 0) as in HEP-KBFI/tth-htt (Higgsness.cc, Topness.cc).
 * Terms: `form: 'published'` → ((m² − M²)/σ²)², `form: 'massDifference'` → ((m − M)/σ)² (tth-htt "fixed").
 *
 * @module
 */
import { HepInputError } from '@hep/core';
import type { FourVector, MissingPt } from '../types.js';
import { checkFourVector, checkMissingPt } from '../validate.js';

/** Constants of the Higgsness χ² (GeV). Defaults: HEP-KBFI/tth-htt. */
export interface HiggsnessOptions {
  /** Term form; default `'published'` ((m² − M²)/σ²)². */
  readonly form?: 'published' | 'massDifference';
  /** Higgs mass (default 125.09). */
  readonly mH?: number;
  /** On-shell W mass (default 80.379). */
  readonly mW?: number;
  /** Off-shell W* mass (default 30; FORMULAS §7's peak formula gives ≈ 31). */
  readonly mWStar?: number;
  /** σ_h (default 2). */
  readonly sigmaH?: number;
  /** σ_W (default 5). */
  readonly sigmaW?: number;
  /** σ_W* (default 5). */
  readonly sigmaWStar?: number;
  /** Optional (m²_νν − m_νν²)²/σ_ν⁴ term of some versions (e.g. `{ mass: 30, sigma: 10 }`); default none. */
  readonly nuNu?: { readonly mass: number; readonly sigma: number };
}

/** Constants of the Topness χ² (GeV). Defaults: HEP-KBFI/tth-htt. */
export interface TopnessOptions {
  /** Term form; default `'published'`. */
  readonly form?: 'published' | 'massDifference';
  /** Top mass (default 173.1). */
  readonly mTop?: number;
  /** W mass (default 80.379). */
  readonly mW?: number;
  /** σ_t (default 5). */
  readonly sigmaTop?: number;
  /** σ_W (default 5). */
  readonly sigmaW?: number;
}

function checkX(x: ArrayLike<number>): void {
  if (x === null || typeof x !== 'object' || x.length !== 4)
    throw new HepInputError('x', 'must have 4 entries [ν1x, ν1y, ν1z, ν2z]');
  for (let i = 0; i < 4; i++) if (!Number.isFinite(x[i])) throw new HepInputError('x', 'must be finite', i);
}

function massOf(px: number, py: number, pz: number, E: number): number {
  return Math.sqrt(Math.max((E - pz) * (E + pz) - px * px - py * py, 0));
}

function term(form: 'published' | 'massDifference', m: number, M: number, s: number): number {
  const r = form === 'published' ? (m * m - M * M) / (s * s) : (m - M) / s;
  return r * r;
}

/**
 * Higgsness χ² for one lepton–W assignment at fixed neutrinos: `lepOnShell` pairs with ν₁ into
 * the on-shell W, `lepOffShell` with ν₂ into the W*:
 * term(m_ℓℓνν, m_H, σ_h) + term(m_ℓν₁, m_W, σ_W) + term(m_ℓ′ν₂, m_W*, σ_W*) [+ (m²_νν − m_νν²)²/σ_ν⁴].
 */
export function higgsnessChi2(
  x: ArrayLike<number>,
  lepOnShell: FourVector,
  lepOffShell: FourVector,
  met: MissingPt,
  options?: HiggsnessOptions,
): number {
  checkX(x);
  checkFourVector('lepOnShell', lepOnShell);
  checkFourVector('lepOffShell', lepOffShell);
  checkMissingPt('met', met);
  const form = options?.form ?? 'published';
  const n1x = x[0] as number;
  const n1y = x[1] as number;
  const n1z = x[2] as number;
  const n2x = met.px - n1x;
  const n2y = met.py - n1y;
  const n2z = x[3] as number;
  const e1 = Math.hypot(n1x, n1y, n1z);
  const e2 = Math.hypot(n2x, n2y, n2z);
  const a = lepOnShell;
  const b = lepOffShell;
  const mh = massOf(
    a.px + b.px + n1x + n2x,
    a.py + b.py + n1y + n2y,
    a.pz + b.pz + n1z + n2z,
    a.E + b.E + e1 + e2,
  );
  const mw = massOf(a.px + n1x, a.py + n1y, a.pz + n1z, a.E + e1);
  const mws = massOf(b.px + n2x, b.py + n2y, b.pz + n2z, b.E + e2);
  let chi2 =
    term(form, mh, options?.mH ?? 125.09, options?.sigmaH ?? 2) +
    term(form, mw, options?.mW ?? 80.379, options?.sigmaW ?? 5) +
    term(form, mws, options?.mWStar ?? 30, options?.sigmaWStar ?? 5);
  if (options?.nuNu !== undefined) {
    const m2 = (e1 + e2) ** 2 - (n1x + n2x) ** 2 - (n1y + n2y) ** 2 - (n1z + n2z) ** 2;
    const d = m2 - options.nuNu.mass ** 2;
    chi2 += (d * d) / options.nuNu.sigma ** 4;
  }
  return chi2;
}

/**
 * Topness χ² for one b–ℓ pairing at fixed neutrinos (ℓ₁ b₁ ν₁ and ℓ₂ b₂ ν₂ form the two tops):
 * Σ_i term(m_{bᵢℓᵢνᵢ}, m_t, σ_t) + term(m_{ℓᵢνᵢ}, m_W, σ_W).
 */
export function topnessChi2(
  x: ArrayLike<number>,
  lep1: FourVector,
  b1: FourVector,
  lep2: FourVector,
  b2: FourVector,
  met: MissingPt,
  options?: TopnessOptions,
): number {
  checkX(x);
  checkFourVector('lep1', lep1);
  checkFourVector('b1', b1);
  checkFourVector('lep2', lep2);
  checkFourVector('b2', b2);
  checkMissingPt('met', met);
  const form = options?.form ?? 'published';
  const mTop = options?.mTop ?? 173.1;
  const mW = options?.mW ?? 80.379;
  const sT = options?.sigmaTop ?? 5;
  const sW = options?.sigmaW ?? 5;
  const n1x = x[0] as number;
  const n1y = x[1] as number;
  const n1z = x[2] as number;
  const n2x = met.px - n1x;
  const n2y = met.py - n1y;
  const n2z = x[3] as number;
  const e1 = Math.hypot(n1x, n1y, n1z);
  const e2 = Math.hypot(n2x, n2y, n2z);
  const side = (l: FourVector, b: FourVector, nx: number, ny: number, nz: number, ne: number): number =>
    term(form, massOf(l.px + b.px + nx, l.py + b.py + ny, l.pz + b.pz + nz, l.E + b.E + ne), mTop, sT) +
    term(form, massOf(l.px + nx, l.py + ny, l.pz + nz, l.E + ne), mW, sW);
  return side(lep1, b1, n1x, n1y, n1z, e1) + side(lep2, b2, n2x, n2y, n2z, e2);
}
