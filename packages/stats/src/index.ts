/**
 * `@hep/stats`: likelihood statistics for collider analyses.
 *
 * @packageDocumentation
 */
import type { ReproductionSuite } from '@hep/core';
import { phiStarMixtureSuite } from './reproduce/phiStarMixture.js';

export {
  chi2Cdf,
  chi2Isf,
  chi2LogCdf,
  chi2LogSf,
  chi2Pdf,
  chi2Quantile,
  chi2Sf,
  gammaP,
  gammaQ,
  logGammaP,
  logGammaQ,
  nonCentralChi2Cdf,
  nonCentralChi2Quantile,
  nonCentralChi2Sf,
  normalCdf,
  normalIsf,
  normalLogCdf,
  normalLogSf,
  normalQuantile,
  normalSf,
} from './distributions/index.js';
export {
  fitMixtureFraction,
  fitMixtureFractionBatch,
  type MixtureFractionFit,
  type MixtureFractionOptions,
  PAPER_001_PHISTAR_TEMPLATE,
  type PhiStarTemplateParameters,
  phiStarAlphaBounds,
  phiStarFisherSigma,
  phiStarMixtureDensity,
  phiStarTemplateDensities,
  STATUS_CODES,
  samplePhiStarMixture,
} from './mixture/index.js';
export {
  type PermutationOptions,
  type PermutationResult,
  permutationTest,
  type RelabelMode,
  type TwoSampleStatistic,
} from './permutation/index.js';
export { phiStarMixtureToys } from './reproduce/phiStarMixture.js';

/** Reproduction suites this package registers with `pnpm reproduce`. */
export const reproductionSuites: readonly ReproductionSuite[] = [phiStarMixtureSuite];
