export { Rng } from './rng.js';
export { deriveKey, expandKey, seedKey, splitMix64Mix } from './seed.js';
export { Xoshiro256 } from './xoshiro256.js';
