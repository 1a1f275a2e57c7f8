export { type LikelihoodRatios, likelihoodRatios, scoreAsymmetry } from './binary.js';
export { accuracy, argmaxClasses, type ConfusionMatrix, confusionMatrix } from './confusion.js';
export { auc, type RocCurve, rocArea, rocCurve } from './roc.js';
export { separation, separationFromSamples } from './separation.js';
export {
  linearGrid,
  type ScanPoint,
  significanceWithSystematic,
  type ThresholdScan,
  thresholdScan,
} from './thresholdScan.js';
