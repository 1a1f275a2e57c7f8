/**
 * The tensor kernels of activations and of folded inference, written as one self-contained factory
 * over a tfjs-core module: `planKernels` references nothing from module scope, so
 * {@link PredictPool} can run the very same source in worker threads (via `planKernels.toString()`),
 * where only tfjs-core's CommonJS bundle is loaded.
 *
 * @module
 */
import type * as TF from '@tensorflow/tfjs-core';
import type { Activation } from './spec.js';

/** Activations `tf.fused.matMul` applies in the same kernel as the product and bias. */
export type FusedActivation = 'linear' | 'relu' | 'sigmoid';

/** Dense layer with folded BatchNorm and fused activation: act(xW′ + b′). */
export interface FoldedDense {
  readonly kind: 'dense';
  readonly w: TF.Tensor2D;
  readonly b: TF.Tensor1D;
  readonly fused: FusedActivation;
  /** Activation applied after the fused kernel (LeakyReLU, tanh, softmax). */
  readonly after: Activation;
  /** Set for a pre-scaled LeakyReLU(α): output relu(z′) + leakyRatio·z′, leakyRatio = α/(1 − α). */
  readonly leakyRatio?: number;
}

/** Residual block: act(branch(x) + shortcut(x)). */
export interface FoldedResidual {
  readonly kind: 'residual';
  readonly branch: readonly FoldedDense[];
  readonly projection: FoldedDense | undefined;
  readonly fn: Activation;
}

/** One step of an inference plan. */
export type FoldedStep = FoldedDense | FoldedResidual;

/** A {@link FoldedDense} with its weights as plain arrays (transferable to worker threads). */
export interface DenseArrays {
  readonly kind: 'dense';
  readonly w: Float32Array;
  readonly shape: [number, number];
  readonly b: Float32Array;
  readonly fused: FusedActivation;
  readonly after: Activation;
  readonly leakyRatio?: number;
}

/** A folded plan as plain arrays: hidden steps and the head with its output activation. */
export interface PlanArrays {
  readonly steps: readonly (
    | DenseArrays
    | { kind: 'residual'; branch: DenseArrays[]; projection?: DenseArrays; fn: Activation }
  )[];
  readonly head: DenseArrays;
}

/**
 * Kernels over the tfjs-core module `tf`: `leakyRelu`, `activate` (any {@link Activation}),
 * `run` (a folded plan on a batch), `toArrays` / `fromArrays` (plan ↔ plain arrays).
 */
export function planKernels(tf: typeof TF) {
  /**
   * LeakyReLU max(x, αx); on wasm (1 − α)·relu(x) + α·x: tfjs-backend-wasm's LeakyRelu kernel is
   * ≈ 4× slower than these three element-wise ops, whose gradient is the cheap ReLU step.
   */
  function leakyRelu(x: TF.Tensor2D, alpha: number): TF.Tensor2D {
    if (tf.getBackend() !== 'wasm' || !(alpha >= 0 && alpha <= 1)) return tf.leakyRelu(x, alpha);
    return tf.add(tf.mul(tf.relu(x), 1 - alpha), tf.mul(x, alpha));
  }
  function activate(x: TF.Tensor2D, fn: Activation): TF.Tensor2D {
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
  function dense(h: TF.Tensor2D, s: FoldedDense): TF.Tensor2D {
    const z = tf.fused.matMul({ a: h, b: s.w, bias: s.b, activation: s.fused }) as TF.Tensor2D;
    if (s.leakyRatio !== undefined) return tf.add(tf.relu(z), tf.mul(z, s.leakyRatio));
    return activate(z, s.after);
  }
  function run(steps: readonly FoldedStep[], head: FoldedDense, x: TF.Tensor2D): TF.Tensor2D {
    let h = x;
    for (const s of steps) {
      if (s.kind === 'dense') h = dense(h, s);
      else {
        let br = h;
        for (const d of s.branch) br = dense(br, d);
        const short = s.projection ? dense(h, s.projection) : h;
        h = activate(tf.add(br, short), s.fn);
      }
    }
    return dense(h, head);
  }
  function denseToArrays(d: FoldedDense): DenseArrays {
    const { w, b, ...rest } = d;
    return { ...rest, w: w.dataSync() as Float32Array, shape: w.shape, b: b.dataSync() as Float32Array };
  }
  function denseFromArrays(d: DenseArrays): FoldedDense {
    const { w, shape, b, ...rest } = d;
    return { ...rest, w: tf.tensor2d(w, shape), b: tf.tensor1d(b) };
  }
  function toArrays(steps: readonly FoldedStep[], head: FoldedDense): PlanArrays {
    return {
      steps: steps.map((s) =>
        s.kind === 'dense'
          ? denseToArrays(s)
          : {
              kind: 'residual',
              branch: s.branch.map(denseToArrays),
              ...(s.projection ? { projection: denseToArrays(s.projection) } : {}),
              fn: s.fn,
            },
      ),
      head: denseToArrays(head),
    };
  }
  function fromArrays(p: PlanArrays): { steps: FoldedStep[]; head: FoldedDense } {
    return {
      steps: p.steps.map((s) =>
        s.kind === 'dense'
          ? denseFromArrays(s)
          : {
              kind: 'residual',
              branch: s.branch.map(denseFromArrays),
              projection: s.projection ? denseFromArrays(s.projection) : undefined,
              fn: s.fn,
            },
      ),
      head: denseFromArrays(p.head),
    };
  }
  return { leakyRelu, activate, dense, run, toArrays, fromArrays };
}
