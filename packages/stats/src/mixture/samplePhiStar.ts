/**
 * Sampling φ* from the mixture of the paper-001 templates.
 *
 * @module
 */
import { assertFinite, assertInteger, HepInputError, type Rng } from '@hep/core';
import { PAPER_001_PHISTAR_TEMPLATE, type PhiStarTemplateParameters } from './phiStarTemplates.js';

/**
 * Draws `n` values of φ* ∈ [0, 2π) from α p_A + (1 − α) p_H (density ∝ c + a(2α − 1) cos φ*) by
 * rejection under the constant envelope c + a|2α − 1| (acceptance ≥ c/(c + a|2α−1|)).
 * Writes into `out` starting at `offset` when given (no allocation), else returns a new array.
 */
export function samplePhiStarMixture(
  rng: Rng,
  n: number,
  alpha: number,
  t: PhiStarTemplateParameters = PAPER_001_PHISTAR_TEMPLATE,
  out: Float64Array = new Float64Array(n),
  offset = 0,
): Float64Array {
  assertInteger('n', n);
  assertFinite('alpha', alpha);
  const b = t.a * (2 * alpha - 1);
  if (Math.abs(b) > t.c)
    throw new HepInputError('alpha', `gives a negative density somewhere (|2α−1| > c/a)`);
  const envelope = t.c + Math.abs(b);
  const twoPi = 2 * Math.PI;
  for (let i = 0; i < n; i++) {
    for (;;) {
      const x = twoPi * rng.uniform();
      if (rng.uniform() * envelope <= t.c + b * Math.cos(x)) {
        out[offset + i] = x;
        break;
      }
    }
  }
  return out;
}
