/**
 * Activation functions on tfjs-core tensors.
 *
 * @module
 */
import { tf } from './engine.js';
import type { Activation } from './spec.js';

/**
 * LeakyReLU f(x) = max(x, αx). On wasm it is computed as (1 − α)·relu(x) + α·x (equal for
 * 0 ≤ α ≤ 1 up to float32 rounding): tfjs-backend-wasm's LeakyRelu kernel is scalar and ≈ 4× slower
 * than these three vectorised ops (measured on a 32768 × 128 tensor; bench/models.bench.ts), and
 * its gradient is the cheap ReLU step.
 */
export function leakyRelu(x: tf.Tensor2D, alpha: number): tf.Tensor2D {
  if (tf.getBackend() !== 'wasm' || !(alpha >= 0 && alpha <= 1)) return tf.leakyRelu(x, alpha);
  return tf.add(tf.mul(tf.relu(x), 1 - alpha), tf.mul(x, alpha));
}

/** Applies an activation to a tensor (softmax along the last axis). */
export function applyActivation(x: tf.Tensor2D, fn: Activation): tf.Tensor2D {
  if (typeof fn === 'object') return leakyRelu(x, fn.leakyRelu);
  switch (fn) {
    case 'relu':
      return tf.relu(x);
    case 'tanh':
      return tf.tanh(x);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'softmax':
      return tf.softmax(x);
    case 'linear':
      return x;
  }
}
