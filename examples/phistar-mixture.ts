/**
 * End-to-end example: estimate the CP-odd fraction α of an H/A → ττ → ρρ signal from φ* with the
 * unbinned mixture fit of paper 001, and compare the spread with the Fisher-information prediction.
 *
 * Run: npx tsx examples/phistar-mixture.ts
 */
import { Rng } from '@hep/core';
import {
  fitMixtureFraction,
  phiStarAlphaBounds,
  phiStarFisherSigma,
  phiStarTemplateDensities,
  samplePhiStarMixture,
} from '@hep/stats';

const rng = new Rng(2026);
const alphaTrue = 0.7;
const nEvents = 500;

// one pseudo-dataset of φ* values (radians, [0, 2π))
const phiStar = samplePhiStarMixture(rng, nEvents, alphaTrue);
const { pA, pH } = phiStarTemplateDensities(phiStar);
const fit = fitMixtureFraction(pA, pH, { bounds: phiStarAlphaBounds() });

console.log(`true α = ${alphaTrue}, ${nEvents} events`);
console.log(
  `fitted α = ${fit.alpha.toFixed(3)} ± ${fit.sigma.toFixed(3)} (${fit.status}, ${fit.iterations} iterations)`,
);
console.log(`Fisher prediction σ(α̂) = ${phiStarFisherSigma(alphaTrue, nEvents).toFixed(3)}`);
