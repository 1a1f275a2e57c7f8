import { Rng } from '@hep/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { packRows, packTargets } from '../../src/nn/data.js';
import { initEngine, tf } from '../../src/nn/engine.js';
import { Network } from '../../src/nn/network.js';
import { predict } from '../../src/nn/predict.js';
import { modelFromJSON, modelToJSON } from '../../src/nn/serialize.js';
import type { NetworkSpec } from '../../src/nn/spec.js';
import { evaluatePacked, trainNetwork } from '../../src/nn/train.js';
import { StandardScaler } from '../../src/preprocessing/standardScaler.js';
import { aucMannWhitney } from './helpers.js';

beforeAll(async () => {
  await initEngine('wasm');
});

/** Two Gaussian blobs in 4-d separated by 4σ along (1,1,1,1)/2: Bayes AUC = Φ(4/√2) ≈ 0.9977. */
function blobs(n: number, seed: number) {
  const rng = new Rng(seed);
  const cols = Array.from({ length: 4 }, () => new Float64Array(n));
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % 2;
    for (let j = 0; j < 4; j++) (cols[j] as Float64Array)[i] = rng.normal() + (y[i] ? 1 : -1);
  }
  return { cols, y };
}

const classifier: NetworkSpec = {
  inputs: 4,
  blocks: [
    { type: 'dense', units: 16, activation: { leakyRelu: 0.1 }, batchNorm: true, dropout: 0.1 },
    { type: 'dense', units: 8, activation: 'relu' },
  ],
  outputs: 1,
  outputActivation: 'sigmoid',
  loss: { kind: 'binaryCrossEntropy' },
};

describe('trainNetwork', () => {
  it('learns a separable toy to AUC ≥ 0.99, deterministic per seed, memory flat over epochs', () => {
    const train = blobs(2000, 1);
    const test = blobs(2000, 2);
    const run = (seed: number) => {
      const net = new Network(classifier, new Rng(seed));
      const counts: number[] = [];
      const history = trainNetwork(net, train.cols, train.y, {
        epochs: 6,
        batchSize: 64,
        seed,
        optimizer: { kind: 'adam', learningRate: 3e-3 },
        validation: { features: test.cols, target: test.y },
        onEpoch: () => {
          counts.push(tf.memory().numTensors);
          return undefined;
        },
      });
      return { net, history, counts };
    };
    const a = run(7);
    const scores = predict(a.net, test.cols);
    expect(aucMannWhitney(scores, test.y)).toBeGreaterThanOrEqual(0.99);
    expect(a.history.epochs.at(-1)!.valAccuracy).toBeGreaterThan(0.95);
    expect(new Set(a.counts.slice(1)).size).toBe(1); // no tensor leak per epoch
    const b = run(7);
    expect(Array.from(predict(b.net, test.cols))).toEqual(Array.from(scores));
    a.net.dispose();
    b.net.dispose();
  });

  it('regresses a smooth function to small MAE (Nadam, Huber, residual, class-free)', () => {
    const rng = new Rng(3);
    const n = 2000;
    const x0 = rng.uniforms(n).map((u) => 2 * u - 1);
    const x1 = rng.uniforms(n).map((u) => 2 * u - 1);
    const f = x0.map((v, i) => Math.sin(2 * v) + 0.5 * (x1[i] as number) ** 2);
    const spec: NetworkSpec = {
      inputs: 2,
      blocks: [
        { type: 'dense', units: 32, activation: 'tanh' },
        { type: 'residual', units: 32, activation: 'tanh' },
      ],
      outputs: 1,
      outputActivation: 'linear',
      loss: { kind: 'huber', delta: 1 },
    };
    const net = new Network(spec, new Rng(4));
    const h = trainNetwork(net, [x0, x1], f, {
      epochs: 25,
      batchSize: 64,
      seed: 5,
      optimizer: { kind: 'nadam', learningRate: 3e-3 },
      validation: { features: [x0.subarray(0, 500), x1.subarray(0, 500)], target: f.subarray(0, 500) },
      reduceLrOnPlateau: { monitor: 'valLoss', factor: 0.5, patience: 3, minLr: 1e-4 },
    });
    // f spans ≈ [−0.9, 1.4]; a good fit reaches MAE ≲ 0.03
    expect(h.epochs.at(-1)!.valMae).toBeLessThan(0.04);
    net.dispose();
  });

  it('EarlyStopping restores the best epoch and ReduceLROnPlateau halves η', () => {
    const d = blobs(400, 9);
    const net = new Network(classifier, new Rng(1));
    const h = trainNetwork(net, d.cols, d.y, {
      epochs: 30,
      batchSize: 400,
      seed: 2,
      optimizer: { kind: 'adam', learningRate: 1 }, // absurd η: the loss stalls, callbacks fire
      validation: { features: d.cols, target: d.y },
      reduceLrOnPlateau: { monitor: 'valLoss', factor: 0.5, patience: 1, minLr: 0.2 },
      earlyStopping: { monitor: 'valLoss', patience: 3, restoreBest: true },
    });
    const lrs = h.epochs.map((e) => e.learningRate);
    expect(lrs[0]).toBe(1);
    expect(Math.min(...lrs)).toBeGreaterThanOrEqual(0.2);
    const best = Math.min(...h.epochs.map((e) => e.valLoss!));
    expect(h.epochs[h.bestEpoch]!.valLoss).toBe(best);
    // the restored network reproduces the best epoch's validation loss
    const again = evaluatePacked(net, packRows(d.cols, 4), packTargets(d.y, 1));
    expect(again.loss).toBeCloseTo(best, 5);
    net.dispose();
  });

  it('class weights must cover every class', () => {
    const d = blobs(400, 4);
    const net = new Network(classifier, new Rng(1));
    expect(() =>
      trainNetwork(net, d.cols, d.y, {
        epochs: 1,
        batchSize: 64,
        optimizer: { kind: 'adam', learningRate: 1e-3 },
        classWeights: [1],
      }),
    ).toThrow(/classWeights/);
    net.dispose();
  });

  it('serialisation round trip gives bit-identical predictions and keeps scaler and history', () => {
    const d = blobs(300, 5);
    const scaler = StandardScaler.fit(d.cols);
    const z = scaler.transform(d.cols);
    const net = new Network(classifier, new Rng(8));
    const history = trainNetwork(net, z, d.y, {
      epochs: 2,
      batchSize: 32,
      seed: 1,
      optimizer: { kind: 'adam', learningRate: 1e-2 },
    });
    const json = JSON.parse(JSON.stringify(modelToJSON(net, { scaler, history })));
    const back = modelFromJSON(json);
    expect(Array.from(predict(back.net, z))).toEqual(Array.from(predict(net, z)));
    expect(Array.from(back.scaler!.mean)).toEqual(Array.from(scaler.mean));
    expect(back.history).toEqual(history);
    expect(() => modelFromJSON({ ...json, version: 99 })).toThrow(/version/);
    net.dispose();
    back.net.dispose();
  });
});
