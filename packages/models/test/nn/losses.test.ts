import { beforeAll, describe, expect, it } from 'vitest';
import { initEngine, tf } from '../../src/nn/engine.js';
import {
  binaryCrossEntropyFromLogits,
  categoricalCrossEntropyFromLogits,
  huberLoss,
  meanSquaredError,
} from '../../src/nn/losses.js';

beforeAll(async () => {
  await initEngine('cpu');
});

const val = (t: tf.Tensor) => Array.from(t.dataSync());

describe('loss values against hand computation', () => {
  it('BCE: −y ln σ(z) − (1−y) ln(1−σ(z))', () => {
    const z = [2, -1, 0.3];
    const y = [1, 0, 0];
    const sig = (x: number) => 1 / (1 + Math.exp(-x));
    const expected = z.map(
      (zi, i) => -(y[i] as number) * Math.log(sig(zi)) - (1 - (y[i] as number)) * Math.log(1 - sig(zi)),
    );
    const got = val(binaryCrossEntropyFromLogits(tf.tensor2d(z, [3, 1]), tf.tensor2d(y, [3, 1])));
    got.forEach((g, i) => {
      expect(g).toBeCloseTo(expected[i] as number, 6);
    });
    // ln 2 at z = 0
    expect(
      val(binaryCrossEntropyFromLogits(tf.tensor2d([0], [1, 1]), tf.tensor2d([1], [1, 1])))[0],
    ).toBeCloseTo(Math.LN2, 6);
  });
  it('categorical CE: −ln softmax(z)_true', () => {
    // z = (1, 2, 3), class 2: −ln(e³/(e + e² + e³)) = ln(1 + e⁻¹ + e⁻²) = 0.40760596444...
    const got = val(
      categoricalCrossEntropyFromLogits(tf.tensor2d([1, 2, 3], [1, 3]), tf.tensor2d([0, 0, 1], [1, 3])),
    );
    expect(got[0]).toBeCloseTo(Math.log(1 + Math.exp(-1) + Math.exp(-2)), 6);
  });
  it('Huber(δ = 0.1): ½r² inside, δ(|r| − δ/2) outside', () => {
    const got = val(huberLoss(tf.tensor2d([1.05, 1.5, 0.7], [3, 1]), tf.tensor2d([1, 1, 1], [3, 1]), 0.1));
    expect(got[0]).toBeCloseTo(0.5 * 0.05 ** 2, 7); // 0.00125
    expect(got[1]).toBeCloseTo(0.1 * (0.5 - 0.05), 7); // 0.045
    expect(got[2]).toBeCloseTo(0.1 * (0.3 - 0.05), 7); // 0.025
  });
  it('MSE averages over outputs', () => {
    expect(val(meanSquaredError(tf.tensor2d([1, 3], [1, 2]), tf.tensor2d([0, 0], [1, 2])))[0]).toBeCloseTo(
      5,
      6,
    );
  });
  it('loss gradients match central finite differences', () => {
    const cases: [string, (z: tf.Tensor2D) => tf.Scalar][] = [
      ['bce', (z) => tf.sum(binaryCrossEntropyFromLogits(z, tf.tensor2d([1, 0, 1, 0], [4, 1])))],
      [
        'ce',
        (z) =>
          tf.sum(categoricalCrossEntropyFromLogits(tf.reshape(z, [2, 2]), tf.tensor2d([1, 0, 0, 1], [2, 2]))),
      ],
      ['huber', (z) => tf.sum(huberLoss(z, tf.tensor2d([0, 0, 0, 0], [4, 1]), 0.1))],
      ['mse', (z) => tf.sum(meanSquaredError(z, tf.tensor2d([0.5, 0.5, 0.5, 0.5], [4, 1])))],
    ];
    const z0 = [0.7, -1.3, 0.03, 2.1]; // Huber: |r| = 0.03 quadratic, others linear (no kink within ±h)
    for (const [name, f] of cases) {
      const g = val(tf.grad((z: tf.Tensor) => f(z as tf.Tensor2D))(tf.tensor2d(z0, [4, 1])));
      for (let i = 0; i < 4; i++) {
        const h = 1e-3;
        const plus = z0.slice();
        const minus = z0.slice();
        plus[i] = (plus[i] as number) + h;
        minus[i] = (minus[i] as number) - h;
        const fd = (val(f(tf.tensor2d(plus, [4, 1])))[0]! - val(f(tf.tensor2d(minus, [4, 1])))[0]!) / (2 * h);
        expect(Math.abs((g[i] as number) - fd), `${name}[${i}]`).toBeLessThan(2e-3);
      }
    }
  });
});
