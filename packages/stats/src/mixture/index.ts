export { phiStarFisherSigma } from './fisher.js';
export {
  type LikelihoodRatioInterval,
  mixtureFractionInterval,
  mixtureFractionLlrBatch,
  mixtureFractionLlrCurve,
  mixtureFractionNll,
} from './likelihoodRatio.js';
export { fitMixture, type MixtureFit, type MixtureFitOptions } from './multiComponentFit.js';
export {
  PAPER_001_PHISTAR_TEMPLATE,
  type PhiStarTemplateParameters,
  phiStarAlphaBounds,
  phiStarMixtureDensity,
  phiStarTemplateDensities,
} from './phiStarTemplates.js';
export { samplePhiStarMixture } from './samplePhiStar.js';
export {
  fitMixtureFraction,
  fitMixtureFractionBatch,
  type MixtureFractionFit,
  type MixtureFractionOptions,
  STATUS_CODES,
} from './twoComponentFit.js';
