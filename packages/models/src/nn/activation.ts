/**
 * Activation functions on tfjs-core tensors (the main-thread instance of {@link planKernels}).
 *
 * @module
 */
import { tf } from './engine.js';
import { planKernels } from './planKernels.js';
import type { Activation } from './spec.js';

/** Kernels bound to the package's tfjs-core module. */
export const kernels = planKernels(tf);

/**
 * LeakyReLU f(x) = max(x, αx). On wasm it is computed as (1 − α)·relu(x) + α·x (equal for
 * 0 ≤ α ≤ 1 up to float32 rounding): tfjs-backend-wasm's LeakyRelu kernel is ≈ 4× slower than
 * these three vectorised ops (measured on a 32768 × 128 tensor), and its gradient is the ReLU step.
 */
export function leakyRelu(x: tf.Tensor2D, alpha: number): tf.Tensor2D {
  return kernels.leakyRelu(x, alpha);
}

/** Applies an activation to a tensor (softmax along the last axis). */
export function applyActivation(x: tf.Tensor2D, fn: Activation): tf.Tensor2D {
  return kernels.activate(x, fn);
}
