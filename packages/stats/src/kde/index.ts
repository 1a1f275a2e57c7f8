export { type BandwidthRule, GaussianKde, type KdeOptions } from './gaussianKde.js';
