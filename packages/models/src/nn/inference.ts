/**
 * Inference-only form of a {@link Network}: every BatchNorm folded into the preceding Dense and the
 * following activation fused into one `tf.fused.matMul` (bias + activation in the same kernel);
 * dropout is the identity. With s = γ/√(σ²_moving + ε) per unit, BN(xW + b) = x(W·diag s) +
 * ((b − μ_moving)·s + β), i.e. W' = W·diag(s), b' = (b − μ)·s + β (Keras inference semantics, the
 * same function as {@link Network.forward} up to float32 rounding).
 *
 * The folded tensors are snapshots of the weights: build a plan after training, dispose it after
 * use ({@link predict} with engine `'tfjs'` does both per call; folding costs a few tiny ops). The
 * default engine runs the same folded function through the WebAssembly kernel instead
 * ({@link Network.kernelPlan}, folded in float64).
 *
 * @module
 */

import { kernels } from './activation.js';
import { tf } from './engine.js';
import type { FoldedDense, FoldedStep, PlanArrays } from './planKernels.js';
import type { Activation } from './spec.js';

/** The weights of one Dense layer and what follows it before the next Dense, as read from a network. */
export interface DenseGroup {
  readonly kernel: tf.Tensor2D;
  readonly bias: tf.Tensor1D;
  readonly bn?: {
    readonly gamma: tf.Tensor1D;
    readonly beta: tf.Tensor1D;
    readonly mean: tf.Tensor1D;
    readonly variance: tf.Tensor1D;
    /** Variance offset ε. */
    readonly epsilon: number;
  };
  readonly activation: Activation;
}

/**
 * Folds one Dense(+BN)(+activation) group into a fused dense step (new tensors, caller disposes).
 * LeakyReLU(α) on wasm is not fused (tfjs-backend-wasm applies it ≈ 4× slower than relu + scale):
 * the kernel and bias are pre-scaled by (1 − α) so that with z′ = (1 − α)z,
 * LeakyReLU(z) = relu(z′) + α/(1 − α)·z′ (two elementwise ops after the product).
 */
export function foldDense(g: DenseGroup): FoldedDense {
  const a = g.activation;
  const alpha = typeof a === 'object' && tf.getBackend() === 'wasm' ? a.leakyRelu : undefined;
  const prescale = alpha !== undefined && alpha >= 0 && alpha < 1 ? 1 - alpha : 1;
  // fresh tensors even when nothing is folded: the plan owns them
  const [w, b] = tf.tidy(() => {
    let s: tf.Tensor | number = prescale;
    let bias = g.bias;
    if (g.bn) {
      s = tf.mul(g.bn.gamma, tf.rsqrt(tf.add(g.bn.variance, g.bn.epsilon)));
      bias = tf.add(tf.mul(tf.sub(g.bias, g.bn.mean), s), g.bn.beta);
      s = tf.mul(s, prescale);
      bias = tf.mul(bias, prescale);
    }
    return [tf.mul(g.kernel, s), g.bn ? bias : tf.mul(bias, s)];
  }) as [tf.Tensor2D, tf.Tensor1D];
  if (prescale !== 1) {
    const ratio = (1 - prescale) / prescale;
    return { kind: 'dense', w, b, fused: 'linear', after: 'linear', leakyRatio: ratio };
  }
  if (a === 'relu' || a === 'sigmoid' || a === 'linear')
    return { kind: 'dense', w, b, fused: a, after: 'linear' };
  return { kind: 'dense', w, b, fused: 'linear', after: a };
}

/**
 * A folded network for inference: `run(x)` is the network output (or the head's logits when
 * `logits` is true). Owns its tensors: call {@link InferencePlan.dispose}.
 */
export class InferencePlan {
  private readonly steps: readonly FoldedStep[];
  private readonly head: FoldedDense;
  private readonly headLogits: FoldedDense;

  /** `head` is the folded output layer with its activation fused (sigmoid) or applied after. */
  constructor(steps: readonly FoldedStep[], head: FoldedDense, outputActivation: Activation) {
    this.steps = steps;
    this.headLogits = head;
    this.head =
      outputActivation === 'sigmoid' || outputActivation === 'linear'
        ? { ...head, fused: outputActivation }
        : { ...head, after: outputActivation };
  }

  /** Output [batch, outputs] (a tensor in the caller's tidy scope). */
  run(x: tf.Tensor2D, logits = false): tf.Tensor2D {
    return kernels.run(this.steps, logits ? this.headLogits : this.head, x);
  }

  /** The plan (with the output activation) as plain arrays, e.g. for worker threads. */
  toArrays(): PlanArrays {
    return kernels.toArrays(this.steps, this.head);
  }

  /** Frees the folded weights. */
  dispose(): void {
    const free = (d: FoldedDense) => {
      d.w.dispose();
      d.b.dispose();
    };
    for (const s of this.steps) {
      if (s.kind === 'dense') free(s);
      else {
        s.branch.forEach(free);
        if (s.projection) free(s.projection);
      }
    }
    free(this.headLogits);
  }
}
