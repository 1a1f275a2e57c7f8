import { Rng } from '@hep/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initEngine } from '../../src/nn/engine.js';
import { predict } from '../../src/nn/predict.js';
import { permutationShap } from '../../src/shap/permutationShap.js';
import { tanhClassifier } from '../nn/helpers.js';

beforeAll(async () => {
  await initEngine('wasm');
});

describe('permutationShap', () => {
  it('is exact on a linear model: φ_j = w_j (x_j − E_b[x_j])', () => {
    const w = [2, -1, 0.5];
    const model = (cols: Float64Array[]) => {
      const m = cols[0]!.length;
      const out = new Float64Array(m);
      for (let i = 0; i < m; i++)
        out[i] = 0.3 + w[0]! * cols[0]![i]! + w[1]! * cols[1]![i]! + w[2]! * cols[2]![i]!;
      return out;
    };
    const rng = new Rng(1);
    const background = [rng.normals(50), rng.normals(50, 1, 2), rng.uniforms(50)];
    const explain = [
      Float64Array.from([1, -0.5]),
      Float64Array.from([0.2, 3]),
      Float64Array.from([0.9, 0.1]),
    ];
    const res = permutationShap(model, explain, background, new Rng(2), { permutations: 2 });
    const meanAbs: number[] = [];
    for (let j = 0; j < 3; j++) {
      const mean = background[j]!.reduce((a, b) => a + b, 0) / 50;
      const phi = [0, 1].map((i) => w[j]! * (explain[j]![i]! - mean));
      phi.forEach((v, i) => {
        expect(res.values[j]![i]).toBeCloseTo(v, 10);
      });
      meanAbs.push((Math.abs(phi[0]!) + Math.abs(phi[1]!)) / 2);
      expect(res.meanAbs[j]).toBeCloseTo(meanAbs[j]!, 10);
    }
    expect(Array.from(res.ranking)).toEqual([0, 1, 2].sort((a, b) => meanAbs[b]! - meanAbs[a]!));
  });

  it('satisfies efficiency Σφ_j = f(x) − E_b f on a network (interaction terms) and is seeded', () => {
    const net = tanhClassifier(3, 3);
    const model = (cols: Float64Array[]) => predict(net, cols);
    const rng = new Rng(4);
    const background = [rng.normals(30), rng.normals(30), rng.normals(30)];
    const explain = [Float64Array.from([1.5]), Float64Array.from([-0.7]), Float64Array.from([0.4])];
    const a = permutationShap(model, explain, background, new Rng(5), { permutations: 3 });
    const fx = model(explain)[0]!;
    const fb = model(background).reduce((s, v) => s + v, 0) / 30;
    const sum = a.values.reduce((s, v) => s + v[0]!, 0);
    expect(sum).toBeCloseTo(fx - fb, 5);
    const b = permutationShap(model, explain, background, new Rng(5), { permutations: 3 });
    expect(b).toEqual(a);
    net.dispose();
  });
});
