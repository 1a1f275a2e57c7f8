import { beforeAll, describe, expect, it } from 'vitest';
import { initEngine, tf } from '../../src/nn/engine.js';
import { Optimizer } from '../../src/nn/optimizer.js';

beforeAll(async () => {
  await initEngine('cpu');
});

/** Runs `steps` updates of a 4-weight variable with a fixed gradient sequence. */
function run(step: (v: tf.Variable, g: tf.Tensor, k: number) => void, steps: number): Float32Array {
  const v = tf.variable(tf.tensor1d([0.5, -1, 2, 0]), true, `opt_${Math.random()}`);
  for (let k = 0; k < steps; k++) {
    const g = tf.tensor1d([0.3 - 0.1 * k, -0.7, 1e-3 * (k + 1), 2 + k]);
    step(v, g, k);
    g.dispose();
  }
  const out = v.dataSync() as Float32Array;
  v.dispose();
  return out;
}

describe('Optimizer', () => {
  it('Adam follows tfjs-core train.adam (independent implementation) over 20 steps', () => {
    const ours = new Optimizer({ kind: 'adam', learningRate: 0.05, epsilon: 1e-7 });
    const a = run((v, g) => ours.apply(new Map([[v.name, v]]), { [v.name]: g }), 20);
    const ref = tf.train.adam(0.05, 0.9, 0.999, 1e-7);
    const b = run((v, g) => ref.applyGradients([{ name: v.name, tensor: g }]), 20);
    // tfjs keeps β₂ᵗ in float32, so its 1 − β₂ᵗ carries ~1e-4 relative error at small t: 5e-5 abs
    for (let i = 0; i < 4; i++) expect(a[i]).toBeCloseTo(b[i] as number, 4);
  });
  it('Nadam first step: θ₁ = θ₀ − η g (1 + β₁/(1 + β₁))/(|g| + ε) (hand computation)', () => {
    const ours = new Optimizer({ kind: 'nadam', learningRate: 0.01 });
    const a = run((v, g) => ours.apply(new Map([[v.name, v]]), { [v.name]: g }), 1);
    const g0 = [0.3, -0.7, 1e-3, 2];
    const f = 1 + 0.9 / 1.9;
    [0.5, -1, 2, 0].forEach((t, i) => {
      const g = g0[i] as number;
      expect(a[i]).toBeCloseTo(t - (0.01 * g * f) / (Math.abs(g) + 1e-7), 6);
    });
  });
});
