/** Fits, asymptotic CLs and upper limits for HistFactory models. @module */
export {
  type AsimovData,
  AsymptoticCalculator,
  asimovData,
  BAND_SIGMAS,
  clsFromQ,
  discovery,
  expectedCls,
  type HypotestResult,
  hypotest,
  type TestStatistic,
} from './asymptotics.js';
export { brentRoot } from './brent.js';
export { type FitData, type FitOptions, type FitResult, fitModel, observedData } from './fit.js';
export { type ProfileScanOptions, type ProfileScanResult, profileScan } from './profileScan.js';
export {
  q0,
  qmu,
  qmuTilde,
  statisticBounds,
  type TestStatisticName,
  type TestStatOptions,
  type TestStatValue,
  testStatistic,
  tmu,
  tmuTilde,
} from './testStatistics.js';
export type { ToyArgs, ToyResult } from './toyRunner.js';
export {
  mergeToyRuns,
  runToyShard,
  type ToyHypotestResult,
  type ToyOptions,
  type ToyRun,
  toyHypotest,
  toyPvalues,
} from './toys.js';
export {
  type BrazilPoint,
  brazilScan,
  type LimitOptions,
  type UpperLimitResult,
  upperLimit,
} from './upperLimit.js';
