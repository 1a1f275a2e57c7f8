/**
 * Training losses on tfjs-core tensors, as per-sample vectors (the trainer applies class/sample
 * weights and averages). Cross-entropies take logits z for numerical stability.
 *
 * @module
 */
import { tf } from './engine.js';
import type { LossSpec } from './spec.js';

/** Binary cross-entropy from logits: ℓ = max(z,0) − z·y + log(1 + e^{−|z|}) = −y ln σ(z) − (1−y) ln(1−σ(z)). */
export function binaryCrossEntropyFromLogits(z: tf.Tensor2D, y: tf.Tensor2D): tf.Tensor1D {
  const l = tf.add(tf.sub(tf.relu(z), tf.mul(z, y)), tf.log1p(tf.exp(tf.neg(tf.abs(z)))));
  return tf.sum(l, 1) as tf.Tensor1D;
}

/** Categorical cross-entropy from logits and one-hot y: ℓ = −Σ_k y_k log softmax(z)_k. */
export function categoricalCrossEntropyFromLogits(z: tf.Tensor2D, y: tf.Tensor2D): tf.Tensor1D {
  return tf.neg(tf.sum(tf.mul(y, tf.logSoftmax(z)), 1)) as tf.Tensor1D;
}

/** Mean squared error per sample: ℓ = (1/K) Σ_k (ŷ_k − y_k)². */
export function meanSquaredError(pred: tf.Tensor2D, y: tf.Tensor2D): tf.Tensor1D {
  return tf.mean(tf.square(tf.sub(pred, y)), 1) as tf.Tensor1D;
}

/**
 * Huber loss per sample (Keras form): with r = ŷ − y, ℓ = ½r² for |r| ≤ δ, δ(|r| − ½δ) otherwise,
 * averaged over outputs. Paper 000 Table V uses δ = 0.1 on the ratio m_H/M_col.
 */
export function huberLoss(pred: tf.Tensor2D, y: tf.Tensor2D, delta: number): tf.Tensor1D {
  const a = tf.abs(tf.sub(pred, y));
  const quad = tf.minimum(a, delta);
  const lin = tf.sub(a, quad);
  return tf.mean(tf.add(tf.mul(0.5, tf.square(quad)), tf.mul(delta, lin)), 1) as tf.Tensor1D;
}

/**
 * Per-sample loss of `spec` given the head's logits z; for `mse`/`huber` the head is linear so
 * ŷ = z.
 */
export function perSampleLoss(spec: LossSpec, z: tf.Tensor2D, y: tf.Tensor2D): tf.Tensor1D {
  switch (spec.kind) {
    case 'binaryCrossEntropy':
      return binaryCrossEntropyFromLogits(z, y);
    case 'categoricalCrossEntropy':
      return categoricalCrossEntropyFromLogits(z, y);
    case 'mse':
      return meanSquaredError(z, y);
    case 'huber':
      return huberLoss(z, y, spec.delta);
  }
}
