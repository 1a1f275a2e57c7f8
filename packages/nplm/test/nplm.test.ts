import { readFileSync } from 'node:fs';
import { HepInputError, Rng } from '@hep/core';
import { describe, expect, it } from 'vitest';
import {
  backgroundDensity,
  crossEntropyPointwiseLoss,
  crossEntropyTest,
  evaluateObjective,
  glorotInit,
  gTestHomogeneity,
  idealSignificance,
  idealSignificanceBinned,
  minimizeTrustRegion,
  nplmPointwiseLoss,
  nplmTest,
  ObjectiveWorkspace,
  type PointwiseLoss,
  parameterCount,
  sampleBackground,
  sampleBenchmarkData,
  signalDensity,
  symmetrizedPermutationTest,
  symmetrizedTest,
  trainAdam,
} from '../src/index.js';

const ref = JSON.parse(readFileSync(new URL('./fixtures/reference.json', import.meta.url), 'utf8'));

/** Repeats value v count times. */
function repeated(values: number[], counts: number[]): Float64Array {
  const out: number[] = [];
  values.forEach((v, i) => {
    for (let k = 0; k < (counts[i] as number); k++) out.push(v);
  });
  return Float64Array.from(out);
}

describe('network objective', () => {
  const check = (loss: PointwiseLoss, x: Float64Array, d: number, hidden: number) => {
    const shape = { inputs: d, hidden };
    const P = parameterCount(shape);
    const theta = glorotInit(shape, new Rng(3));
    for (let p = 0; p < P; p++) theta[p] = (theta[p] as number) + 0.3 * Math.sin(p + 1);
    const ws = new ObjectiveWorkspace(x.length / d, hidden);
    const o = evaluateObjective(theta, shape, x, loss, ws, true);
    const h = 1e-5;
    for (let p = 0; p < P; p++) {
      const tp = Float64Array.from(theta);
      const tm = Float64Array.from(theta);
      tp[p] = (tp[p] as number) + h;
      tm[p] = (tm[p] as number) - h;
      const op = evaluateObjective(tp, shape, x, loss, ws, false);
      const om = evaluateObjective(tm, shape, x, loss, ws, false);
      expect(o.gradient[p]).toBeCloseTo((op.loss - om.loss) / (2 * h), 5);
      for (let q = 0; q < P; q++) {
        const fd = ((op.gradient[q] as number) - (om.gradient[q] as number)) / (2 * h);
        expect(Math.abs(((o.hessian as Float64Array)[p * P + q] as number) - fd)).toBeLessThan(
          1e-5 * (1 + Math.abs(fd)),
        );
      }
    }
  };
  it('NPLM loss: analytic gradient and Hessian match finite differences (d=1 and d=2)', () => {
    const rng = new Rng(1);
    const x1 = rng.normals(40);
    const a = new Float64Array(40).fill(0.3);
    const b = new Float64Array(40);
    b.fill(1, 25);
    a.fill(0, 25);
    check(nplmPointwiseLoss(a, b), x1, 1, 4);
    const x2 = rng.normals(60);
    check(nplmPointwiseLoss(a, b), x2, 2, 3);
  });
  it('cross-entropy loss: analytic gradient and Hessian match finite differences', () => {
    check(crossEntropyPointwiseLoss(18, 22), new Rng(2).normals(40), 1, 4);
  });
  it('parameter count is 13 for 1-4-1', () => {
    expect(parameterCount({ inputs: 1, hidden: 4 })).toBe(13);
    expect(parameterCount({ inputs: 3, hidden: 5 })).toBe(26);
  });
});

describe('NPLM closed forms', () => {
  it('constant f: t = 2[N_D ln(N_D/N(R)) − (N_D − N(R))]', () => {
    // all events at one point: the net can only realise a constant
    const data = new Float64Array(130);
    const reference = new Float64Array(1000);
    const r = nplmTest(data, reference, {
      expectedReference: 100,
      weightBound: Number.POSITIVE_INFINITY,
      penalty: 0,
    });
    expect(r.t).toBeCloseTo(2 * (130 * Math.log(130 / 100) - 30), 6);
  });
  it('piecewise-constant f reproduces the Poisson deviance (numpy)', () => {
    const pd = ref.poisson_deviance;
    const data = repeated([0, 1, 2], pd.D);
    const reference = repeated([0, 1, 2], pd.nref);
    const nR = pd.nref.reduce((s: number, v: number) => s + v, 0);
    const r = nplmTest(data, reference, {
      expectedReference: pd.wR * nR,
      weightBound: Number.POSITIVE_INFINITY,
      starts: 3,
      penalty: 0,
    });
    expect(r.t).toBeCloseTo(pd.t, 4);
    expect(r.dof).toBe(13);
    // learned density ratio = D_b / R_b
    const ratio = r.densityRatio(Float64Array.from([0, 1, 2]));
    for (let k = 0; k < 3; k++) expect(ratio[k]).toBeCloseTo(pd.D[k] / (pd.wR * pd.nref[k]), 4);
  });
  it('fast minimum is never above the reference (Adam) final loss on the same toy', () => {
    const rng = Rng.stream(11, 0);
    const reference = sampleBackground(4000, rng);
    const data = sampleBenchmarkData(Rng.stream(11, 1), 200, { shape: 'tail', expected: 10 });
    const fast = nplmTest(data, reference, { expectedReference: 200, referenceResolution: 0, penalty: 0 });
    const slow = nplmTest(data, reference, { expectedReference: 200, mode: 'reference', epochs: 3000 });
    expect(-fast.loss).toBeGreaterThanOrEqual(-slow.loss - 1e-9);
    expect(fast.t).toBeGreaterThan(0);
  });
  it('reference compression changes t by < 1e-3', () => {
    const reference = sampleBackground(20000, Rng.stream(5, 0));
    const data = sampleBenchmarkData(Rng.stream(5, 1), 200);
    // default starts: from one start the two problems can end in different local minima
    const exact = nplmTest(data, reference, { expectedReference: 200, referenceResolution: 0 });
    const merged = nplmTest(data, reference, { expectedReference: 200 });
    expect(Math.abs(exact.t - merged.t)).toBeLessThan(1e-3);
  });
  it('rejects bad input with HepInputError naming the argument', () => {
    const d = Float64Array.from([1, Number.NaN]);
    expect(() => nplmTest(d, new Float64Array(3), { expectedReference: 1 })).toThrow(HepInputError);
    expect(() => nplmTest(new Float64Array(2), new Float64Array(3), { expectedReference: -1 })).toThrow(
      /expectedReference/,
    );
    expect(() => gTestHomogeneity([1, -2], [1, 1])).toThrow(/countsA\[1\]/);
  });
  it('does not mutate inputs', () => {
    const data = Float64Array.from([0.5, 1.5, 0.2]);
    const reference = Float64Array.from([0.3, 0.1, 2.0, 0.7]);
    nplmTest(data, reference, { expectedReference: 3, starts: 1 });
    expect(Array.from(reference)).toEqual([0.3, 0.1, 2.0, 0.7]);
  });
});

describe('symmetrized and cross-entropy tests', () => {
  it('binned limit: t_sym = t_CE = G-test of homogeneity (scipy chi2_contingency)', () => {
    const g = ref.gtest;
    expect(gTestHomogeneity(g.A, g.B)).toBeCloseTo(g.G, 10);
    const a = repeated([0, 1, 2], g.A);
    const b = repeated([0, 1, 2], g.B);
    const sym = symmetrizedTest(a, b, { starts: 3, penalty: 0 });
    expect(sym.t).toBeCloseTo(g.G, 4);
    expect(sym.dof).toBe(12);
    const ce = crossEntropyTest(a, b, { starts: 3 });
    expect(ce.t).toBeCloseTo(g.G, 4);
  });
});

describe('ideal significance (paper 004 eq. 33)', () => {
  it('integral form matches scipy quad for the tail resonance', () => {
    const z = idealSignificance((x) => signalDensity('tail', x), backgroundDensity, 10, 2000, {
      lo: 0,
      hi: 40,
    });
    expect(z).toBeCloseTo(ref.ideal_tail, 6);
  });
  it('binned form matches numpy', () => {
    expect(idealSignificanceBinned(ref.ideal_binned.s, ref.ideal_binned.b)).toBeCloseTo(
      ref.ideal_binned.Z,
      12,
    );
  });
});

describe('optimisers', () => {
  it('Newton respects the box and Adam clips', () => {
    const reference = sampleBackground(2000, Rng.stream(8, 0));
    const data = sampleBenchmarkData(Rng.stream(8, 1), 100, { shape: 'tail', expected: 20 });
    const x = Float64Array.from([...reference, ...data]);
    const a = new Float64Array(x.length);
    a.fill(100 / 2000, 0, 2000);
    const b = new Float64Array(x.length);
    b.fill(1, 2000);
    const problem = { shape: { inputs: 1, hidden: 4 }, x, loss: nplmPointwiseLoss(a, b), bound: 1 };
    const start = glorotInit(problem.shape, new Rng(1));
    const n = minimizeTrustRegion(problem, start);
    const adam = trainAdam(problem, start, { epochs: 50, learningRate: 0.1 });
    for (const v of [...n.theta, ...adam.theta]) expect(Math.abs(v)).toBeLessThanOrEqual(1);
    expect(n.loss).toBeLessThanOrEqual(adam.loss + 1e-9);
  });
});

describe('permutation null of t_sym', () => {
  it('observed equals t_sym, null has the requested size, p = (1 + k)/(n + 1)', () => {
    const a = sampleBenchmarkData(Rng.stream(9, 0), 60, { shape: 'bulk', expected: 20 });
    const b = sampleBenchmarkData(Rng.stream(9, 1), 60);
    const opts = { starts: 1, nPermutations: 4, permutationSeed: 3 };
    const r = symmetrizedPermutationTest(a, b, opts);
    expect(r.observed).toBeCloseTo(symmetrizedTest(a, b, { starts: 1 }).t, 10);
    expect(r.nullValues.length).toBe(4);
    const k = Array.from(r.nullValues).filter((t) => t >= r.observed).length;
    expect(r.pValue).toBeCloseTo((1 + k) / 5, 12);
  });
});
