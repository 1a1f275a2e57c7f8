import { Rng } from '@hep/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initEngine, tf } from '../../src/nn/engine.js';
import { evaluateClassifier, scoreDistributions, scoreModel } from '../../src/nn/evaluate.js';
import { Network } from '../../src/nn/network.js';
import { aucMannWhitney } from './helpers.js';

beforeAll(async () => {
  await initEngine('cpu');
});

/** A head-only network whose logits are x·W (bias 0): scores are known in closed form. */
function headOnly(inputs: number, kernel: number[], outputs: number): Network {
  const net = new Network(
    {
      inputs,
      blocks: [],
      outputs,
      outputActivation: outputs === 1 ? 'sigmoid' : 'softmax',
      loss: { kind: outputs === 1 ? 'binaryCrossEntropy' : 'categoricalCrossEntropy' },
    },
    new Rng(1),
  );
  tf.tidy(() => net.params[0]!.variable.assign(tf.tensor2d(kernel, [inputs, outputs])));
  return net;
}

describe('evaluateClassifier', () => {
  it('binary: score σ(x); confusion at 0.5, AUC = Mann–Whitney, histograms per class (hand counts)', () => {
    const net = headOnly(1, [1], 1);
    const x = Float64Array.from([-2, -0.5, 0.3, 1.2, -1, 2.5, 0.1, -0.2]);
    const y = [0, 0, 1, 1, 1, 1, 0, 0];
    const ev = evaluateClassifier(net, [x], y, { axis: { lower: 0, upper: 1, bins: 2 } });
    x.forEach((v, i) => {
      expect(ev.scores[i]).toBeCloseTo(1 / (1 + Math.exp(-v)), 6);
    });
    // predicted signal ⇔ x ≥ 0: TN = 3 (−2, −0.5, −0.2), FP = 1 (0.1), FN = 1 (−1), TP = 3
    expect(Array.from(ev.confusion.counts)).toEqual([3, 1, 1, 3]);
    expect(ev.accuracy).toBeCloseTo(6 / 8, 12);
    expect(ev.auc[0]).toBeCloseTo(aucMannWhitney(x, y), 12);
    // background scores: σ(−2), σ(−0.5), σ(−0.2) < ½ and σ(0.1) ≥ ½
    expect(Array.from(ev.distributions[0]![0]!.values())).toEqual([3, 1]);
    expect(Array.from(ev.distributions[0]![1]!.values())).toEqual([1, 3]);
    net.dispose();
  });

  it('multi-class: arg-max of the logits (x₀, x₁, 0), one-vs-rest ROC per class, weights', () => {
    const net = headOnly(2, [1, 0, 0, 0, 1, 0], 3);
    const x0 = Float64Array.from([2, -1, -1, 0.5, -3, 1]);
    const x1 = Float64Array.from([1, 2, -2, 1, -1, -0.5]);
    const y = [0, 1, 2, 0, 2, 1];
    const w = [1, 2, 1, 1, 0.5, 3];
    const ev = evaluateClassifier(net, [x0, x1], y, { weights: w });
    // predicted: [0, 1, 2, 1, 2, 0]
    const expected = new Float64Array(9);
    [0, 1, 2, 1, 2, 0].forEach((p, i) => {
      expected[y[i]! * 3 + p]! += w[i]!;
    });
    expect(Array.from(ev.confusion.counts)).toEqual(Array.from(expected));
    expect(ev.roc).toHaveLength(3);
    expect(ev.distributions).toHaveLength(3);
    expect(ev.distributions[2]![2]!.values().reduce((a, b) => a + b, 0)).toBeCloseTo(1.5, 12);
    net.dispose();
  });

  it('scoreModel picks one output column; scoreDistributions rejects bad labels', () => {
    const net = headOnly(2, [1, 0, 0, 0, 1, 0], 3);
    const f = scoreModel(net, 2)([Float64Array.of(0), Float64Array.of(0)]);
    expect(f[0]).toBeCloseTo(1 / 3, 6);
    expect(() => scoreModel(net, 3)).toThrow(/output/);
    expect(() => scoreDistributions([0.2], [2], 2)).toThrow(/labels/);
    net.dispose();
  });
});
