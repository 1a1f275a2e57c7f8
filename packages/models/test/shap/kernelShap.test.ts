import { Rng } from '@hep/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initEngine } from '../../src/nn/engine.js';
import { predict } from '../../src/nn/predict.js';
import { kernelShap } from '../../src/shap/kernelShap.js';
import { permutationShap } from '../../src/shap/permutationShap.js';
import { tanhClassifier } from '../nn/helpers.js';

beforeAll(async () => {
  await initEngine('wasm');
});

const mean = (a: Float64Array) => a.reduce((s, v) => s + v, 0) / a.length;

function linear(w: number[], c: number) {
  return (cols: Float64Array[]) => {
    const m = cols[0]!.length;
    const out = new Float64Array(m).fill(c);
    w.forEach((wj, j) => {
      const col = cols[j]!;
      for (let i = 0; i < m; i++) out[i]! += wj * col[i]!;
    });
    return out;
  };
}

describe('kernelShap', () => {
  it('is exact on a linear model, enumerated (d = 3) and sampled (d = 12): φ_j = w_j (x_j − E_b[x_j])', () => {
    for (const [d, budget] of [
      [3, 2048],
      [12, 300],
    ] as const) {
      const rng = new Rng(d);
      const w = Array.from({ length: d }, () => rng.normal());
      const background = Array.from({ length: d }, (_, j) => rng.normals(40, j * 0.3, 1 + j * 0.1));
      const explain = Array.from({ length: d }, () => rng.normals(3));
      const res = kernelShap(linear(w, 0.7), explain, background, new Rng(9), { maxCoalitions: budget });
      for (let j = 0; j < d; j++) {
        const mj = mean(background[j]!);
        for (let i = 0; i < 3; i++) expect(res.values[j]![i]).toBeCloseTo(w[j]! * (explain[j]![i]! - mj), 9);
      }
      const fb = w.reduce((s, wj, j) => s + wj * mean(background[j]!), 0.7);
      expect(res.baseValue).toBeCloseTo(fb, 10);
    }
  });

  it('gives the hand-computed Shapley values of f = x₀x₁ + x₂ (interaction split equally)', () => {
    const model = (cols: Float64Array[]) => cols[0]!.map((a, i) => a * cols[1]![i]! + cols[2]![i]!);
    const rng = new Rng(2);
    const bg = [rng.normals(25, 1), rng.normals(25, -0.5), rng.normals(25)];
    const x = [2, 3, -1];
    const explain = x.map((v) => Float64Array.of(v));
    const res = kernelShap(model, explain, bg, new Rng(3));
    // v(S) with independent background averaging: E[b0 b1] for S = ∅, x0 E[b1] for {0}, …
    let e01 = 0;
    for (let b = 0; b < 25; b++) e01 += (bg[0]![b]! * bg[1]![b]!) / 25;
    const [m0, m1, m2] = bg.map(mean) as [number, number, number];
    const v = (s0: boolean, s1: boolean) =>
      s0 && s1 ? x[0]! * x[1]! : s0 ? x[0]! * m1 : s1 ? m0 * x[1]! : e01;
    const phi0 = 0.5 * (v(true, false) - v(false, false)) + 0.5 * (v(true, true) - v(false, true));
    const phi1 = 0.5 * (v(false, true) - v(false, false)) + 0.5 * (v(true, true) - v(true, false));
    expect(res.values[0]![0]).toBeCloseTo(phi0, 10);
    expect(res.values[1]![0]).toBeCloseTo(phi1, 10);
    expect(res.values[2]![0]).toBeCloseTo(x[2]! - m2, 10);
  });

  it('on a network: efficiency Σφ = f(x) − φ₀, agrees with the permutation estimator, seeded', () => {
    const net = tanhClassifier(4, 3);
    const model = (cols: Float64Array[]) => predict(net, cols);
    const rng = new Rng(4);
    const background = Array.from({ length: 4 }, () => rng.normals(30));
    const explain = Array.from({ length: 4 }, () => rng.normals(2));
    const k = kernelShap(model, explain, background, new Rng(5));
    const p = permutationShap(model, explain, background, new Rng(6), { permutations: 40 });
    const fx = model(explain);
    for (let i = 0; i < 2; i++) {
      let s = 0;
      for (let j = 0; j < 4; j++) {
        s += k.values[j]![i]!;
        expect(k.values[j]![i]).toBeCloseTo(p.values[j]![i]!, 2);
      }
      expect(s).toBeCloseTo(fx[i]! - k.baseValue, 5);
    }
    const sampled = () =>
      kernelShap(model, explain, background, new Rng(8), { maxCoalitions: 6, backgroundSize: 10 }).values;
    expect(sampled().map((c) => Array.from(c))).toEqual(sampled().map((c) => Array.from(c)));
    net.dispose();
  });

  it('rejects a budget below d and mismatched background', () => {
    const m = linear([1, 1], 0);
    const e = [Float64Array.of(1), Float64Array.of(2)];
    expect(() => kernelShap(m, e, e, new Rng(1), { maxCoalitions: 1 })).toThrow(/maxCoalitions/);
    expect(() => kernelShap(m, e, [e[0]!], new Rng(1))).toThrow(/background/);
  });
});
