/**
 * Fisher-information prediction for the spread of a mixture-fraction estimate
 * (FORMULAS.md §4): I(α) = N ∫ (p_A − p_H)² / p(·|α) dy, σ_α = 1/√I.
 *
 * @module
 */
import { assertInteger, assertPositive } from '@hep/core';
import { PAPER_001_PHISTAR_TEMPLATE, type PhiStarTemplateParameters } from './phiStarTemplates.js';

/**
 * σ(α̂) predicted by the Fisher information for N events of the φ* templates (normalised on
 * [0, 2π)). The integrand is smooth and periodic, so the trapezoid rule on `points` nodes converges
 * exponentially. Paper 001 / FORMULAS.md §4: σ = 0.274 at α = 0.5, N = 100.
 */
export function phiStarFisherSigma(
  alpha: number,
  nEvents: number,
  t: PhiStarTemplateParameters = PAPER_001_PHISTAR_TEMPLATE,
  points = 4096,
): number {
  assertPositive('nEvents', nEvents);
  assertInteger('points', points, 8);
  const norm = 2 * Math.PI * t.c;
  const h = (2 * Math.PI) / points;
  let info = 0;
  for (let k = 0; k < points; k++) {
    const cos = Math.cos(k * h);
    const d = (2 * t.a * cos) / norm;
    const p = (t.c + t.a * (2 * alpha - 1) * cos) / norm;
    info += (d * d) / p;
  }
  return 1 / Math.sqrt(nEvents * info * h);
}
