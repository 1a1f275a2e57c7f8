/**
 * `@hep/stats`: likelihood statistics for collider analyses.
 *
 * @packageDocumentation
 */
import type { ReproductionSuite } from '@hep/core';
import { phiStarMixtureSuite } from './reproduce/phiStarMixture.js';
import { phiStarWilksSuite } from './reproduce/phiStarWilks.js';

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
export { type Axis, Histogram } from './histogram/index.js';
export { type BandwidthRule, GaussianKde, type KdeOptions } from './kde/index.js';
export {
  accuracy,
  argmaxClasses,
  auc,
  type ConfusionMatrix,
  confusionMatrix,
  type LikelihoodRatios,
  likelihoodRatios,
  linearGrid,
  type RocCurve,
  rocCurve,
  type ScanPoint,
  scoreAsymmetry,
  separation,
  separationFromSamples,
  significanceWithSystematic,
  type ThresholdScan,
  thresholdScan,
} from './metrics/index.js';
export {
  fitMixture,
  fitMixtureFraction,
  fitMixtureFractionBatch,
  type LikelihoodRatioInterval,
  type MixtureFit,
  type MixtureFitOptions,
  type MixtureFractionFit,
  type MixtureFractionOptions,
  mixtureFractionInterval,
  mixtureFractionLlrBatch,
  mixtureFractionLlrCurve,
  mixtureFractionNll,
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
export { phiStarMixtureDatasets, phiStarMixtureToys } from './reproduce/phiStarMixture.js';
export {
  asimovCrossSectionLimit,
  asimovSignificance,
  asimovSignificanceWithUncertainty,
  CHI2_1DOF_95,
  countingDiscovery,
} from './significance/index.js';
export {
  andersonDarlingCdf,
  andersonDarlingTest,
  andersonDarlingTestChi2,
  type Chi2DofFit,
  chi2PercentileTable,
  type EmpiricalPValue,
  empiricalPValue,
  fitChi2Dof,
  type GoodnessOfFit,
  kolmogorovSf,
  ksStatistic,
  ksTest,
  ksTestChi2,
  type PercentileRow,
} from './wilks/index.js';

/** Reproduction suites this package registers with `pnpm reproduce`. */
export const reproductionSuites: readonly ReproductionSuite[] = [phiStarMixtureSuite, phiStarWilksSuite];

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
  type AsimovData,
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
  type ProfileScanOptions,
  type ProfileScanResult,
  profileScan,
  q0,
  qmu,
  qmuTilde,
  statisticBounds,
  type TestStatistic,
  type TestStatisticName,
  type TestStatOptions,
  type TestStatValue,
  testStatistic,
  tmu,
  tmuTilde,
  type UpperLimitResult,
  upperLimit,
} from './inference/index.js';
