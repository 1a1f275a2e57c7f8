/**
 * The analytic φ* templates of paper 001 eq. 7 (ρ decay-plane method, H/A → ττ → ρρ):
 * CP-odd A: p_A(φ*) = a cos φ* + c, CP-even H: p_H(φ*) = a cos(φ* + π) + c = c − a cos φ*,
 * on φ* ∈ [0, 2π), with the published a = 0.041, c = 0.159 (≈ 1/2π, so both are normalised).
 *
 * @module
 */
import { assertPositive, HepInputError } from '@hep/core';

/** Parameters of the φ* templates (paper 001 eq. 7). */
export interface PhiStarTemplateParameters {
  /** Modulation amplitude a (published 0.041). */
  a: number;
  /** Constant c (published 0.159). */
  c: number;
}

/** Paper 001's fitted values after selection: a = 0.041, c = 0.159. */
export const PAPER_001_PHISTAR_TEMPLATE: PhiStarTemplateParameters = { a: 0.041, c: 0.159 };

/** Density of the mixture α p_A + (1 − α) p_H at φ* (radians): c + a (2α − 1) cos φ*. */
export function phiStarMixtureDensity(
  phiStar: number,
  alpha: number,
  t = PAPER_001_PHISTAR_TEMPLATE,
): number {
  return t.c + t.a * (2 * alpha - 1) * Math.cos(phiStar);
}

/**
 * Evaluates both templates at every φ* of a column; returns `{ pA, pH }` (densities per radian).
 */
export function phiStarTemplateDensities(
  phiStar: ArrayLike<number>,
  t: PhiStarTemplateParameters = PAPER_001_PHISTAR_TEMPLATE,
): { pA: Float64Array; pH: Float64Array } {
  checkTemplate(t);
  const n = phiStar.length;
  const pA = new Float64Array(n);
  const pH = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = phiStar[i] as number;
    if (!Number.isFinite(x)) throw new HepInputError('phiStar', `must be finite, got ${x}`, i);
    const m = t.a * Math.cos(x);
    pA[i] = t.c + m;
    pH[i] = t.c - m;
  }
  return { pA, pH };
}

/**
 * Range of α for which α p_A + (1 − α) p_H ≥ 0 for every φ*: |2α − 1| ≤ c/a
 * (α ∈ [−1.44, 2.44] for the published values).
 */
export function phiStarAlphaBounds(
  t: PhiStarTemplateParameters = PAPER_001_PHISTAR_TEMPLATE,
): [number, number] {
  checkTemplate(t);
  const r = t.c / t.a;
  return [(1 - r) / 2, (1 + r) / 2];
}

function checkTemplate(t: PhiStarTemplateParameters): void {
  assertPositive('template.a', t.a);
  assertPositive('template.c', t.c);
}
