/**
 * Weight initialisers drawing from the seeded {@link Rng} (never tf.random*), so the same seed
 * gives the same initial weights on every backend.
 *
 * @module
 */
import type { Rng } from '@hep/core';
import type { Initializer } from './spec.js';

/** Keras' truncated-normal correction: σ of 𝒩(0,1) truncated at ±2 is 0.87962566103423978. */
const TRUNC_STD = 0.87962566103423978;

function truncatedNormal(rng: Rng, sigma: number): number {
  for (;;) {
    const z = rng.normal();
    if (Math.abs(z) <= 2) return (z * sigma) / TRUNC_STD;
  }
}

/**
 * Kernel of shape [fanIn, fanOut] (row-major) drawn by `init`; see {@link Initializer} for the laws.
 */
export function initKernel(init: Initializer, fanIn: number, fanOut: number, rng: Rng): Float32Array {
  const n = fanIn * fanOut;
  const w = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    switch (init) {
      case 'heNormal':
        w[i] = truncatedNormal(rng, Math.sqrt(2 / fanIn));
        break;
      case 'glorotNormal':
        w[i] = truncatedNormal(rng, Math.sqrt(2 / (fanIn + fanOut)));
        break;
      case 'heUniform': {
        const a = Math.sqrt(6 / fanIn);
        w[i] = rng.uniform(-a, a);
        break;
      }
      case 'glorotUniform': {
        const a = Math.sqrt(6 / (fanIn + fanOut));
        w[i] = rng.uniform(-a, a);
        break;
      }
      case 'normal':
        w[i] = rng.normal(0, 0.05);
        break;
      case 'uniform':
        w[i] = rng.uniform(-0.05, 0.05);
        break;
    }
  }
  return w;
}
