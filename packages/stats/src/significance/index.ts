/** Closed-form counting-experiment sensitivities. @module */
export {
  asimovExclusionQ,
  asimovLimitCrossSection,
  asimovSignificance,
  asimovSignificanceWithUncertainty,
  CHI2_1DOF_95,
  significanceWithRelativeSystematic,
} from './closedForms.js';
