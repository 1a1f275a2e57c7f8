/** Fits, asymptotic CLs and upper limits for HistFactory models. @module */
export {
  AsymptoticCalculator,
  asimovData,
  BAND_SIGMAS,
  clsFromQ,
  discovery,
  expectedCls,
  type HypotestResult,
  hypotest,
  qmu,
  type TestStatistic,
} from './asymptotics.js';
export { brentRoot } from './brent.js';
export { type FitData, type FitOptions, type FitResult, fitModel, observedData } from './fit.js';
export {
  type BrazilPoint,
  brazilScan,
  type LimitOptions,
  type UpperLimitResult,
  upperLimit,
} from './upperLimit.js';
