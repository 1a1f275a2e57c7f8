import { Rng } from '@hep/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leakyRelu } from '../../src/nn/activation.js';
import { initEngine, tf } from '../../src/nn/engine.js';
import { BN_EPSILON, Network } from '../../src/nn/network.js';
import { predict } from '../../src/nn/predict.js';
import type { NetworkSpec } from '../../src/nn/spec.js';

/** Gives every BN moving mean/variance and γ/β non-trivial values (as after training). */
function randomiseBn(net: Network, rng: Rng): void {
  for (const p of net.params) {
    if (!p.name.includes('.bn.')) continue;
    const n = p.shape[0] as number;
    const v = Float32Array.from({ length: n }, () =>
      p.name.endsWith('Variance') ? 0.2 + rng.uniform() : rng.normal() * 0.5,
    );
    tf.tidy(() => p.variable.assign(tf.tensor(v, p.shape as number[])));
  }
}

function columns(d: number, n: number, seed: number): Float64Array[] {
  const rng = new Rng(seed);
  return Array.from({ length: d }, () => rng.normals(n));
}

describe('inference plan: BatchNorm folded into Dense, fused activations', () => {
  beforeAll(async () => {
    await initEngine('cpu');
  });
  afterAll(async () => {
    await initEngine('cpu');
  });

  it.each(['cpu', 'wasm'] as const)(
    '%s: matches a float64 hand replay of Dense → BN(moving stats) → LeakyReLU → Dense → sigmoid',
    async (backend) => {
      await initEngine(backend);
      const spec: NetworkSpec = {
        inputs: 3,
        blocks: [{ type: 'dense', units: 4, batchNorm: true, activation: { leakyRelu: 0.1 }, dropout: 0.3 }],
        outputs: 1,
        outputActivation: 'sigmoid',
        loss: { kind: 'binaryCrossEntropy' },
      };
      const net = new Network(spec, new Rng(5));
      randomiseBn(net, new Rng(6));
      const get = (name: string) => {
        const p = net.params.find((q) => q.name === name);
        return Array.from(p?.variable.dataSync() ?? []);
      };
      const [W, b, g, be, mu, va, W2, b2] = [
        'b0.kernel',
        'b0.bias',
        'b0.bn.gamma',
        'b0.bn.beta',
        'b0.bn.movingMean',
        'b0.bn.movingVariance',
        'out.kernel',
        'out.bias',
      ].map(get) as number[][];
      const cols = columns(3, 50, 7);
      const got = predict(net, cols, { batchSize: 16 }); // several batches, a partial last one
      for (let i = 0; i < 50; i++) {
        let z2 = b2![0]!;
        for (let u = 0; u < 4; u++) {
          let z = b![u]!;
          for (let j = 0; j < 3; j++) z += cols[j]![i]! * W![j * 4 + u]!;
          z = ((z - mu![u]!) / Math.sqrt(va![u]! + BN_EPSILON)) * g![u]! + be![u]!;
          z = z > 0 ? z : 0.1 * z;
          z2 += z * W2![u]!;
        }
        expect(got[i]).toBeCloseTo(1 / (1 + Math.exp(-z2)), 5);
      }
      net.dispose();
    },
  );

  it.each(['cpu', 'wasm'] as const)(
    '%s: LeakyReLU value and gradient are max(x, αx) and 1 or α',
    async (backend) => {
      await initEngine(backend);
      const xs = [-3, -0.5, -1e-3, 1e-3, 0.25, 2];
      const x = tf.tensor2d(xs, [2, 3]);
      const y = leakyRelu(x, 0.2).dataSync();
      const g = tf
        .grad((t: tf.Tensor) => tf.sum(leakyRelu(t as tf.Tensor2D, 0.2)))(x)
        .dataSync();
      xs.forEach((v, i) => {
        expect(y[i]).toBeCloseTo(Math.max(v, 0.2 * v), 6);
        expect(g[i]).toBeCloseTo(v > 0 ? 1 : 0.2, 6);
      });
    },
  );

  const specs: Record<string, NetworkSpec> = {
    'paper-000 style (BN, LeakyReLU, dropout, sigmoid)': {
      inputs: 10,
      blocks: [
        { type: 'dense', units: 16, batchNorm: true, activation: { leakyRelu: 0.1 }, dropout: 0.3 },
        { type: 'dense', units: 8, activation: 'relu' },
      ],
      outputs: 1,
      outputActivation: 'sigmoid',
      loss: { kind: 'binaryCrossEntropy' },
    },
    'residual (projection + identity), tanh, linear head': {
      inputs: 10,
      blocks: [
        { type: 'residual', units: 6, activation: 'tanh', batchNorm: true },
        { type: 'residual', units: 6, activation: 'relu', shortcut: 'identity', batchNorm: true },
      ],
      outputs: 2,
      outputActivation: 'linear',
      loss: { kind: 'mse' },
    },
    'tanh + softmax head': {
      inputs: 10,
      blocks: [{ type: 'dense', units: 12, activation: 'tanh', batchNorm: true }],
      outputs: 3,
      outputActivation: 'softmax',
      loss: { kind: 'categoricalCrossEntropy' },
    },
  };
  for (const backend of ['cpu', 'wasm'] as const) {
    for (const [name, spec] of Object.entries(specs)) {
      it(`${backend}: equals the unfolded inference forward pass — ${name}`, async () => {
        await initEngine(backend);
        const net = new Network(spec, new Rng(1));
        randomiseBn(net, new Rng(2));
        const cols = columns(10, 300, 3);
        const got = predict(net, cols, { batchSize: 128 });
        const rows = Float32Array.from({ length: 300 * 10 }, (_, k) => cols[k % 10]![Math.floor(k / 10)]!);
        const ref = tf.tidy(() => net.forward(tf.tensor2d(rows, [300, 10])).dataSync());
        expect(got.length).toBe(ref.length);
        for (let i = 0; i < ref.length; i++) expect(got[i]).toBeCloseTo(ref[i] as number, 5);
        const before = tf.memory().numTensors;
        predict(net, cols);
        expect(tf.memory().numTensors).toBe(before); // the plan is disposed
        net.dispose();
      });
    }
  }
});
