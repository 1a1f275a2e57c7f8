/**
 * Higgsness and Topness χ² at FIXED neutrino momenta (Kim, Kong, Matchev, Park 2019,
 * arXiv:1807.11498; paper 003 eq. 5; FORMULAS.md §7), their constants, and the set-up of the
 * χ² for the minimiser (`higgsness`, `topness` return the minima). Units: GeV.
 *
 * Neutrino parametrisation (4 free parameters): x = [ν₁x, ν₁y, ν₁z, ν₂z], ν₂T = p⃗T^miss − ν₁T,
 * neutrinos massless. Masses are √max(m², 0) as in HEP-KBFI/tth-htt (Higgsness.cc, Topness.cc).
 * Terms: `form: 'published'` → ((m² − M²)/σ²)², `form: 'massDifference'` → ((m − M)/σ)² (tth-htt
 * "fixed"); Higgsness `form: 'simplified'` → paper 003 eq. 5: ((m²_ℓℓνν − m_H²)/δ_H²)² +
 * ((m²_ℓν − m_W²)/δ_W²)² (no W* term; `sigmaH`, `sigmaW` play δ_H, δ_W).
 *
 * @module
 */
import { HepInputError } from '@hep/core';
import type { FourVector, MissingPt } from '../types.js';
import { checkFourVector, checkMissingPt } from '../validate.js';
import { NeutrinoProblem } from './neutrinoProblem.js';

/** Constants of the Higgsness χ² (GeV). Defaults: HEP-KBFI/tth-htt. */
export interface HiggsnessOptions {
  /**
   * Term form; default `'published'` ((m² − M²)/σ²)² with H, W, W* terms; `'massDifference'`
   * ((m − M)/σ)²; `'simplified'`: paper 003 eq. 5, H and W terms only (δ_H = `sigmaH`, δ_W = `sigmaW`).
   */
  readonly form?: 'published' | 'massDifference' | 'simplified';
  /** Higgs mass (default 125.09; paper 003 uses its heavy H mass, 1–2 TeV). */
  readonly mH?: number;
  /** On-shell W mass (default 80.379). */
  readonly mW?: number;
  /** Off-shell W* mass (default 30; FORMULAS §7's peak formula gives ≈ 31). */
  readonly mWStar?: number;
  /** σ_h, or δ_H in the simplified form (default 2). */
  readonly sigmaH?: number;
  /** σ_W, or δ_W in the simplified form (default 5). */
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

function positive(name: string, v: number): number {
  if (!(v > 0) || !Number.isFinite(v))
    throw new HepInputError(`options.${name}`, `must be finite and > 0, got ${v}`);
  return v;
}

/** Higgsness constants with defaults applied (GeV). */
export interface HiggsnessConstants {
  readonly linear: boolean;
  readonly wStar: boolean;
  readonly mH: number;
  readonly mW: number;
  readonly mWStar: number;
  readonly sigmaH: number;
  readonly sigmaW: number;
  readonly sigmaWStar: number;
  readonly nuNu: { readonly mass: number; readonly sigma: number } | undefined;
}

/** Topness constants with defaults applied (GeV). */
export interface TopnessConstants {
  readonly linear: boolean;
  readonly mTop: number;
  readonly mW: number;
  readonly sigmaTop: number;
  readonly sigmaW: number;
}

/** Applies the documented defaults and checks the options of the Higgsness χ². */
export function higgsnessConstants(o: HiggsnessOptions | undefined): HiggsnessConstants {
  const form = o?.form ?? 'published';
  if (form !== 'published' && form !== 'massDifference' && form !== 'simplified')
    throw new HepInputError(
      'options.form',
      `must be 'published', 'massDifference' or 'simplified', got ${String(form)}`,
    );
  const nuNu = o?.nuNu;
  return {
    linear: form === 'massDifference',
    wStar: form !== 'simplified',
    mH: positive('mH', o?.mH ?? 125.09),
    mW: positive('mW', o?.mW ?? 80.379),
    mWStar: positive('mWStar', o?.mWStar ?? 30),
    sigmaH: positive('sigmaH', o?.sigmaH ?? 2),
    sigmaW: positive('sigmaW', o?.sigmaW ?? 5),
    sigmaWStar: positive('sigmaWStar', o?.sigmaWStar ?? 5),
    nuNu:
      nuNu === undefined
        ? undefined
        : { mass: positive('nuNu.mass', nuNu.mass), sigma: positive('nuNu.sigma', nuNu.sigma) },
  };
}

/** Applies the documented defaults and checks the options of the Topness χ². */
export function topnessConstants(o: TopnessOptions | undefined): TopnessConstants {
  const form = o?.form ?? 'published';
  if (form !== 'published' && form !== 'massDifference')
    throw new HepInputError('options.form', `must be 'published' or 'massDifference', got ${String(form)}`);
  return {
    linear: form === 'massDifference',
    mTop: positive('mTop', o?.mTop ?? 173.1),
    mW: positive('mW', o?.mW ?? 80.379),
    sigmaTop: positive('sigmaTop', o?.sigmaTop ?? 5),
    sigmaW: positive('sigmaW', o?.sigmaW ?? 5),
  };
}

/**
 * Sets `p` to the Higgsness χ² of one lepton–W assignment: lepton a (components a*) with ν₁ forms
 * the on-shell W, lepton b with ν₂ the W*.
 */
export function setHiggsnessProblem(
  p: NeutrinoProblem,
  c: HiggsnessConstants,
  ax: number,
  ay: number,
  az: number,
  ae: number,
  bx: number,
  by: number,
  bz: number,
  be: number,
  metx: number,
  mety: number,
): void {
  p.reset(metx, mety);
  p.add(ax + bx, ay + by, az + bz, ae + be, 1, 1, c.mH, c.sigmaH, c.linear);
  p.add(ax, ay, az, ae, 1, 0, c.mW, c.sigmaW, c.linear);
  if (c.wStar) p.add(bx, by, bz, be, 0, 1, c.mWStar, c.sigmaWStar, c.linear);
  if (c.nuNu !== undefined) p.add(0, 0, 0, 0, 1, 1, c.nuNu.mass, c.nuNu.sigma, false);
}

/** Sets `p` to the Topness χ² of one pairing: (ℓa, ba, ν₁) and (ℓb, bb, ν₂) form the two tops. */
export function setTopnessProblem(
  p: NeutrinoProblem,
  c: TopnessConstants,
  la: FourVector,
  ba: FourVector,
  lb: FourVector,
  bb: FourVector,
  metx: number,
  mety: number,
): void {
  p.reset(metx, mety);
  p.add(la.px + ba.px, la.py + ba.py, la.pz + ba.pz, la.E + ba.E, 1, 0, c.mTop, c.sigmaTop, c.linear);
  p.add(la.px, la.py, la.pz, la.E, 1, 0, c.mW, c.sigmaW, c.linear);
  p.add(lb.px + bb.px, lb.py + bb.py, lb.pz + bb.pz, lb.E + bb.E, 0, 1, c.mTop, c.sigmaTop, c.linear);
  p.add(lb.px, lb.py, lb.pz, lb.E, 0, 1, c.mW, c.sigmaW, c.linear);
}

/**
 * Higgsness χ² for one lepton–W assignment at fixed neutrinos x = [ν₁x, ν₁y, ν₁z, ν₂z] (GeV):
 * `lepOnShell` pairs with ν₁ into the on-shell W, `lepOffShell` with ν₂ into the W*:
 * term(m_ℓℓνν, m_H, σ_h) + term(m_ℓν₁, m_W, σ_W) + term(m_ℓ′ν₂, m_W*, σ_W*) [+ (m²_νν − m_νν²)²/σ_ν⁴]
 * (the W* term is absent in the `'simplified'` form).
 *
 * @example
 * ```ts
 * const chi2 = higgsnessChi2([10, -20, 5, 30], lep1, lep2, { px: 40, py: -10 });
 * ```
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
  const p = new NeutrinoProblem();
  const a = lepOnShell;
  const b = lepOffShell;
  setHiggsnessProblem(
    p,
    higgsnessConstants(options),
    a.px,
    a.py,
    a.pz,
    a.E,
    b.px,
    b.py,
    b.pz,
    b.E,
    met.px,
    met.py,
  );
  return p.chi2(x[0] as number, x[1] as number, x[2] as number, x[3] as number);
}

/**
 * Topness χ² for one b–ℓ pairing at fixed neutrinos x = [ν₁x, ν₁y, ν₁z, ν₂z] (GeV; ℓ₁ b₁ ν₁ and
 * ℓ₂ b₂ ν₂ form the two tops): Σᵢ term(m_{bᵢℓᵢνᵢ}, m_t, σ_t) + term(m_{ℓᵢνᵢ}, m_W, σ_W).
 *
 * @example
 * ```ts
 * const chi2 = topnessChi2([10, -20, 5, 30], lep1, b1, lep2, b2, { px: 40, py: -10 });
 * ```
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
  const p = new NeutrinoProblem();
  setTopnessProblem(p, topnessConstants(options), lep1, b1, lep2, b2, met.px, met.py);
  return p.chi2(x[0] as number, x[1] as number, x[2] as number, x[3] as number);
}
