/**
 * `@hep/stats`: likelihood statistics for collider analyses.
 *
 * @packageDocumentation
 */
import type { ReproductionSuite } from '@hep/core';
import { phiStarMixtureSuite } from './reproduce/phiStarMixture.js';

export {
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

// HistFactory / pyhf likelihoods, fits and asymptotic CLs (issue 4).
export {
  applyPatch,
  type BrazilSvgOptions,
  brazilBandSvg,
  buildModel,
  type ChannelSpec,
  type HistFactoryModel,
  type HistosysCode,
  type MeasurementSpec,
  type ModelOptions,
  type ModifierSettings,
  type ModifierSpec,
  type ModifierType,
  type NormsysCode,
  type ObservationSpec,
  type ParameterConfig,
  type ParameterSet,
  type PatchOperation,
  parseWorkspace,
  type SampleSpec,
  type WorkspaceSpec,
  workspaceToJson,
} from './histfactory/index.js';
export {
  AsymptoticCalculator,
  asimovData,
  BAND_SIGMAS,
  type BrazilPoint,
  brazilScan,
  brentRoot,
  clsFromQ,
  discovery,
  expectedCls,
  type FitData,
  type FitOptions,
  type FitResult,
  fitModel,
  type HypotestResult,
  hypotest,
  type LimitOptions,
  observedData,
  qmu,
  type TestStatistic,
  type UpperLimitResult,
  upperLimit,
} from './inference/index.js';
export {
  asimovExclusionQ,
  asimovLimitCrossSection,
  asimovSignificance,
  asimovSignificanceWithUncertainty,
  CHI2_1DOF_95,
  significanceWithRelativeSystematic,
} from './significance/index.js';
