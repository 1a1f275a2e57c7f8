import { readFileSync } from 'node:fs';
import { HepInputError, Rng } from '@hep/core';
import { describe, expect, it } from 'vitest';
import {
  fitMixtureFraction,
  fitMixtureFractionBatch,
  mixtureFractionInterval,
  mixtureFractionLlrBatch,
  mixtureFractionLlrCurve,
  phiStarAlphaBounds,
  phiStarFisherSigma,
  phiStarMixtureToys,
  phiStarTemplateDensities,
} from '../src/index.js';

interface FitCase {
  alpha_true: number;
  phi: number[];
  alpha_hat: number;
  sigma: number;
  nll: number;
  interval68_in_01: [number, number];
}
const ref = JSON.parse(
  readFileSync(new URL('./fixtures/mixture_reference.json', import.meta.url), 'utf8'),
) as {
  bounds: [number, number];
  fits: FitCase[];
  fisher: { alpha: number; n: number; sigma: number }[];
};

describe('two-component mixture fit (paper 001 eq. 11) against scipy', () => {
  it('finds the same α̂, curvature σ and NLL as scipy.optimize on fixed samples', () => {
    for (const c of ref.fits) {
      const { pA, pH } = phiStarTemplateDensities(c.phi);
      const fit = fitMixtureFraction(pA, pH, { bounds: phiStarAlphaBounds() });
      expect(fit.status).toBe('converged');
      expect(fit.alpha).toBeCloseTo(c.alpha_hat, 11);
      expect(fit.sigma / c.sigma).toBeCloseTo(1, 8);
      expect(fit.nll).toBeCloseTo(c.nll, 9);
    }
  });
  it('gives the same numbers in the batched form', () => {
    const all = ref.fits.flatMap((c) => c.phi);
    const offsets = [0];
    for (const c of ref.fits) offsets.push(offsets.at(-1)! + c.phi.length);
    const { pA, pH } = phiStarTemplateDensities(all);
    const batch = fitMixtureFractionBatch(pA, pH, offsets, { bounds: phiStarAlphaBounds() });
    ref.fits.forEach((c, j) => {
      expect(batch.alpha[j]).toBeCloseTo(c.alpha_hat, 11);
    });
  });
  it('gives the likelihood-ratio interval and LLR curve of scipy (brentq on 2Δnll = 1, clipped to [0, 1])', () => {
    for (const c of ref.fits) {
      const { pA, pH } = phiStarTemplateDensities(c.phi);
      const fitIn01 = fitMixtureFraction(pA, pH, { bounds: [0, 1] });
      const interval = mixtureFractionInterval(pA, pH, 1, { bounds: [0, 1] });
      if (fitIn01.status === 'converged') {
        expect(interval.lower).toBeCloseTo(c.interval68_in_01[0], 10);
        expect(interval.upper).toBeCloseTo(c.interval68_in_01[1], 10);
      }
      const curve = mixtureFractionLlrCurve(pA, pH, [c.alpha_hat, interval.upper], {
        bounds: phiStarAlphaBounds(),
      });
      expect(curve.llr[0]).toBeCloseTo(0, 10);
      if (!interval.upperClipped) expect(curve.llr[1]).toBeCloseTo(1, 8);
    }
  });
  it('batched LLR at the fitted value is zero and otherwise positive', () => {
    const c = ref.fits[0]!;
    const { pA, pH } = phiStarTemplateDensities(c.phi);
    const offsets = [0, c.phi.length];
    const bounds = phiStarAlphaBounds();
    expect(mixtureFractionLlrBatch(pA, pH, offsets, c.alpha_hat, { bounds })[0]).toBeCloseTo(0, 12);
    expect(mixtureFractionLlrBatch(pA, pH, offsets, c.alpha_hat + 0.3, { bounds })[0]).toBeGreaterThan(0.5);
  });
  it('computes the allowed α range where the mixture stays non-negative', () => {
    const [lo, hi] = phiStarAlphaBounds();
    expect(lo).toBeCloseTo(ref.bounds[0], 14);
    expect(hi).toBeCloseTo(ref.bounds[1], 14);
  });
  it('predicts σ(α̂) from the Fisher information as scipy.integrate.quad', () => {
    for (const f of ref.fisher) expect(phiStarFisherSigma(f.alpha, f.n)).toBeCloseTo(f.sigma, 12);
  });
  it('is unbiased on toys with σ matching the Fisher prediction within 2%', () => {
    const alphaHat = phiStarMixtureToys(new Rng(7), 0.7, 4000, 100);
    const mean = alphaHat.reduce((s, v) => s + v, 0) / alphaHat.length;
    const std = Math.sqrt(alphaHat.reduce((s, v) => s + (v - mean) ** 2, 0) / (alphaHat.length - 1));
    const fisher = phiStarFisherSigma(0.7, 100);
    expect(Math.abs(mean - 0.7)).toBeLessThan(3 * (fisher / Math.sqrt(alphaHat.length)));
    expect(Math.abs(std / fisher - 1)).toBeLessThan(0.02 + 3 / Math.sqrt(2 * alphaHat.length));
  });
  it('reports a maximum on the boundary of the allowed range', () => {
    // every event prefers A: ℓ(α) = 2 ln(0.1 + 0.2 α) increases on [0, 1], so α̂ = 1 exactly
    const fit = fitMixtureFraction([0.3, 0.3], [0.1, 0.1], { bounds: [0, 1] });
    expect(fit.status).toBe('at-bound');
    expect(fit.alpha).toBe(1);
    expect(fit.nll).toBeCloseTo(-2 * Math.log(0.3), 14);
  });
  it('rejects bad densities and offsets with typed errors', () => {
    expect(() => fitMixtureFraction([0.1, -0.2], [0.1, 0.1])).toThrow(HepInputError);
    expect(() => fitMixtureFraction([0.1], [0.1, 0.2])).toThrow(/pH: length/);
    expect(() => fitMixtureFractionBatch([0.1, 0.2], [0.1, 0.2], [0, 1])).toThrow(/offsets/);
    expect(() => fitMixtureFraction([], [])).toThrow(/empty/);
  });
});
