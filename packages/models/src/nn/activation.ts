/**
 * Activation functions on tfjs-core tensors.
 *
 * @module
 */
import { tf } from './engine.js';
import type { Activation } from './spec.js';

/** Applies an activation to a tensor (softmax along the last axis). */
export function applyActivation(x: tf.Tensor2D, fn: Activation): tf.Tensor2D {
  if (typeof fn === 'object') return tf.leakyRelu(x, fn.leakyRelu);
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
