import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng, shardRange } from '@hep/core';
import { describe, expect, it } from 'vitest';
import {
  buildModel,
  hypotest,
  mergeToyRuns,
  parseWorkspace,
  runToyShard,
  sampleData,
  toyHypotest,
} from '../src/index.js';
import { oneBinWorkspace } from './fixtures/onebin.js';

const here = dirname(fileURLToPath(import.meta.url));

/** P(N ≤ k) for N ~ Poisson(λ), by summing the pmf. */
function poissonCdf(k: number, lambda: number): number {
  let term = Math.exp(-lambda);
  let sum = term;
  for (let i = 1; i <= k; i++) {
    term *= lambda / i;
    sum += term;
  }
  return sum;
}

/** |toy − p| within 4 binomial standard deviations of `n` toys (plus those of a reference with nRef toys). */
function withinToyStats(toy: number, p: number, n: number, nRef = Number.POSITIVE_INFINITY): void {
  const sigma = Math.sqrt(p * (1 - p) * (1 / n + 1 / nRef));
  expect(Math.abs(toy - p), `${toy} vs ${p} (σ = ${sigma})`).toBeLessThanOrEqual(4 * sigma);
}

describe('toy-based CLs', () => {
  it('one-bin Poisson without systematics: CLs+b, CLb equal the exact Poisson tails', async () => {
    // q̃_μ decreases with n below μs + b, so p = P(N ≤ n_obs) under Poisson(μs + b) (s+b) and Poisson(b) (b).
    const model = buildModel(oneBinWorkspace(10, 50, 48));
    const ntoys = 4000;
    const r = await toyHypotest(model, 1, { ntoys, seed: 7, threads: 1 });
    withinToyStats(r.CLsb, poissonCdf(48, 60), ntoys);
    withinToyStats(r.CLb, poissonCdf(48, 50), ntoys);
    expect(r.CLs_obs).toBeCloseTo(r.CLsb / r.CLb, 15);
    expect(r.failedFits).toBe(0);
    expect(r.CLs_exp).toHaveLength(5);
    for (let i = 1; i < 5; i++)
      expect(r.CLs_exp[i] as number).toBeGreaterThanOrEqual(r.CLs_exp[i - 1] as number);
  });

  it('agrees with the asymptotic calculator on a high-count model within toy statistics', async () => {
    const model = buildModel(oneBinWorkspace(50, 1000, 1030, 20));
    const ntoys = 3000;
    const toys = await toyHypotest(model, 1.5, { ntoys, seed: 2, threads: 1 });
    const asym = hypotest(model, 1.5);
    expect(toys.teststat).toBeCloseTo(asym.q, 10);
    withinToyStats(toys.CLsb, asym.CLsb, ntoys);
    withinToyStats(toys.CLb, asym.CLb, ntoys);
  });

  it('discovery p0 from toys matches pyhf stored toy numbers (1bin_shapesys_q0_mu1_toys) within toy statistics', async () => {
    const cases = JSON.parse(readFileSync(join(here, 'fixtures', 'histfactory_cases.json'), 'utf8')) as {
      name: string;
      spec: unknown;
      modifier_settings: never;
      expected: { p0_obs: number; p0_exp: number[] };
    }[];
    const c = cases.find((x) => x.name === '1bin_shapesys_q0_mu1_toys') as (typeof cases)[number];
    const model = buildModel(parseWorkspace(c.spec), { modifierSettings: c.modifier_settings });
    const ntoys = 4000;
    const r = await toyHypotest(model, 0, { ntoys, seed: 1, testStat: 'q0', threads: 1 });
    withinToyStats(r.CLs_obs, c.expected.p0_obs, ntoys, 2000); // pyhf: 2000 toys
    for (const i of [2, 3, 4])
      withinToyStats(r.CLs_exp[i] as number, c.expected.p0_exp[i] as number, ntoys, 2000);
  });

  it('is reproducible: same seed, any thread count, any sharding give identical toys', async () => {
    const model = buildModel(oneBinWorkspace(10, 50, 48, 5));
    const opts = { ntoys: 90, seed: 11 };
    const one = await runToyShard(model, 1, { start: 0, end: 90 }, { ...opts, threads: 1 });
    const two = await runToyShard(model, 1, { start: 0, end: 90 }, { ...opts, threads: 2 });
    expect(two.results).toEqual(one.results);
    const shards = await Promise.all(
      [2, 0, 1].map((k) => runToyShard(model, 1, shardRange(90, k, 3), { ...opts, threads: 1 })),
    );
    expect(mergeToyRuns(shards)).toEqual(mergeToyRuns([one]));
    expect(() => mergeToyRuns([shards[1], shards[2]] as never)).toThrow(/cover toys \[0, 60\)/);
    expect(() => mergeToyRuns([shards[1], shards[0]] as never)).toThrow(/missing/);
    const other = await runToyShard(model, 1, shardRange(90, 0, 3), { ...opts, seed: 12, threads: 1 });
    expect(() => mergeToyRuns([other, shards[2], shards[0]] as never)).toThrow(/seed/);
  });

  it('samples main counts ~ Poisson(ν) and Gaussian/Poisson auxiliaries around θ / γτ', () => {
    const model = buildModel(oneBinWorkspace(10, 50, 48, 5)); // shapesys τ = (50/5)² = 100
    const pars = Float64Array.from([2, 1.1]); // [mu, gamma]: ν = 20 + 55 = 75, aux mean 110
    const rng = new Rng(5);
    let sumN = 0;
    let sumA = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const d = sampleData(model, pars, rng);
      sumN += d.main[0] as number;
      sumA += d.aux[0] as number;
    }
    expect(Math.abs(sumN / n - 75)).toBeLessThan(4 * Math.sqrt(75 / n));
    expect(Math.abs(sumA / n - 110)).toBeLessThan(4 * Math.sqrt(110 / n));
  });
});
