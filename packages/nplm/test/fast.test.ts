import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HepInputError, Rng } from '@hep/core';
import { chi2Sf } from '@hep/stats';
import { describe, expect, it } from 'vitest';
import {
  createToyRunner,
  evaluateNetwork,
  glorotInit,
  mergeToyShardFiles,
  mergeWeighted1d,
  minimizeTrustRegion,
  NPLM_FAST_PENALTY,
  nplmCli,
  nplmPointwiseLoss,
  nplmTest,
  ObjectiveWorkspace,
  runToyShard,
  runToys,
  SYMMETRIZED_FAST_RESOLUTION,
  sampleBackground,
  sampleBenchmarkData,
  smallestNormFlip,
  summariseNull,
  symmetricEigen,
  symmetrizedTest,
  type ToyJob,
} from '../src/index.js';
import { penalizedObjective } from '../src/optimize.js';

const ref = JSON.parse(readFileSync(new URL('./fixtures/reference.json', import.meta.url), 'utf8'));

describe('symmetric eigendecomposition (Householder + QL)', () => {
  const n = 9;
  /** Checks sorted eigenvalues against the closed form, QᵀQ = I and A = QΛQᵀ (12 digits). */
  const expectEigen = (a: Float64Array, expected: (k: number) => number) => {
    const copy = Float64Array.from(a);
    const { values, vectors } = symmetricEigen(a, n);
    expect(Array.from(a)).toEqual(Array.from(copy));
    const sorted = Array.from(values).sort((p, q) => p - q);
    sorted.forEach((v, k) => {
      expect(v).toBeCloseTo(expected(k), 12);
    });
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let qtq = 0;
        let rec = 0;
        for (let k = 0; k < n; k++) {
          qtq += (vectors[k * n + i] as number) * (vectors[k * n + j] as number);
          rec += (vectors[i * n + k] as number) * (values[k] as number) * (vectors[j * n + k] as number);
        }
        expect(qtq).toBeCloseTo(i === j ? 1 : 0, 12);
        expect(rec).toBeCloseTo(a[i * n + j] as number, 12);
      }
    }
  };
  it('tridiagonal (2, −1) matrix: λ_k = 2 − 2cos(kπ/(n+1)) (closed form), orthonormal Q, A = QΛQᵀ', () => {
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      a[i * n + i] = 2;
      if (i + 1 < n) {
        a[i * n + i + 1] = -1;
        a[(i + 1) * n + i] = -1;
      }
    }
    expectEigen(a, (k) => 2 - 2 * Math.cos(((k + 1) * Math.PI) / (n + 1)));
  });
  it('degenerate spectrum: I + 𝟙𝟙ᵀ has λ = n + 1 once and 1 (n − 1 times)', () => {
    const b = new Float64Array(n * n).fill(1);
    for (let i = 0; i < n; i++) b[i * n + i] = 2;
    expectEigen(b, (k) => (k === n - 1 ? n + 1 : 1));
  });
});

describe('penalised objective and trust-region minimiser', () => {
  const reference = sampleBackground(3000, Rng.stream(21, 0));
  const data = sampleBenchmarkData(Rng.stream(21, 1), 150, { shape: 'tail', expected: 15 });
  const x = Float64Array.from([...reference, ...data]);
  const a = new Float64Array(x.length).fill(150 / 3000, 0, 3000);
  const b = new Float64Array(x.length).fill(1, 3000);
  const shape = { inputs: 1, hidden: 4 };
  const problem = { shape, x, loss: nplmPointwiseLoss(a, b), bound: 5, penalty: 0.02 };

  it('gradient of L + λ‖θ‖² matches central finite differences', () => {
    const theta = glorotInit(shape, new Rng(4));
    const ws = new ObjectiveWorkspace(x.length, 4);
    const o = penalizedObjective(problem, theta, ws, true);
    const h = 1e-6;
    for (let p = 0; p < theta.length; p++) {
      const tp = Float64Array.from(theta);
      const tm = Float64Array.from(theta);
      tp[p] = (tp[p] as number) + h;
      tm[p] = (tm[p] as number) - h;
      const fd =
        (penalizedObjective(problem, tp, ws, false).loss - penalizedObjective(problem, tm, ws, false).loss) /
        (2 * h);
      expect(Math.abs((o.gradient[p] as number) - fd)).toBeLessThan(1e-5 * (1 + Math.abs(fd)));
    }
  });

  it('converges (status, projected gradient) inside the box and reports the plain loss', () => {
    const r = minimizeTrustRegion(problem, glorotInit(shape, new Rng(2)));
    expect(r.status).toBe('converged');
    expect(r.iterations).toBeGreaterThan(0);
    for (const v of r.theta) expect(Math.abs(v)).toBeLessThanOrEqual(5);
    let norm2 = 0;
    for (const v of r.theta) norm2 += v * v;
    expect(r.objective).toBeCloseTo(r.loss + 0.02 * norm2, 10);
    expect(r.projectedGradient).toBeLessThan(1e-3);
  });
});

describe('fast mode vs reference mode on the same toy', () => {
  it('the exact fast minimum (no penalty) is never above Adam’s final loss, for several toys', () => {
    for (let k = 0; k < 2; k++) {
      const reference = sampleBackground(2000, Rng.stream(30 + k, 0));
      const data = sampleBenchmarkData(Rng.stream(30 + k, 1), 100, { shape: 'tail', expected: 10 });
      const opts = { expectedReference: 100, referenceResolution: 0, penalty: 0, starts: 2, seed: k };
      const fast = nplmTest(data, reference, opts);
      const slow = nplmTest(data, reference, { ...opts, mode: 'reference', epochs: 1500 });
      expect(fast.loss).toBeLessThanOrEqual(slow.loss + 1e-9);
    }
  });

  it('default settings (multi-start screening): fast minimum ≤ Adam’s final value on 6 null toys, penalised and not', () => {
    // both modes minimise the same objective (same merged reference); Adam from the toy's Glorot start
    const shared = { expectedReference: 100, referenceResolution: 0.02 };
    for (let k = 0; k < 6; k++) {
      const rng = Rng.stream(40, k);
      const reference = sampleBackground(10_000, rng);
      const data = sampleBenchmarkData(rng, 100);
      const opts = { ...shared, seed: k };
      const adam = { ...opts, mode: 'reference' as const, epochs: 5000 };
      // the default (penalised) fast minimum vs Adam on the same penalised objective
      const fast = nplmTest(data, reference, opts);
      const slow = nplmTest(data, reference, { ...adam, penalty: NPLM_FAST_PENALTY });
      const objective = (r: { loss: number; theta: Float64Array }) =>
        r.loss + NPLM_FAST_PENALTY * r.theta.reduce((s, v) => s + v * v, 0);
      expect(objective(fast)).toBeLessThanOrEqual(objective(slow) + 1e-9);
      expect(fast.status).toBe('converged');
      // unpenalised: t_fast ≥ t_reference
      const exact = nplmTest(data, reference, { ...opts, penalty: 0 });
      const plain = nplmTest(data, reference, adam);
      expect(exact.t).toBeGreaterThanOrEqual(plain.t - 1e-9);
    }
  });

  it('screening polishes coarse minima into converged minima of the full problem; iterations add up', () => {
    const reference = sampleBackground(20_000, Rng.stream(41, 0));
    const data = sampleBenchmarkData(Rng.stream(41, 1), 200);
    const opts = { expectedReference: 200, seed: 3 };
    const screened = nplmTest(data, reference, opts);
    expect(screened.status).toBe('converged');
    const one = nplmTest(data, reference, { ...opts, starts: 1 });
    expect(one.iterations).toBeLessThan(screened.iterations);
    // polishing the screened minimum again does not move it
    const again = nplmTest(data, reference, { ...opts, coarseResolution: 0, starts: 1, maxIterations: 1000 });
    expect(again.status).toBe('converged');
    expect(
      screened.loss + NPLM_FAST_PENALTY * screened.theta.reduce((s, v) => s + v * v, 0),
    ).toBeLessThanOrEqual(again.loss + NPLM_FAST_PENALTY * again.theta.reduce((s, v) => s + v * v, 0) + 1e-9);
  });
});

describe('dof of the NPLM p-value', () => {
  it('every mode uses the parameter count (13) as dof unless dof overrides it', () => {
    const reference = sampleBackground(1000, Rng.stream(50, 0));
    const data = sampleBenchmarkData(Rng.stream(50, 1), 50);
    const base = { expectedReference: 50, maxIterations: 30 };
    expect(nplmTest(data, reference, base).dof).toBe(13);
    expect(nplmTest(data, reference, { ...base, penalty: 0.01 }).dof).toBe(13);
    expect(nplmTest(data, reference, { ...base, mode: 'reference', epochs: 5 }).dof).toBe(13);
    const r = nplmTest(data, reference, { ...base, dof: 7 });
    expect(r.dof).toBe(7);
    expect(r.pValue).toBeCloseTo(chi2Sf(r.t, 7), 14);
  });
});

describe('point merging (fast symmetrized mode)', () => {
  it('preserves total weights and places groups at their weighted mean', () => {
    const x = Float64Array.from([0.3, 0.1, 0.1004, 0.2, 0.3003]);
    const a = Float64Array.from([1, 2, 1, 1, 1]);
    const b = Float64Array.from([0, 1, 0, 1, 1]);
    const m = mergeWeighted1d(x, a, b, 0.001);
    expect(Array.from(m.a)).toEqual([3, 1, 2]);
    expect(Array.from(m.b)).toEqual([1, 1, 1]);
    expect(m.x[0]).toBeCloseTo((2 * 0.1 + 0.1004) / 3, 14);
    expect(m.x[2]).toBeCloseTo((0.3 + 0.3003) / 2, 14);
    expect(Array.from(x)).toEqual([0.3, 0.1, 0.1004, 0.2, 0.3003]);
    // already sorted input (the symmetrized test's path: no sort) gives the same groups
    const s = mergeWeighted1d(
      Float64Array.from([0.1, 0.1004, 0.2, 0.3, 0.3003]),
      Float64Array.from([2, 1, 1, 1, 1]),
      Float64Array.from([1, 0, 1, 0, 1]),
      0.001,
    );
    expect(Array.from(s.a)).toEqual([3, 1, 2]);
    expect(Array.from(s.b)).toEqual([1, 1, 1]);
    expect(s.x[0]).toBeCloseTo((2 * 0.1 + 0.1004) / 3, 14);
    expect(s.x[2]).toBeCloseTo((0.3 + 0.3003) / 2, 14);
  });
  it('coarse-to-fine: the returned fits are converged minima of the fine (0.005) problem', () => {
    const rng = Rng.stream(41, 0);
    const a = sampleBenchmarkData(rng, 800);
    const b = sampleBenchmarkData(rng, 800);
    const r = symmetrizedTest(a, b);
    const N = a.length + b.length;
    const x = Float64Array.from([...a, ...b]);
    const shape = { inputs: 1, hidden: 4 };
    for (const [fit, first, count] of [
      [r.fitA, 0, a.length],
      [r.fitB, a.length, b.length],
    ] as const) {
      expect(fit.status).toBe('converged');
      const wa = new Float64Array(N).fill(count / N);
      const wb = new Float64Array(N).fill(1, first, first + count);
      const m = mergeWeighted1d(x, wa, wb, SYMMETRIZED_FAST_RESOLUTION);
      const problem = { shape, x: m.x, loss: nplmPointwiseLoss(m.a, m.b), bound: Infinity, penalty: 5e-4 };
      // restarting the fine minimiser at the returned θ: already converged, same t
      const again = minimizeTrustRegion(problem, fit.theta);
      expect(again.status).toBe('converged');
      expect(again.iterations).toBeLessThanOrEqual(2);
      expect(Math.abs(-2 * again.loss - fit.t)).toBeLessThan(1e-8);
    }
  });
  it('merging at the default resolution moves t_sym by < 0.2 on a benchmark toy', () => {
    const rng = Rng.stream(40, 0);
    const a = sampleBenchmarkData(rng, 500);
    const b = sampleBenchmarkData(rng, 500);
    const merged = symmetrizedTest(a, b, { penalty: 0.01 });
    const exact = symmetrizedTest(a, b, { penalty: 0.01, resolution: 0 });
    expect(Math.abs(merged.t - exact.t)).toBeLessThan(0.2);
  });
});

describe('null summary', () => {
  it('mean, standard error, KS p and fitted dof match scipy', () => {
    const r = ref.null_summary;
    const s = summariseNull(r.t, r.dof);
    expect(s.mean).toBeCloseTo(r.mean, 12);
    expect(s.standardError).toBeCloseTo(r.se, 12);
    expect(s.ksPValue).toBeCloseTo(r.ks_p, 6);
    expect(s.fittedDof).toBeCloseTo(r.fitted_dof, 3);
    expect(
      summariseNull(
        [
          { t: 1, status: 'max-iterations' },
          { t: 2, status: 'converged' },
        ],
        1,
      ).notConverged,
    ).toBe(1);
  });
});

describe('toy runner: per-toy streams, threads, shards and merge', () => {
  const job: ToyJob = {
    kind: 'nplm',
    seed: 5,
    expectedReference: 100,
    referenceSize: 2000,
    training: { maxIterations: 60 },
  };
  it('pool results (2 threads) equal the in-thread runner and the merge of shards', async () => {
    const direct = createToyRunner(job);
    const expected = [0, 1, 2, 3].map((i) => direct(i));
    const pooled = await runToys(job, { end: 4, threads: 2 });
    expect(pooled).toEqual(expected);
    const s1 = await runToyShard(job, 4, 1, 2, { threads: 1 });
    const s0 = await runToyShard(job, 4, 0, 2, { threads: 1 });
    expect(mergeToyShardFiles([s1, s0]).results).toEqual(expected);
    expect(() => mergeToyShardFiles([s0, { ...s1, job: { ...job, seed: 6 } }])).toThrow(HepInputError);
    expect(() => mergeToyShardFiles([s0])).toThrow(/4 were expected/);
  }, 60_000);

  it('CLI: toys per shard to files, merge prints the summary; bad usage exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nplm-cli-'));
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: () => {} };
    const common = ['toys', '--kind', 'symmetrized', '--toys', '3', '--seed', '2', '--threads', '1'];
    expect(await nplmCli([...common, '--shard', '0/2', '--out', join(dir, 'a.json')], io)).toBe(0);
    expect(await nplmCli([...common, '--shard', '1/2', '--out', join(dir, 'b.json')], io)).toBe(0);
    const files = ['a.json', 'b.json'].map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
    expect([files[0].start, files[0].end, files[1].start, files[1].end]).toEqual([0, 2, 2, 3]);
    const direct = createToyRunner({ ...files[0].job });
    expect(files[1].results[0]).toEqual(direct(2));
    out.length = 0;
    expect(await nplmCli(['merge', join(dir, 'b.json'), join(dir, 'a.json')], io)).toBe(0);
    expect(out.join('')).toMatch(/toys \[0, 3\) of 3, kind symmetrized/);
    expect(out.join('')).toMatch(/KS p vs χ²_12/);
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ ...files[0], total: 5 }));
    expect(await nplmCli(['merge', join(dir, 'a.json'), join(dir, 'c.json')], io)).toBe(1);
    expect(await nplmCli(['toys', '--kind', 'x', '--toys', '3'], io)).toBe(2);
    expect(await nplmCli(['nope'], io)).toBe(2);
  }, 60_000);

  it('CLI: --expected-reference, --reference-size, --reference-resolution reach the NPLM toy job', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nplm-cli-'));
    const io = { out: () => {}, err: () => {} };
    const file = join(dir, 'n.json');
    const args = ['toys', '--kind', 'nplm', '--toys', '1', '--threads', '1', '--expected-reference', '40'];
    const sizes = ['--reference-size', '2000', '--reference-resolution', '0.02', '--out', file];
    expect(await nplmCli([...args, ...sizes], io)).toBe(0);
    const shard = JSON.parse(readFileSync(file, 'utf8'));
    expect(shard.job).toMatchObject({
      expectedReference: 40,
      referenceSize: 2000,
      referenceResolution: 0.02,
    });
    expect(shard.results[0]).toEqual(createToyRunner(shard.job)(0));
    // the resolution reaches nplmTest: another merge gives another t
    expect(createToyRunner({ ...shard.job, referenceResolution: 0 })(0).t).not.toBe(shard.results[0].t);
  }, 60_000);
});

describe('sign flips of hidden units (smallestNormFlip)', () => {
  const shape = { inputs: 1, hidden: 4 };
  // v = (1.5, −6.6, −5.2, 5.8), b₂ = −0.4: flipping units 2 and 3 (0-based) gives b₂ = 0.2, the
  // smallest |b₂| of the 16 subsets (b₂ plus a subset sum of v; next smallest: −0.4, 0.3 = units 0, 1, 3)
  const theta = Float64Array.from([7, 1.1, -5.2, 7.1, 0.6, -3.4, -6.9, 9, 1.5, -6.6, -5.2, 5.8, -0.4]);
  it('keeps f(x) (σ(−z) = 1 − σ(z)) and lowers ‖θ‖² through b₂ only', () => {
    const flipped = smallestNormFlip(theta, shape, 9) as Float64Array;
    expect(flipped).not.toBeNull();
    const x = Float64Array.from({ length: 41 }, (_, i) => -2 + 0.1 * i);
    const f0 = evaluateNetwork(theta, shape, x);
    const f1 = evaluateNetwork(flipped, shape, x);
    f0.forEach((v, i) => {
      expect(f1[i]).toBeCloseTo(v, 12);
    });
    expect(Array.from(flipped)).toEqual([
      7,
      1.1,
      -5.2,
      7.1,
      -0.6,
      3.4,
      6.9,
      -9,
      1.5,
      -6.6,
      5.2,
      -5.8,
      -0.4 - 5.2 + 5.8,
    ]);
    expect(theta[12]).toBe(-0.4); // input not mutated
  });
  it('returns null when b₂ is already the smallest, and respects the bound on b₂', () => {
    const zeroBias = Float64Array.from(theta);
    zeroBias[12] = 0;
    expect(smallestNormFlip(zeroBias, shape, 9)).toBeNull();
    // bound 0.1 on |b₂|: no flip is allowed (the smallest reachable |b₂| is 0.2)
    expect(smallestNormFlip(theta, shape, 0.1)).toBeNull();
  });
  it('rejects a parameter vector of the wrong length and a non-positive bound', () => {
    expect(() => smallestNormFlip(theta.subarray(0, 12), shape, 9)).toThrow(HepInputError);
    expect(() => smallestNormFlip(theta.subarray(0, 12), shape, 9)).toThrow(/theta/);
    expect(() => smallestNormFlip(theta, shape, 0)).toThrow(/bound/);
  });
});
