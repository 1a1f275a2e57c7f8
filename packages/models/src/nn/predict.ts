/**
 * Batched inference over feature columns.
 *
 * @module
 */
import { type FeatureColumns, packRows } from './data.js';
import { tf } from './engine.js';
import type { Network } from './network.js';

/**
 * Network outputs for every event, computed in batches of `batchSize` rows in inference mode with
 * the folded, fused {@link Network.inferencePlan} (built once per call). Returns a Float64Array of
 * length n·outputs, row-major (for one output: the score per event).
 *
 * @example
 * ```ts
 * const scores = predict(net, columns); // Float64Array, one score per event
 * ```
 */
export function predict(net: Network, features: FeatureColumns, batchSize = 32768): Float64Array {
  const d = net.spec.inputs;
  const k = net.spec.outputs;
  const rows = packRows(features, d);
  const n = rows.length / d;
  const out = new Float64Array(n * k);
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
