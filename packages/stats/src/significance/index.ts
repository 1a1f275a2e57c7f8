export {
  asimovCrossSectionLimit,
  asimovSignificance,
  asimovSignificanceWithUncertainty,
  CHI2_1DOF_95,
  countingDiscovery,
} from './asimov.js';
