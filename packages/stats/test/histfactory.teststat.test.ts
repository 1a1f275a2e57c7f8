import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  buildModel,
  observedData,
  parseWorkspace,
  profileScan,
  q0,
  qmu,
  qmuTilde,
  testStatistic,
  tmu,
  tmuTilde,
} from '../src/index.js';
import { oneBinWorkspace } from './fixtures/onebin.js';

// Closed forms for ν(μ) = μs + b without systematics (CCGV 2011 §3): −2 ln L(μ) = 2[ν − n ln ν] + c,
// so −2 ln λ(μ) = f(μ) − f(μ̂) with f(μ) = 2[μs + b − n ln(μs + b)] and μ̂ = (n − b)/s inside the bounds.
const s = 10;
const b = 50;
const f = (mu: number, n: number): number => 2 * (mu * s + b - n * Math.log(mu * s + b));
const close = (actual: number, expected: number): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-8 * Math.max(1, Math.abs(expected)));
};

describe('test statistics vs closed forms (one bin, no systematics)', () => {
  const under = buildModel(oneBinWorkspace(s, b, 45)); // μ̂ = −0.5
  const over = buildModel(oneBinWorkspace(s, b, 65)); // μ̂ = 1.5
  const wide = [-3, 10] as const; // ν(−3) = 20 > 0

  it('t_μ with μ allowed below 0 and t̃_μ with μ̂ ≥ 0', () => {
    const d = observedData(under);
    const t = tmu(under, d, 1, { poiBounds: wide });
    close(t.muhat, -0.5);
    close(t.value, f(1, 45) - f(-0.5, 45));
    close(tmu(under, d, -1, { poiBounds: wide }).value, f(-1, 45) - f(-0.5, 45)); // two-sided
    const tt = tmuTilde(under, d, 1);
    close(tt.muhat, 0);
    close(tt.value, f(1, 45) - f(0, 45));
    expect(t.free.status).toBe(0);
    expect(t.conditional.status).toBe(0);
  });

  it('q_μ and q̃_μ are zero for μ̂ > μ and t_μ otherwise', () => {
    const d = observedData(over);
    expect(qmu(over, d, 1).value).toBe(0);
    close(qmu(over, d, 2).value, f(2, 65) - f(1.5, 65));
    expect(qmuTilde(over, d, 1).value).toBe(0);
    close(qmuTilde(under, observedData(under), 1).value, f(1, 45) - f(0, 45));
    close(qmu(under, observedData(under), 1, { poiBounds: wide }).value, f(1, 45) - f(-0.5, 45));
  });

  it('q0 = 2[n ln(n/b) − (n − b)] for n > b, 0 for an underfluctuation', () => {
    close(q0(over, observedData(over)).value, 2 * (65 * Math.log(65 / 50) - 15));
    expect(q0(under, observedData(under), { poiBounds: wide }).value).toBe(0);
    close(testStatistic('q0', over, observedData(over), 0).value, 2 * (65 * Math.log(65 / 50) - 15));
  });

  it('profileScan returns −2Δ ln L(μ) on the grid with each conditional fit status', () => {
    const mus = [0, 0.5, 1, 1.5, 2, 3];
    const r = profileScan(over, mus);
    close(r.muhat, 1.5);
    mus.forEach((m, i) => {
      close(r.deltaTwiceNll[i] as number, f(m, 65) - f(1.5, 65));
    });
    expect(r.fits.map((x) => x.status)).toEqual(mus.map(() => 0));
    expect(() => profileScan(over, [1, 11])).toThrow(/mus\[1\]/);
  });
});

describe('test statistics vs pyhf', () => {
  it('hello-world model: pyhf docstring values of tmu/qmu (POI in [−10, 10]) and tmu_tilde/qmu_tilde', () => {
    // pyhf src/pyhf/infer/test_statistics.py examples (uncorrelated_background([12, 11], [50, 52],
    // [3, 7]), data [51, 48], μ = 1): tmu = qmu = 3.9549891, tmu_tilde = qmu_tilde = 3.93824492.
    const here = dirname(fileURLToPath(import.meta.url));
    const cases = JSON.parse(readFileSync(join(here, 'fixtures', 'histfactory_cases.json'), 'utf8')) as {
      name: string;
      spec: unknown;
    }[];
    const hello = cases.find((c) => c.name.startsWith('hello_world')) as (typeof cases)[number];
    const model = buildModel(parseWorkspace(hello.spec));
    const d = observedData(model);
    const rel = (a: number, e: number): number => Math.abs(a / e - 1);
    expect(rel(tmu(model, d, 1, { poiBounds: [-10, 10] }).value, 3.9549891)).toBeLessThan(1e-6);
    expect(rel(qmu(model, d, 1, { poiBounds: [-10, 10] }).value, 3.9549891)).toBeLessThan(1e-6);
    expect(rel(tmuTilde(model, d, 1).value, 3.93824492)).toBeLessThan(1e-6);
    expect(rel(qmuTilde(model, d, 1).value, 3.93824492)).toBeLessThan(1e-6);
  });
});
