/**
 * @hep/models neural networks: training throughput of the paper-000 classifier (Table I) with our
 * lean tfjs-core loop vs tfjs-layers (same architecture, same wasm backend, same batch size), and
 * inference throughput of predict with the WebAssembly SIMD dense kernel vs tfjs-layers predict and
 * vs the folded/fused tfjs-core plan (engine 'tfjs', tfjs-backend-wasm/XNNPACK), and of the
 * worker-thread PredictPool (kernel) vs one thread and vs the pool running the tfjs-core plan.
 */
import { availableParallelism } from 'node:os';
import { Rng } from '@hep/core';
import { initEngine, lfvClassifier, Network, PredictPool, predict, trainNetwork } from '@hep/models';
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
    const tfjsPool = await PredictPool.create(net, threads, 'tfjs');
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
        ours: { name: 'predict (wasm SIMD kernel)', run: () => predict(net, infer.cols) },
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
        name: `inference, ${N_INFER} events, kernel vs the tfjs-core plan`,
        items: N_INFER,
        minSeconds: 2,
        maxRepeats: 5,
        ours: { name: 'predict (wasm SIMD kernel)', run: () => predict(net, infer.cols) },
        baseline: {
          name: "predict engine 'tfjs' (folded BN, fused matMul, XNNPACK, batches of 32768)",
          run: () => predict(net, infer.cols, { engine: 'tfjs' }),
        },
      },
      {
        name: `inference, ${N_INFER} events, ${threads} worker threads vs 1 thread`,
        items: N_INFER,
        minSeconds: 2,
        maxRepeats: 5,
        ours: { name: `PredictPool (${threads} threads, kernel)`, run: () => pool.predict(infer.cols) },
        baseline: { name: 'predict (1 thread, kernel)', run: () => predict(net, infer.cols) },
      },
      {
        name: `inference, ${N_INFER} events, ${threads} worker threads, kernel vs tfjs-core plan`,
        items: N_INFER,
        minSeconds: 2,
        maxRepeats: 5,
        ours: { name: `PredictPool (${threads} threads, kernel)`, run: () => pool.predict(infer.cols) },
        baseline: {
          name: `PredictPool (${threads} threads, engine 'tfjs')`,
          run: () => tfjsPool.predict(infer.cols),
        },
      },
    ];
  },
});
