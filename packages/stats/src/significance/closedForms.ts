/**
 * Closed-form sensitivity formulas for counting experiments (no fit needed).
 *
 * - Asimov exclusion (paper 000 eq. 5; Cowan et al. 2011 eq. 97 analogue):
 *   q(σ) = 2 Σᵢ [sᵢ − bᵢ ln(1 + sᵢ/bᵢ)] with sᵢ = σ·sᵢ⁽¹⁾, solved for q = 3.841458820694124 (χ²₁ 95 %).
 * - Asimov discovery significance Z_A = √(2 Σ [(s + b) ln(1 + s/b) − s]) (Cowan et al. 2011 eq. 97).
 * - With background uncertainty σ_b (Cowan, "Discovery sensitivity for a counting experiment with
 *   background uncertainty", 2012):
 *   Z = √(2[(s+b) ln((s+b)(b+σ²)/(b²+(s+b)σ²)) − (b²/σ²) ln(1 + σ²s/(b(b+σ²)))]).
 * - Paper 003 eq. 9: N_σ = ε_S N_S / √(Σ εᵢ N_Bᵢ + (ε_B Σ εᵢ N_Bᵢ)²).
 *
 * @module
 */

import { assertFiniteArray, HepInputError } from '@hep/core';
import { brentRoot } from '../inference/brent.js';

/** χ²₁ 95 % quantile, the q threshold of paper 000 eq. 5. */
export const CHI2_1DOF_95 = 3.841458820694124;

function checkPair(s: ArrayLike<number>, b: ArrayLike<number>): void {
  assertFiniteArray('signal', s);
  assertFiniteArray('background', b);
  if (s.length !== b.length)
    throw new HepInputError('background', `length ${b.length} ≠ signal length ${s.length}`);
  for (let i = 0; i < b.length; i++) {
    if (!((b[i] as number) > 0)) throw new HepInputError('background', `must be > 0, got ${b[i]}`, i);
    if ((s[i] as number) < 0) throw new HepInputError('signal', `must be ≥ 0, got ${s[i]}`, i);
  }
}

/** Asimov exclusion statistic q = 2 Σ [sᵢ − bᵢ ln(1 + sᵢ/bᵢ)] (events per bin). */
export function asimovExclusionQ(signal: ArrayLike<number>, background: ArrayLike<number>): number {
  checkPair(signal, background);
  let q = 0;
  for (let i = 0; i < signal.length; i++)
    q +=
      (signal[i] as number) -
      (background[i] as number) * Math.log1p((signal[i] as number) / (background[i] as number));
  return 2 * q;
}

/**
 * Paper 000 eq. 5: the cross-section σ (in the unit of `signalPerUnit`, e.g. fb when sᵢ⁽¹⁾ are events
 * per fb) where q(σ) = `threshold` (default 3.8415, 95 % CL).
 */
export function asimovLimitCrossSection(
  signalPerUnit: ArrayLike<number>,
  background: ArrayLike<number>,
  threshold = CHI2_1DOF_95,
): number {
  checkPair(signalPerUnit, background);
  if (!Array.prototype.some.call(signalPerUnit, (v: number) => v > 0))
    throw new HepInputError('signalPerUnit', 'needs at least one positive entry');
  const scaled = Float64Array.from(signalPerUnit);
  const f = (sigma: number): number => {
    for (let i = 0; i < scaled.length; i++) scaled[i] = sigma * (signalPerUnit[i] as number);
    return asimovExclusionQ(scaled, background) - threshold;
  };
  let hi = 1;
  while (f(hi) < 0) hi *= 2;
  return brentRoot(f, 0, hi, 1e-14 * hi);
}

/** Asimov discovery significance Z_A = √(2 Σ [(s + b) ln(1 + s/b) − s]). */
export function asimovSignificance(signal: ArrayLike<number>, background: ArrayLike<number>): number {
  checkPair(signal, background);
  let q = 0;
  for (let i = 0; i < signal.length; i++) {
    const s = signal[i] as number;
    const b = background[i] as number;
    q += (s + b) * Math.log1p(s / b) - s;
  }
  return Math.sqrt(2 * q);
}

/** Cowan's Asimov discovery significance for one bin with absolute background uncertainty σ_b (events). */
export function asimovSignificanceWithUncertainty(s: number, b: number, sigmaB: number): number {
  checkPair([s], [b]);
  if (!(sigmaB >= 0)) throw new HepInputError('sigmaB', `must be ≥ 0, got ${sigmaB}`);
  if (sigmaB === 0) return asimovSignificance([s], [b]);
  const v = sigmaB * sigmaB;
  const t1 = (s + b) * Math.log(((s + b) * (b + v)) / (b * b + (s + b) * v));
  const t2 = ((b * b) / v) * Math.log1p((v * s) / (b * (b + v)));
  return Math.sqrt(2 * (t1 - t2));
}

/**
 * Paper 003 eq. 9: N_σ = ε_S N_S / √(B + (ε_B B)²), B = Σ εᵢ N_Bᵢ (selected background events),
 * `signal` = ε_S N_S (selected signal events), `relSyst` = ε_B (relative background systematic).
 */
export function significanceWithRelativeSystematic(
  signal: number,
  selectedBackgrounds: ArrayLike<number>,
  relSyst: number,
): number {
  assertFiniteArray('selectedBackgrounds', selectedBackgrounds);
  if (!(relSyst >= 0)) throw new HepInputError('relSyst', `must be ≥ 0, got ${relSyst}`);
  let B = 0;
  for (let i = 0; i < selectedBackgrounds.length; i++) {
    if ((selectedBackgrounds[i] as number) < 0)
      throw new HepInputError('selectedBackgrounds', 'must be ≥ 0', i);
    B += selectedBackgrounds[i] as number;
  }
  if (!(B > 0)) throw new HepInputError('selectedBackgrounds', 'total must be > 0');
  return signal / Math.sqrt(B + (relSyst * B) ** 2);
}
