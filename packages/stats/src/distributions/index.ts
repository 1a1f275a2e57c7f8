export { normalCdf, normalIsf, normalLogCdf, normalLogSf, normalQuantile, normalSf } from './normal.js';
