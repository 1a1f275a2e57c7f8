import { readFileSync } from 'node:fs';
import gammaln from '@stdlib/math-base-special-gammaln';
import exponentialCdf from '@stdlib/stats-base-dists-exponential-cdf';
import gammaCdf from '@stdlib/stats-base-dists-gamma-cdf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { describe, expect, it } from 'vitest';
import { expandKey, HepInputError, Rng, Xoshiro256 } from '../src/index.js';
import { deriveKey } from '../src/rng/seed.js';

const ref = JSON.parse(
  readFileSync(new URL('./fixtures/rng_reference.json', import.meta.url), 'utf8'),
) as Record<string, string[] | number[]>;

function hexOutputs(gen: Xoshiro256, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const hi = gen.next64();
    out.push(hi.toString(16).padStart(8, '0') + gen.lo.toString(16).padStart(8, '0'));
  }
  return out;
}

function stateOf(words: bigint[]): Uint32Array {
  const s = new Uint32Array(8);
  words.forEach((w, i) => {
    s[2 * i] = Number(w >> 32n);
    s[2 * i + 1] = Number(w & 0xffffffffn);
  });
  return s;
}

describe('xoshiro256** bit stream', () => {
  it('matches the published test vector for state {1,2,3,4}', () => {
    expect(hexOutputs(new Xoshiro256(stateOf([1n, 2n, 3n, 4n])), 10)).toEqual(ref.state1234);
  });
  it('matches the Python reference for SplitMix64 seeding and sub-streams', () => {
    expect(hexOutputs(new Xoshiro256(expandKey(42n)), 10)).toEqual(ref.seed42);
    expect(hexOutputs(new Xoshiro256(expandKey(0n)), 5)).toEqual(ref.seed0);
    expect(hexOutputs(new Xoshiro256(expandKey(deriveKey(42n, 7))), 5)).toEqual(ref.seed42_stream7);
    expect(hexOutputs(new Xoshiro256(expandKey(deriveKey(deriveKey(42n, 7), 3))), 5)).toEqual(
      ref.seed42_stream7_stream3,
    );
    const rng = new Rng(42);
    expect(Array.from({ length: 5 }, () => rng.uniform())).toEqual(ref.seed42_doubles);
  });
  it('gives stream i the same numbers however it is reached', () => {
    const a = Rng.stream(42, 7).uniforms(5);
    const b = new Rng(42).derive(7).uniforms(5);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Rng.stream(42, 7).derive(3).uniforms(5)[0]).not.toBe(Rng.stream(42, 3).uniforms(5)[0]);
  });
  it('rejects bad seeds with a typed error', () => {
    expect(() => new Rng(-1)).toThrow(HepInputError);
    expect(() => new Rng(1.5)).toThrow(/seed/);
    expect(() => Rng.stream(1, -2)).toThrow(HepInputError);
  });
});

/** Kolmogorov–Smirnov distance between a sample and a continuous CDF. */
function ksDistance(sample: Float64Array, cdf: (x: number) => number): number {
  const s = Float64Array.from(sample).sort();
  const n = s.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(s[i]!);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

/** Largest deviation of the empirical CDF of integer draws from the exact CDF. */
function discreteCdfDistance(sample: Float64Array, cdf: (k: number) => number): number {
  const s = Float64Array.from(sample).sort();
  const n = s.length;
  let d = 0;
  let i = 0;
  const max = s[n - 1]!;
  for (let k = Math.max(0, s[0]! - 1); k <= max; k++) {
    while (i < n && s[i]! <= k) i++;
    d = Math.max(d, Math.abs(i / n - cdf(k)));
  }
  return d;
}

/**
 * Exact discrete CDFs by summing the closed-form pmf in log space. (stdlib's Poisson/binomial CDFs
 * go through its regularised incomplete gamma, which is off by 1e-2 at λ = 2000.)
 */
function cdfFromLogPmf(logPmf: (k: number) => number): (k: number) => number {
  const cache: number[] = [];
  return (k) => {
    for (let j = cache.length; j <= k; j++) cache.push((j > 0 ? cache[j - 1]! : 0) + Math.exp(logPmf(j)));
    return k < 0 ? 0 : Math.min(1, cache[k]!);
  };
}
const poissonCdf = (lambda: number) => cdfFromLogPmf((k) => k * Math.log(lambda) - lambda - gammaln(k + 1));
const binomialCdf = (n: number, p: number) =>
  cdfFromLogPmf(
    (k) => gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1) + k * Math.log(p) + (n - k) * Math.log1p(-p),
  );

// KS critical value at significance 1e-3: sqrt(-ln(5e-4)/2)/sqrt(n) ≈ 1.95/sqrt(n)
const N = 20000;
const CRIT = 1.95 / Math.sqrt(N);
const draw = (f: () => number) => Float64Array.from({ length: N }, f);

describe('samplers against exact CDFs (KS at 1e-3)', () => {
  const rng = new Rng(2024);
  it('uniform, normal, exponential', () => {
    expect(
      ksDistance(
        draw(() => rng.uniform()),
        (x) => x,
      ),
    ).toBeLessThan(CRIT);
    expect(
      ksDistance(
        draw(() => rng.normal(1, 2)),
        (x) => normalCdf(x, 1, 2),
      ),
    ).toBeLessThan(CRIT);
    expect(
      ksDistance(
        draw(() => rng.exponential(3)),
        (x) => exponentialCdf(x, 3),
      ),
    ).toBeLessThan(CRIT);
  });
  it('gamma for shapes below and above 1', () => {
    for (const shape of [0.3, 1, 4.5]) {
      expect(
        ksDistance(
          draw(() => rng.gamma(shape, 2)),
          (x) => gammaCdf(x, shape, 0.5),
        ),
      ).toBeLessThan(CRIT);
    }
  });
  it('poisson in both algorithm regimes', () => {
    for (const lambda of [0.7, 6, 25, 2000]) {
      expect(
        discreteCdfDistance(
          draw(() => rng.poisson(lambda)),
          poissonCdf(lambda),
        ),
      ).toBeLessThan(CRIT);
    }
    expect(rng.poisson(0)).toBe(0);
  });
  it('binomial for small and large n', () => {
    for (const [n, p] of [
      [10, 0.3],
      [50, 0.9],
      [1000, 0.02],
      [100000, 0.4],
    ] as const) {
      expect(
        discreteCdfDistance(
          draw(() => rng.binomial(n, p)),
          binomialCdf(n, p),
        ),
      ).toBeLessThan(CRIT);
    }
  });
  it('multinomial margins are binomial and counts add up', () => {
    const probs = [0.2, 0.5, 0.3];
    const first = new Float64Array(N);
    for (let i = 0; i < N; i++) {
      const c = rng.multinomial(40, probs);
      expect(c[0]! + c[1]! + c[2]!).toBe(40);
      first[i] = c[1]!;
    }
    expect(discreteCdfDistance(first, binomialCdf(40, 0.5))).toBeLessThan(CRIT);
  });
  it('uniformInt is unbiased and permutations are uniform', () => {
    const n = 7;
    expect(
      discreteCdfDistance(
        draw(() => rng.uniformInt(n)),
        (k) => (k + 1) / n,
      ),
    ).toBeLessThan(CRIT);
    const big = 3_000_000_019; // > 2^31: exercises the 64-bit product
    expect(
      ksDistance(
        draw(() => rng.uniformInt(big) / big),
        (x) => x,
      ),
    ).toBeLessThan(CRIT);
    // position of element 0 after shuffling is uniform
    const pos = draw(() => rng.permutation(5).indexOf(0));
    expect(discreteCdfDistance(pos, (k) => (k + 1) / 5)).toBeLessThan(CRIT);
  });
  it('sampling helpers do not mutate input and respect ranges', () => {
    const values = Float64Array.from([1, 2, 3, 4]);
    const shuffled = rng.shuffled(values);
    expect(Array.from(values)).toEqual([1, 2, 3, 4]);
    expect(Array.from(shuffled).sort()).toEqual([1, 2, 3, 4]);
    const boot = rng.sampleWithReplacement(10, 1000);
    expect(Math.max(...boot)).toBeLessThan(10);
    const distinct = rng.sampleWithoutReplacement(10, 10);
    expect(new Set(distinct).size).toBe(10);
    expect(() => rng.binomial(10, 1.5)).toThrow(HepInputError);
    expect(() => rng.poisson(-1)).toThrow(/lambda/);
  });
});
