import { readFileSync } from 'node:fs';
import { HepInputError } from '@hep/core';
import { describe, expect, it } from 'vitest';
import { type BoxObjective, type BoxObjectiveValue, minimizeBox } from '../src/index.js';

/** scipy L-BFGS-B minima (checked against trust-constr and the KKT conditions): make_box_reference.py. */
const box = JSON.parse(readFileSync(new URL('./fixtures/box_reference.json', import.meta.url), 'utf8'));

/** f = ½ xᵀAx + bᵀx. */
function quadratic(A: number[][], b: number[]): BoxObjective<BoxObjectiveValue> {
  const n = b.length;
  const value = (x: Float64Array) => {
    let f = 0;
    for (let i = 0; i < n; i++) {
      f += (b[i] as number) * (x[i] as number);
      for (let j = 0; j < n; j++) f += 0.5 * (x[i] as number) * (A[i]?.[j] as number) * (x[j] as number);
    }
    return f;
  };
  return {
    value,
    evaluate: (x) => ({
      value: value(x),
      gradient: Float64Array.from(b, (bi, i) =>
        (A[i] as number[]).reduce((s, a, j) => s + a * (x[j] as number), bi),
      ),
      hessian: Float64Array.from(A.flat()),
    }),
  };
}

/** The Rosenbrock chain Σ 100 (x_{i+1} − x_i²)² + (1 − x_i)². */
const rosenbrock: BoxObjective<BoxObjectiveValue> = {
  value: (x) => {
    let f = 0;
    for (let i = 0; i + 1 < x.length; i++)
      f += 100 * ((x[i + 1] as number) - (x[i] as number) ** 2) ** 2 + (1 - (x[i] as number)) ** 2;
    return f;
  },
  evaluate(x) {
    const n = x.length;
    const g = new Float64Array(n);
    const H = new Float64Array(n * n);
    for (let i = 0; i + 1 < n; i++) {
      const xi = x[i] as number;
      const r = (x[i + 1] as number) - xi * xi;
      g[i] = (g[i] as number) - 400 * xi * r - 2 * (1 - xi);
      g[i + 1] = (g[i + 1] as number) + 200 * r;
      H[i * n + i] = (H[i * n + i] as number) + 1200 * xi * xi - 400 * (x[i + 1] as number) + 2;
      H[i * n + i + 1] = -400 * xi;
      H[(i + 1) * n + i] = -400 * xi;
      H[(i + 1) * n + i + 1] = (H[(i + 1) * n + i + 1] as number) + 200;
    }
    return { value: this.value(x), gradient: g, hessian: H };
  },
};

interface Minimum {
  x: number[];
  f: number;
}

/** True when θ and the value match the minimum (1e-7 in x, 1e-10 relative in f). */
const atMinimum = (theta: Float64Array, value: number, m: Minimum) =>
  theta.every((v, i) => Math.abs(v - (m.x[i] as number)) < 1e-7) &&
  Math.abs(value - m.f) < 1e-10 * (1 + Math.abs(m.f));

describe('box-constrained trust-region Newton (minimizeBox) vs scipy L-BFGS-B', () => {
  for (const c of box.cases as ({ problem: string; bound: number; start: number[] } & Minimum)[]) {
    it(`${c.problem} in |x| ≤ ${c.bound} from [${c.start}]`, () => {
      const convex = c.problem === 'quadratic';
      const objective = convex ? quadratic(box.quadratic.A, box.quadratic.b) : rosenbrock;
      const start = Float64Array.from(c.start);
      const r = minimizeBox(objective, start, c.bound);
      expect(Array.from(start)).toEqual(c.start);
      expect(r.status).toBe('converged');
      expect(r.projectedGradient).toBeLessThan(1e-5); // or converged by the Newton decrement
      if (convex) {
        // the unique minimum; the active set settles in a few Newton steps (no face zig-zag)
        expect(atMinimum(r.theta, r.last.value, c)).toBe(true);
        expect(r.iterations).toBeLessThanOrEqual(8);
      } else {
        // nonconvex: one of the local minima that L-BFGS-B reaches from random starts
        const minima = box.rosenbrockMinima as Minimum[];
        expect(minima.some((m) => atMinimum(r.theta, r.last.value, m))).toBe(true);
      }
    });
  }
  it('rejects a non-finite start and a non-positive bound, naming the argument', () => {
    const objective = quadratic(box.quadratic.A, box.quadratic.b);
    expect(() => minimizeBox(objective, Float64Array.from([0, Number.NaN, 0, 0]), 1)).toThrow(HepInputError);
    expect(() => minimizeBox(objective, Float64Array.from([0, Number.NaN, 0, 0]), 1)).toThrow(/start/);
    expect(() => minimizeBox(objective, new Float64Array(4), 0)).toThrow(/bound/);
  });
});
