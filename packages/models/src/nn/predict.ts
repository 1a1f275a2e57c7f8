/**
 * Batched inference over feature columns.
 *
 * @module
 */
import { HepInputError } from '@hep/core';
import { badValueError, checkColumns, type FeatureColumns, packRows } from './data.js';
import { tf } from './engine.js';
import type { Network } from './network.js';
import { kernelForward } from './wasmForward.js';

/**
 * Inference engine: `'auto'` runs the folded plan through the WebAssembly SIMD dense kernel
 * ({@link Network.kernelPlan}, `denseKernel.wat`) and falls back to `'tfjs'` where WebAssembly
 * SIMD is unavailable; `'tfjs'` runs the folded, fused tfjs-core plan ({@link Network.inferencePlan})
 * on the current tfjs backend.
 */
export type PredictEngine = 'auto' | 'tfjs';

/** Throws {@link HepInputError} naming `argument` unless `engine` is `'auto'` or `'tfjs'`. */
export function checkEngine(argument: string, engine: unknown): void {
  if (engine !== 'auto' && engine !== 'tfjs') {
    throw new HepInputError(argument, `must be 'auto' or 'tfjs', got ${String(engine)}`);
  }
}

/** Options of {@link predict} and {@link PredictPool.predict}. */
export interface PredictOptions {
  /** Events per tfjs call (the `'tfjs'` engine; the kernel uses its own cache-sized batches). */
  readonly batchSize?: number;
  /** Default `'auto'`. */
  readonly engine?: PredictEngine;
}

/**
 * Network outputs for every event, in inference mode (BatchNorm from the moving statistics folded
 * into the Dense weights, dropout off). Returns a Float64Array of length n·outputs, row-major (for
 * one output: the score per event). With the kernel, the scores are bit-identical to
 * {@link PredictPool.predict} and to those of the network reloaded from {@link modelToJSON}.
 *
 * @example
 * ```ts
 * const scores = predict(net, columns); // Float64Array, one score per event
 * ```
 */
export function predict(net: Network, features: FeatureColumns, options: PredictOptions = {}): Float64Array {
  const d = net.spec.inputs;
  const k = net.spec.outputs;
  checkEngine('options.engine', options.engine ?? 'auto');
  const kernel = options.engine === 'tfjs' ? undefined : kernelForward();
  if (kernel) {
    const out = new Float64Array(checkColumns(features, d) * k);
    kernel.load(net.kernelPlan());
    const bad = kernel.run(features, 0, out.length / k, out);
    if (bad) throw badValueError(bad);
    return out;
  }
  const rows = packRows(features, d);
  const n = rows.length / d;
  const out = new Float64Array(n * k);
  const batchSize = options.batchSize ?? 32768;
  const plan = net.inferencePlan();
  try {
    for (let s = 0; s < n; s += batchSize) {
      const e = Math.min(n, s + batchSize);
      const y = tf.tidy(() => plan.run(tf.tensor2d(rows.subarray(s * d, e * d), [e - s, d])).dataSync());
      out.set(y, s * k);
    }
  } finally {
    plan.dispose();
  }
  return out;
}
