export { chi2Cdf, chi2Isf, chi2LogCdf, chi2LogSf, chi2Pdf, chi2Quantile, chi2Sf } from './chi2.js';
export { gammaP, gammaQ, logGammaP, logGammaQ } from './incompleteGamma.js';
export { nonCentralChi2Cdf, nonCentralChi2Quantile, nonCentralChi2Sf } from './nonCentralChi2.js';
export { normalCdf, normalIsf, normalLogCdf, normalLogSf, normalQuantile, normalSf } from './normal.js';
