export { andersonDarlingCdf, andersonDarlingTest } from './andersonDarling.js';
export {
  andersonDarlingTestChi2,
  type Chi2DofFit,
  chi2PercentileTable,
  fitChi2Dof,
  ksTestChi2,
  type PercentileRow,
} from './chi2Checks.js';
export { type EmpiricalPValue, empiricalPValue } from './empirical.js';
export { type GoodnessOfFit, kolmogorovSf, ksStatistic, ksTest } from './kolmogorovSmirnov.js';
