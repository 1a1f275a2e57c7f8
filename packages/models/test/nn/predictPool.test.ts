import { Rng } from '@hep/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initEngine, tf } from '../../src/nn/engine.js';
import { Network } from '../../src/nn/network.js';
import { predict } from '../../src/nn/predict.js';
import { PredictPool } from '../../src/nn/predictPool.js';
import { lfvClassifier } from '../../src/nn/presets.js';

beforeAll(async () => {
  await initEngine('wasm');
});
afterAll(async () => {
  await initEngine('wasm');
});

describe('PredictPool', () => {
  it('scores like predict on the paper-000 classifier (2 threads, uneven slices, small batches)', async () => {
    const net = new Network(lfvClassifier().spec, new Rng(1));
    for (const p of net.params.filter((q) => q.name.includes('.bn.'))) {
      const r = new Rng(p.name.length);
      const v = Float32Array.from({ length: p.shape[0]! }, () =>
        p.name.endsWith('Variance') ? 0.5 + r.uniform() : 0.3 * r.normal(),
      );
      tf.tidy(() => p.variable.assign(tf.tensor(v, p.shape as number[])));
    }
    const rng = new Rng(2);
    const cols = Array.from({ length: 10 }, () => rng.normals(1001));
    const before = tf.memory().numTensors;
    const pool = await PredictPool.create(net, 2);
    expect(tf.memory().numTensors).toBe(before);
    try {
      const got = await pool.predict(cols, { batchSize: 128 });
      expect(Array.from(got)).toEqual(Array.from(predict(net, cols))); // the same kernel, bit for bit
    } finally {
      await pool.close();
    }
    net.dispose();
  });

  it("engine 'tfjs' on the cpu backend: residual blocks, several outputs; rejects bad thread counts", async () => {
    await initEngine('cpu');
    const net = new Network(
      {
        inputs: 3,
        blocks: [{ type: 'residual', units: 4, activation: 'tanh', batchNorm: true }],
        outputs: 3,
        outputActivation: 'softmax',
        loss: { kind: 'categoricalCrossEntropy' },
      },
      new Rng(3),
    );
    const rng = new Rng(4);
    const cols = Array.from({ length: 3 }, () => rng.normals(50));
    const pool = await PredictPool.create(net, 3, 'tfjs');
    try {
      const got = await pool.predict(cols, { batchSize: 16 });
      expect(Array.from(got)).toEqual(Array.from(predict(net, cols, { engine: 'tfjs', batchSize: 16 })));
    } finally {
      await pool.close();
    }
    await expect(PredictPool.create(net, 0)).rejects.toThrow(/threads/);
    net.dispose();
  });
});
