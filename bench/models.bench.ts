/**
 * @hep/models neural networks: training throughput of the paper-000 classifier (Table I) with our
 * lean tfjs-core loop vs tfjs-layers (same architecture, same wasm backend, same batch size), and
 * batched inference throughput of the folded/fused plan vs tfjs-layers predict, vs the forward
 * pass predict used before (unfolded BatchNorm, tfjs' LeakyRelu kernel), and of the worker-thread
 * PredictPool vs one thread.
 */
import { availableParallelism } from 'node:os';
import { Rng } from '@hep/core';
import {
  BN_EPSILON,
  initEngine,
  lfvClassifier,
  Network,
  PredictPool,
  packRows,
  predict,
  trainNetwork,
} from '@hep/models';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { defineSuite } from './harness.js';

const N_TRAIN = 8192;
const N_INFER = 200_000;

function toyColumns(n: number, seed: number) {
  const rng = new Rng(seed);
  const cols = Array.from({ length: 10 }, () => rng.normals(n));
  const y = new Float64Array(n).map((_, i) => (i % 2 ? 1 : 0));
  return { cols, y };
}

/** The same Table I network in tfjs-layers (Keras API). */
function layersModel(): tfl.LayersModel {
  const m = tfl.sequential();
  const leaky = () => tfl.layers.leakyReLU({ alpha: 0.1 });
  const block = (units: number, bn: boolean, drop: number, first = false) => {
    m.add(tfl.layers.dense(first ? { units, inputShape: [10] } : { units }));
    if (bn) m.add(tfl.layers.batchNormalization());
    m.add(leaky());
    if (drop > 0) m.add(tfl.layers.dropout({ rate: drop }));
  };
  block(128, true, 0.3, true);
  block(64, true, 0.3);
  block(64, true, 0);
  block(32, false, 0);
  block(32, true, 0);
  m.add(tfl.layers.dense({ units: 1, activation: 'sigmoid' }));
  m.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });
  return m;
}

/**
 * The forward pass `predict` used before the inference plan (issue 7 start): Dense as matMul + add,
 * BatchNorm from the moving statistics as separate ops, tfjs' LeakyRelu kernel, sigmoid head.
 */
function previousForward(net: Network, x: tf.Tensor2D): Float32Array {
  const p = (name: string) => {
    const found = net.params.find((q) => q.name === name);
    if (!found) throw new Error(`no parameter ${name}`);
    return found.variable;
  };
  let h: tf.Tensor = x;
  for (let i = 0; i < 5; i++) {
    h = tf.add(tf.matMul(h, p(`b${i}.kernel`)), p(`b${i}.bias`));
    if (net.params.some((q) => q.name === `b${i}.bn.gamma`)) {
      const scale = tf.mul(p(`b${i}.bn.gamma`), tf.rsqrt(tf.add(p(`b${i}.bn.movingVariance`), BN_EPSILON)));
      h = tf.add(tf.mul(tf.sub(h, p(`b${i}.bn.movingMean`)), scale), p(`b${i}.bn.beta`));
    }
    h = tf.leakyRelu(h, 0.1);
  }
  return tf.sigmoid(tf.add(tf.matMul(h, p('out.kernel')), p('out.bias'))).dataSync() as Float32Array;
}

export default defineSuite({
  name: 'models',
  description: 'paper-000 classifier: training samples/s vs tfjs-layers (wasm), inference events/s',
  cases: async () => {
    await initEngine('wasm');
    const train = toyColumns(N_TRAIN, 1);
    const infer = toyColumns(N_INFER, 2);
    const preset = lfvClassifier();
    const net = new Network(preset.spec, new Rng(1));
    const km = layersModel();
    // one thread per core (the pool stays open until the process ends)
    const threads = availableParallelism();
    const pool = await PredictPool.create(net, threads);
    const xs = tf.tensor2d(
      Float32Array.from(
        { length: N_TRAIN * 10 },
        (_, k) => (train.cols[k % 10] as Float64Array)[Math.floor(k / 10)] as number,
      ),
      [N_TRAIN, 10],
    );
    const ys = tf.tensor2d(Float32Array.from(train.y), [N_TRAIN, 1]);
    const trainCase = (batch: number) => ({
      name: `train 1 epoch, ${N_TRAIN} events, batch ${batch}`,
      items: N_TRAIN,
      minSeconds: 2,
      maxRepeats: 5,
      ours: {
        name: 'hep-ts lean loop',
        run: () =>
          trainNetwork(net, train.cols, train.y, {
            epochs: 1,
            batchSize: batch,
            seed: 3,
            optimizer: preset.training.optimizer,
          }),
      },
      baseline: {
        name: 'tfjs-layers fit',
        run: () => km.fit(xs, ys, { epochs: 1, batchSize: batch, shuffle: true, verbose: 0 }),
      },
    });
    return [
      trainCase(1024),
      trainCase(64),
      {
        name: `inference, ${N_INFER} events`,
        items: N_INFER,
        minSeconds: 2,
        maxRepeats: 5,
        ours: { name: 'predict (folded BN, fused, batches of 32768)', run: () => predict(net, infer.cols) },
        baseline: {
          name: 'tfjs-layers predict',
          run: () => {
            const x = tf.tensor2d(
              Float32Array.from(
                { length: N_INFER * 10 },
                (_, k) => (infer.cols[k % 10] as Float64Array)[Math.floor(k / 10)] as number,
              ),
              [N_INFER, 10],
            );
            const p = km.predict(x, { batchSize: 16384 }) as tf.Tensor;
            const out = Float64Array.from(p.dataSync());
            p.dispose();
            x.dispose();
            return out;
          },
        },
      },
      {
        name: `inference, ${N_INFER} events, vs the previous predict`,
        items: N_INFER,
        minSeconds: 2,
        maxRepeats: 5,
        ours: { name: 'predict (folded BN, fused, batches of 32768)', run: () => predict(net, infer.cols) },
        baseline: {
          name: 'previous predict: unfolded BN, tf.leakyRelu kernel, batches of 16384',
          run: () => {
            const rows = packRows(infer.cols, 10);
            const out = new Float64Array(N_INFER);
            for (let s = 0; s < N_INFER; s += 16384) {
              const e = Math.min(N_INFER, s + 16384);
              out.set(
                tf.tidy(() => previousForward(net, tf.tensor2d(rows.subarray(s * 10, e * 10), [e - s, 10]))),
                s,
              );
            }
            return out;
          },
        },
      },
      {
        name: `inference, ${N_INFER} events, ${threads} worker threads vs 1 thread`,
        items: N_INFER,
        minSeconds: 2,
        maxRepeats: 5,
        ours: { name: `PredictPool (${threads} threads)`, run: () => pool.predict(infer.cols) },
        baseline: { name: 'predict (1 thread)', run: () => predict(net, infer.cols) },
      },
    ];
  },
});
