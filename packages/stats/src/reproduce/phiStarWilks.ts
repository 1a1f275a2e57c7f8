/**
 * Reproduction suite `phistar-wilks`: paper 001 Fig. 6a. Over datasets of 100 events generated with
 * α = 0.7, the log-likelihood ratio t = −2 ln(L(α = 0.7)/L(α̂)) of the φ* fit should follow χ²₁
 * (Wilks' theorem; the paper overlays χ²₁ and finds agreement).
 *
 * @module
 */
import {
  compareToPublished,
  type ReproductionOptions,
  type ReproductionReport,
  type ReproductionSuite,
  Rng,
} from '@hep/core';
import { mixtureFractionLlrBatch } from '../mixture/likelihoodRatio.js';
import { phiStarAlphaBounds } from '../mixture/phiStarTemplates.js';
import { andersonDarlingTestChi2, fitChi2Dof, ksTestChi2 } from '../wilks/chi2Checks.js';
import { phiStarMixtureDatasets } from './phiStarMixture.js';

const ALPHA = 0.7;
const EVENTS = 100;

function run({ seed, size }: ReproductionOptions): ReproductionReport {
  const { pA, pH, offsets } = phiStarMixtureDatasets(new Rng(seed), ALPHA, size, EVENTS);
  const t = mixtureFractionLlrBatch(pA, pH, offsets, ALPHA, { bounds: phiStarAlphaBounds() });
  const positive = t.filter((v) => v > 0);
  const ks = ksTestChi2(t, 1);
  const ad = andersonDarlingTestChi2(positive, 1);
  const dof = fitChi2Dof(positive);
  let above = 0;
  for (const v of t) if (v > 3.841458820694124) above++;
  const fraction = above / size;
  const fractionErr = Math.sqrt((0.05 * 0.95) / size);
  return {
    suite: 'phistar-wilks',
    seed,
    size,
    rows: [
      compareToPublished('fitted χ² dof of t', 1, dof.dof, {
        uncertainty: dof.sigma,
        tolerance: 3 * dof.sigma,
      }),
      compareToPublished('P(t > 3.84) (χ²₁: 0.05)', 0.05, fraction, {
        uncertainty: fractionErr,
        tolerance: 3 * fractionErr,
      }),
      compareToPublished('mean t (χ²₁: 1)', 1, t.reduce((s, v) => s + v, 0) / size, {
        uncertainty: Math.sqrt(2 / size),
        tolerance: 3 * Math.sqrt(2 / size),
      }),
      compareToPublished('KS p-value vs χ²₁', null, ks.pValue, { tolerance: null }),
      compareToPublished('Anderson–Darling p-value vs χ²₁', null, ad.pValue, { tolerance: null }),
    ],
    notes: [
      `${size} datasets of ${EVENTS} events, α = ${ALPHA}; α̂ free within the non-negativity bounds.`,
      'The paper shows the agreement with χ²₁ graphically (Fig. 6a); the references here are the χ²₁ values it overlays.',
      `${size - positive.length} datasets with t = 0 (α̂ = 0.7 to rounding) are left out of the dof and AD fits.`,
    ],
  };
}

/** Paper 001 Fig. 6a, registered with `pnpm reproduce`. */
export const phiStarWilksSuite: ReproductionSuite = {
  name: 'phistar-wilks',
  title: 'paper 001 Fig. 6a: −2 ln(L(α = 0.7)/L(α̂)) over toy datasets against χ²₁ (Wilks)',
  sizeDescription: 'datasets of 100 events',
  defaultSize: 10_000,
  defaultSeed: 2,
  run,
};
