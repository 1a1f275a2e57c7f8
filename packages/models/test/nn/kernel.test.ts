import { HepInputError, Rng } from '@hep/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { initEngine, tf } from '../../src/nn/engine.js';
import { Network } from '../../src/nn/network.js';
import { type PredictEngine, predict } from '../../src/nn/predict.js';
import { PredictPool } from '../../src/nn/predictPool.js';
import { cpClassifier, lfvClassifier, massRegressor, multiClassifier } from '../../src/nn/presets.js';
import { modelFromJSON, modelToJSON } from '../../src/nn/serialize.js';
import type { Activation, NetworkSpec } from '../../src/nn/spec.js';
import { kernelForward } from '../../src/nn/wasmForward.js';

/** BatchNorm moving statistics and γ/β set to non-trivial values (as after training). */
function randomiseBn(net: Network, seed: number): Network {
  const rng = new Rng(seed);
  for (const p of net.params.filter((q) => q.name.includes('.bn.'))) {
    const n = p.shape[0] as number;
    const v = Float32Array.from({ length: n }, () =>
      p.name.endsWith('Variance')
        ? 0.5 + rng.uniform()
        : p.name.endsWith('gamma')
          ? 1 + 0.3 * rng.normal()
          : 0.3 * rng.normal(),
    );
    tf.tidy(() => p.variable.assign(tf.tensor(v, p.shape as number[])));
  }
  return net;
}

function columns(d: number, n: number, seed: number): Float64Array[] {
  const rng = new Rng(seed);
  return Array.from({ length: d }, () => rng.normals(n));
}

/**
 * Plain float64 forward pass of event i written from the spec (Keras inference semantics): Dense,
 * BatchNorm with the moving statistics and ε = 10⁻³, activation; residual blocks
 * act(branch + shortcut); dropout off.
 */
function reference(net: Network, cols: Float64Array[], i: number): number[] {
  const param = (name: string) => {
    const p = net.params.find((q) => q.name === name);
    return p ? Float64Array.from(p.variable.dataSync()) : undefined;
  };
  const act = (z: number[], fn: Activation): number[] => {
    if (typeof fn === 'object') return z.map((v) => (v > 0 ? v : fn.leakyRelu * v));
    if (fn === 'softmax') {
      const e = z.map(Math.exp);
      const s = e.reduce((a, b) => a + b, 0);
      return e.map((v) => v / s);
    }
    const f = {
      relu: (v: number) => Math.max(v, 0),
      tanh: Math.tanh,
      sigmoid: (v: number) => 1 / (1 + Math.exp(-v)),
      linear: (v: number) => v,
    }[fn];
    return z.map(f);
  };
  const layer = (x: number[], name: string): number[] => {
    const w = param(`${name}.kernel`) as Float64Array;
    const b = param(`${name}.bias`) as Float64Array;
    const z = Array.from(b, (bu, u) => x.reduce((s, xk, k) => s + xk * (w[k * b.length + u] as number), bu));
    const gamma = param(`${name}.bn.gamma`);
    if (!gamma) return z;
    const [beta, mean, variance] = ['beta', 'movingMean', 'movingVariance'].map(
      (s) => param(`${name}.bn.${s}`) as Float64Array,
    ) as [Float64Array, Float64Array, Float64Array];
    return z.map((v, u) => ((v - mean[u]!) / Math.sqrt(variance[u]! + 1e-3)) * gamma[u]! + beta[u]!);
  };
  let h = cols.map((c) => c[i] as number);
  net.spec.blocks.forEach((block, bi) => {
    const fn = block.activation ?? 'linear';
    if (block.type === 'dense') {
      h = act(layer(h, `b${bi}`), fn);
      return;
    }
    const depth = block.depth ?? 2;
    let br = h;
    for (let d = 0; d < depth; d++) {
      br = layer(br, `b${bi}.${d}`);
      if (d < depth - 1) br = act(br, fn);
    }
    const short = param(`b${bi}.proj.kernel`) ? layer(h, `b${bi}.proj`) : h;
    h = act(
      br.map((v, u) => v + (short[u] as number)),
      fn,
    );
  });
  return act(layer(h, 'out'), net.spec.outputActivation);
}

/**
 * max |got − ref| over all outputs, relative to max(1, |ref|): the float32 rounding of inputs,
 * weights and every accumulation bounds it by a few 10⁻⁶ for these widths (≤ 1000 terms; measured
 * ≤ 1.6·10⁻⁶ with either engine).
 */
function maxError(net: Network, cols: Float64Array[], got: Float64Array): number {
  const k = net.spec.outputs;
  let worst = 0;
  for (let i = 0; i < (cols[0] as Float64Array).length; i++) {
    reference(net, cols, i).forEach((r, j) => {
      worst = Math.max(worst, Math.abs((got[i * k + j] as number) - r) / Math.max(1, Math.abs(r)));
    });
  }
  return worst;
}

const leaky = { leakyRelu: 0.1 } as const;
const one = (activation: Activation, outputActivation: NetworkSpec['outputActivation'], outputs = 1) =>
  ({
    inputs: 7,
    blocks: [
      { type: 'dense', units: 20, activation, batchNorm: true, dropout: 0.2 },
      { type: 'dense', units: 9, activation },
    ],
    outputs,
    outputActivation,
    loss: outputs > 1 ? { kind: 'categoricalCrossEntropy' } : { kind: 'mse' },
  }) satisfies NetworkSpec;

const nets: Record<string, () => Network> = {
  'LeakyReLU(0.1) → sigmoid': () => new Network(one(leaky, 'sigmoid'), new Rng(1)),
  'LeakyReLU(0.3) → linear': () => new Network(one({ leakyRelu: 0.3 }, 'linear'), new Rng(2)),
  'ReLU → softmax (3)': () => new Network(one('relu', 'softmax', 3), new Rng(3)),
  'tanh → sigmoid': () => new Network(one('tanh', 'sigmoid'), new Rng(4)),
  'sigmoid → linear (2)': () => new Network(one('sigmoid', 'linear', 2), new Rng(5)),
  'softmax hidden → softmax (2)': () => new Network(one('softmax', 'softmax', 2), new Rng(6)),
  'linear → sigmoid': () => new Network(one('linear', 'sigmoid'), new Rng(7)),
  'residual 20 units (projection, identity; LeakyReLU) → linear': () =>
    new Network(
      {
        inputs: 7,
        blocks: [
          { type: 'residual', units: 20, activation: leaky, batchNorm: true },
          { type: 'residual', units: 20, depth: 3, activation: leaky, batchNorm: true, shortcut: 'identity' },
        ],
        outputs: 1,
        outputActivation: 'linear',
        loss: { kind: 'mse' },
      },
      new Rng(13),
    ),
  'lfvClassifier (paper 000)': () => new Network(lfvClassifier().spec, new Rng(8)),
  'massRegressor (paper 000, residual)': () => new Network(massRegressor().spec, new Rng(9)),
  'cpClassifier (paper 001)': () => new Network(cpClassifier().spec, new Rng(10)),
  'multiClassifier 1TeV (paper 003, tanh)': () => new Network(multiClassifier('1TeV').spec, new Rng(11)),
  'multiClassifier 1.5TeV (paper 003, ReLU)': () => new Network(multiClassifier('1.5TeV').spec, new Rng(12)),
};

describe('WebAssembly dense kernel inference', () => {
  beforeAll(async () => {
    await initEngine('wasm');
  });
  afterAll(async () => {
    await initEngine('wasm');
  });

  it('is available here (Node 20: WebAssembly SIMD); without WebAssembly it reports none (tfjs fallback)', async () => {
    expect(kernelForward()).toBeDefined();
    vi.resetModules();
    vi.stubGlobal('WebAssembly', undefined);
    try {
      const fresh = await import('../../src/nn/wasmForward.js');
      expect(fresh.kernelForward()).toBeUndefined();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  for (const [name, make] of Object.entries(nets)) {
    for (const engine of ['auto', 'tfjs'] as PredictEngine[]) {
      it(`${engine}: matches a float64 forward pass to float32 precision — ${name}`, () => {
        const net = randomiseBn(make(), 20);
        // 133 events: a full kernel batch of 128 and a partial one of 5 (not a multiple of 4)
        const cols = columns(net.spec.inputs, 133, 21);
        const got = predict(net, cols, { engine, batchSize: 50 });
        expect(maxError(net, cols, got)).toBeLessThan(1e-5);
        net.dispose();
      });
    }
  }

  it('an event scores the same in any batch: a slice of the events gives the slice of the scores', () => {
    const net = randomiseBn(new Network(massRegressor().spec, new Rng(1)), 2);
    const cols = columns(10, 301, 3);
    const all = predict(net, cols);
    const part = predict(
      net,
      cols.map((c) => c.subarray(37, 250)),
    );
    expect(Array.from(part)).toEqual(Array.from(all.subarray(37, 250)));
    net.dispose();
  });

  it('PredictPool and a toJSON/fromJSON reload give bit-identical scores; no tensors leak', async () => {
    const net = randomiseBn(new Network(lfvClassifier().spec, new Rng(1)), 2);
    const cols = columns(10, 1001, 3);
    const before = tf.memory().numTensors;
    const scores = predict(net, cols);
    expect(tf.memory().numTensors).toBe(before);
    const pool = await PredictPool.create(net, 2);
    try {
      expect(Array.from(await pool.predict(cols))).toEqual(Array.from(scores));
    } finally {
      await pool.close();
    }
    const back = modelFromJSON(JSON.parse(JSON.stringify(modelToJSON(net))));
    expect(Array.from(predict(back.net, cols))).toEqual(Array.from(scores));
    net.dispose();
    back.net.dispose();
  });

  it('rejects a non-finite feature naming column and event, in predict and in the pool', async () => {
    const net = new Network(lfvClassifier().spec, new Rng(1));
    const cols = columns(10, 700, 3);
    (cols[4] as Float64Array)[650] = Number.NaN;
    for (const engine of ['auto', 'tfjs'] as PredictEngine[]) {
      expect(() => predict(net, cols, { engine })).toThrow(HepInputError);
      expect(() => predict(net, cols, { engine })).toThrow(/features\[4\].*650/);
      const pool = await PredictPool.create(net, 2, engine);
      try {
        await expect(pool.predict(cols, { batchSize: 64 })).rejects.toThrow(/features\[4\].*650/);
        // the pool still works after the error
        (cols[4] as Float64Array)[650] = 0;
        expect(Array.from(await pool.predict(cols, { batchSize: 64 }))).toEqual(
          Array.from(predict(net, cols, { engine })),
        );
        (cols[4] as Float64Array)[650] = Number.NaN;
      } finally {
        await pool.close();
      }
    }
    expect(() => predict(net, cols.slice(1))).toThrow(/expected 10 columns/);
    const badEngine = 'gpu' as PredictEngine;
    expect(() => predict(net, cols, { engine: badEngine })).toThrow(/options\.engine.*gpu/);
    await expect(PredictPool.create(net, 1, badEngine)).rejects.toThrow(HepInputError);
    net.dispose();
  });
});
