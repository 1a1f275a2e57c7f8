/**
 * Differentiable Dense and BatchNorm (training mode) with hand-written gradients shaped for the
 * wasm backend. tfjs-backend-wasm multiplies transposed operands (`matMul(a, b, true)` and
 * `matMul(a, b, false, true)`, which the generic matMul gradient uses) and reduces over the batch
 * axis (`sum(x, 0)`, `mean(x, 0)`) ≈ 10–20× slower than a plain product: measured on a 1024 × 128
 * activation, `matMul(a, dz, true)` 20 ms vs `matMul(transpose(a), dz)` 3 ms, `sum(a, 0)` 1.7 ms vs
 * `matMul(ones[1, B], a)` 0.09 ms. The gradients below use only plain products, explicit
 * transposes of the narrower operand and ones-vector products.
 *
 * @module
 */
import { tf } from './engine.js';

/** The argument type of tf.customGrad (not exported by name from tfjs-core). */
type CustomGradientFunc = Parameters<typeof tf.customGrad>[0];

/** Σ_b x[b, :] over the batch axis as the product 1ᵀx, shape [1, n]. */
export function batchSum(x: tf.Tensor2D): tf.Tensor2D {
  return tf.matMul<tf.Tensor2D>(tf.ones([1, x.shape[0]]), x);
}

/** aᵀb for a [B, p], b [B, q], transposing whichever of a, b is narrower. */
function transposedProduct(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  return a.shape[1] <= b.shape[1]
    ? tf.matMul<tf.Tensor2D>(tf.transpose(a), b)
    : tf.transpose(tf.matMul<tf.Tensor2D>(tf.transpose(b), a));
}

/**
 * Dense layer z = aW + b as one fused kernel, with gradients ∂a = dz Wᵀ, ∂W = aᵀ dz, ∂b = 1ᵀ dz.
 */
export const dense = tf.customGrad(((
  a: tf.Tensor2D,
  w: tf.Tensor2D,
  bias: tf.Tensor1D,
  save: tf.GradSaveFunc,
) => {
  save([a, w]);
  return {
    value: tf.fused.matMul({ a, b: w, bias }),
    gradFunc: (dz: tf.Tensor2D, saved: tf.Tensor[]) => {
      const [x, k] = saved as [tf.Tensor2D, tf.Tensor2D];
      return [
        tf.matMul(dz, tf.transpose(k)),
        transposedProduct(x, dz),
        tf.reshape(batchSum(dz), [k.shape[1]]),
      ];
    },
  };
}) as unknown as CustomGradientFunc) as (a: tf.Tensor2D, w: tf.Tensor2D, bias: tf.Tensor1D) => tf.Tensor2D;

/** Batch statistics a training-mode BatchNorm used (biased variance, as Keras). */
export interface BatchMoments {
  readonly mean: tf.Tensor1D;
  readonly variance: tf.Tensor1D;
}

/**
 * Training-mode BatchNorm y = γ x̂ + β with x̂ = (h − μ_B)/√(σ²_B + ε), μ_B and σ²_B the batch mean
 * and biased variance, reported to `sink` (kept tensors: the caller disposes them). Gradients
 * (Ioffe & Szegedy 2015): ∂β = 1ᵀdy, ∂γ = 1ᵀ(dy ⊙ x̂), ∂h = γ/√(σ²_B + ε) ⊙ (dy − (∂β + x̂ ⊙ ∂γ)/B).
 */
export function batchNormTraining(
  h: tf.Tensor2D,
  gamma: tf.Tensor1D,
  beta: tf.Tensor1D,
  epsilon: number,
  sink: (m: BatchMoments) => void,
): tf.Tensor2D {
  const op = tf.customGrad(((x: tf.Tensor2D, g: tf.Tensor1D, b: tf.Tensor1D, save: tf.GradSaveFunc) => {
    const n = x.shape[0];
    const mu = tf.div(batchSum(x), n);
    const d = tf.sub<tf.Tensor2D>(x, mu);
    const variance = tf.div(batchSum(tf.square(d)), n);
    const r = tf.rsqrt(tf.add(variance, epsilon));
    const xHat = tf.mul(d, r);
    sink({ mean: tf.keep(tf.reshape(mu, [-1])), variance: tf.keep(tf.reshape(variance, [-1])) });
    save([xHat, r, g]);
    return {
      value: tf.add(tf.mul(xHat, g), b),
      gradFunc: (dy: tf.Tensor2D, saved: tf.Tensor[]) => {
        const [xh, rs, gm] = saved as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D];
        const dBeta = batchSum(dy);
        const dGamma = batchSum(tf.mul(dy, xh));
        const centred = tf.sub(dy, tf.div(tf.add(dBeta, tf.mul(xh, dGamma)), n));
        return [tf.mul(centred, tf.mul(rs, gm)), tf.reshape(dGamma, [-1]), tf.reshape(dBeta, [-1])];
      },
    };
  }) as unknown as CustomGradientFunc) as (x: tf.Tensor2D, g: tf.Tensor1D, b: tf.Tensor1D) => tf.Tensor2D;
  return op(h, gamma, beta);
}
