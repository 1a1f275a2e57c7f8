/**
 * The seeded random-number generator of hep-ts: xoshiro256** with SplitMix64 seeding and
 * independent sub-streams. Same seed → same numbers on every machine and in every execution
 * layout (single process, worker pool, batch-system shard).
 *
 * @module
 */
import gammaln from '@stdlib/math-base-special-gammaln';
import { HepInputError } from '../errors.js';
import { assertFinite, assertInteger, assertNonNegative, assertPositive } from '../validate.js';
import { deriveKey, expandKey, seedKey } from './seed.js';
import { Xoshiro256 } from './xoshiro256.js';

const TWO_PI = 2 * Math.PI;

/**
 * Seeded generator with the samplers statistics code needs.
 *
 * @example
 * ```ts
 * const rng = new Rng(42);
 * const toy = Rng.stream(42, 17);        // toy 17: identical alone, in a pool, or in shard k of n
 * const n = toy.poisson(2000);
 * const x = toy.exponential(1);
 * ```
 */
export class Rng {
  /** 64-bit key this generator was seeded from (its position in the stream tree). */
  readonly key: bigint;
  private readonly gen: Xoshiro256;
  private spareNormal = Number.NaN;

  /** @param seed non-negative safe integer or bigint < 2^64. */
  constructor(seed: number | bigint = 0) {
    this.key = seedKey(seed);
    this.gen = new Xoshiro256(expandKey(this.key));
  }

  /** Generator of sub-stream `index` of `seed`; a pure function of (seed, index). */
  static stream(seed: number | bigint, index: number): Rng {
    return Rng.fromKey(deriveKey(seedKey(seed), index));
  }

  private static fromKey(key: bigint): Rng {
    const rng = Object.create(Rng.prototype) as Rng;
    (rng as { key: bigint }).key = key;
    (rng as unknown as { gen: Xoshiro256 }).gen = new Xoshiro256(expandKey(key));
    (rng as unknown as { spareNormal: number }).spareNormal = Number.NaN;
    return rng;
  }

  /** Child generator for sub-stream `index` of this generator's key (independent of draws made). */
  derive(index: number): Rng {
    return Rng.fromKey(deriveKey(this.key, index));
  }

  /** Next raw 32-bit unsigned integer (the high half of a 64-bit output). */
  nextUint32(): number {
    return this.gen.next64();
  }

  /** Uniform double in [0, 1), or in [lo, hi) when bounds are given. */
  uniform(lo = 0, hi = 1): number {
    const u = this.gen.nextDouble();
    return lo === 0 && hi === 1 ? u : lo + (hi - lo) * u;
  }

  /** Fills a new Float64Array of length n with uniforms in [0, 1). */
  uniforms(n: number): Float64Array {
    assertInteger('n', n);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.gen.nextDouble();
    return out;
  }

  /** Unbiased uniform integer in [0, n), n ≤ 2^32 (Lemire's multiply-and-reject on 32 bits). */
  uniformInt(n: number): number {
    if (!Number.isSafeInteger(n) || n < 1 || n > 4294967296) {
      throw new HepInputError('n', `must be an integer in [1, 2^32], got ${n}`);
    }
    if (n === 4294967296) return this.gen.next64();
    const threshold = (4294967296 - n) % n;
    const nh = Math.floor(n / 65536);
    const nl = n % 65536;
    for (;;) {
      // exact 64-bit product x·n from two 48-bit partial products
      const x = this.gen.next64();
      const a = x * nl;
      const b = x * nh;
      const mid = a + (b % 65536) * 65536;
      if (mid % 4294967296 >= threshold) return Math.floor(b / 65536) + Math.floor(mid / 4294967296);
    }
  }

  /** Standard normal (or 𝒩(mean, sigma²)) by the Box–Muller transform, caching the second value. */
  normal(mean = 0, sigma = 1): number {
    let z = this.spareNormal;
    if (Number.isNaN(z)) {
      const u1 = 1 - this.gen.nextDouble(); // (0, 1]
      const u2 = this.gen.nextDouble();
      const r = Math.sqrt(-2 * Math.log(u1));
      z = r * Math.cos(TWO_PI * u2);
      this.spareNormal = r * Math.sin(TWO_PI * u2);
    } else {
      this.spareNormal = Number.NaN;
    }
    return mean + sigma * z;
  }

  /** Fills a new Float64Array with n draws of 𝒩(mean, sigma²). */
  normals(n: number, mean = 0, sigma = 1): Float64Array {
    assertInteger('n', n);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.normal(mean, sigma);
    return out;
  }

  /** Exponential with the given rate (mean 1/rate), by inversion. */
  exponential(rate = 1): number {
    return -Math.log(1 - this.gen.nextDouble()) / rate;
  }

  /**
   * Gamma(shape, scale) by Marsaglia & Tsang (2000); shape < 1 via Gamma(shape + 1)·U^{1/shape}.
   */
  gamma(shape: number, scale = 1): number {
    assertPositive('shape', shape);
    assertPositive('scale', scale);
    if (shape < 1) {
      const u = 1 - this.gen.nextDouble();
      return this.gamma(shape + 1, scale) * u ** (1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.gen.nextDouble();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
    }
  }

  /** Beta(a, b) as X/(X+Y) with X ~ Gamma(a), Y ~ Gamma(b). */
  beta(a: number, b: number): number {
    const x = this.gamma(a);
    return x / (x + this.gamma(b));
  }

  /**
   * Poisson(λ): multiplication method for λ < 10, Hörmann's PTRS transformed rejection (1993)
   * above. λ = 0 gives 0.
   */
  poisson(lambda: number): number {
    assertNonNegative('lambda', lambda);
    if (lambda === 0) return 0;
    if (lambda < 10) {
      const limit = Math.exp(-lambda);
      let k = 0;
      let prod = this.gen.nextDouble();
      while (prod > limit) {
        k++;
        prod *= this.gen.nextDouble();
      }
      return k;
    }
    const slam = Math.sqrt(lambda);
    const loglam = Math.log(lambda);
    const b = 0.931 + 2.53 * slam;
    const a = -0.059 + 0.02483 * b;
    const invalpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.gen.nextDouble() - 0.5;
      const v = this.gen.nextDouble();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (
        Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <=
        -lambda + k * loglam - gammaln(k + 1)
      ) {
        return k;
      }
    }
  }

  /**
   * Binomial(n, p): exact. Large n is reduced by Knuth's beta-splitting (TAOCP 3.4.1F) to
   * n ≤ 64, then inversion of the CDF.
   */
  binomial(n: number, p: number): number {
    assertInteger('n', n);
    assertFinite('p', p);
    if (p < 0 || p > 1) throw new HepInputError('p', `must lie in [0, 1], got ${p}`);
    let k = 0;
    while (n > 64 && p > 0 && p < 1) {
      const a = 1 + (n >> 1);
      const b = n + 1 - a;
      const x = this.beta(a, b);
      if (x >= p) {
        n = a - 1;
        p /= x;
      } else {
        k += a;
        n = b - 1;
        p = (p - x) / (1 - x);
      }
    }
    if (p <= 0 || n === 0) return k;
    if (p >= 1) return k + n;
    // inversion: walk the pmf from 0
    const q = 1 - p;
    const ratio = p / q;
    let pmf = q ** n;
    let u = this.gen.nextDouble();
    let j = 0;
    while (u > pmf && j < n) {
      u -= pmf;
      pmf *= (ratio * (n - j)) / (j + 1);
      j++;
    }
    return k + j;
  }

  /** Multinomial(n, probs) by conditional binomials; probs ≥ 0, normalised internally. */
  multinomial(n: number, probs: ArrayLike<number>): Int32Array {
    assertInteger('n', n);
    let total = 0;
    for (let i = 0; i < probs.length; i++) {
      const p = probs[i] as number;
      if (!Number.isFinite(p) || p < 0)
        throw new HepInputError('probs', `must be finite and ≥ 0, got ${p}`, i);
      total += p;
    }
    if (!(total > 0)) throw new HepInputError('probs', 'must have a positive sum');
    const out = new Int32Array(probs.length);
    let left = n;
    let mass = total;
    for (let i = 0; i < probs.length - 1 && left > 0; i++) {
      const pi = probs[i] as number;
      const k = pi >= mass ? left : this.binomial(left, pi / mass);
      out[i] = k;
      left -= k;
      mass -= pi;
    }
    if (probs.length > 0) out[probs.length - 1] = (out[probs.length - 1] as number) + left;
    return out;
  }

  /** Random permutation of 0..n-1 (Fisher–Yates). */
  permutation(n: number): Uint32Array {
    assertInteger('n', n);
    const idx = new Uint32Array(n);
    for (let i = 0; i < n; i++) idx[i] = i;
    this.shuffleInPlace(idx);
    return idx;
  }

  /** Shuffled copy of `values` (the input is not modified). */
  shuffled<T extends ArrayLike<unknown>>(values: T): T extends Float64Array ? Float64Array : unknown[] {
    const copy = (values instanceof Float64Array ? Float64Array.from(values) : Array.from(values)) as {
      length: number;
      [i: number]: unknown;
    };
    this.shuffleInPlace(copy);
    return copy as never;
  }

  /** Fisher–Yates shuffle of a caller-owned buffer, in place. */
  shuffleInPlace(values: { length: number; [i: number]: unknown }): void {
    for (let i = values.length - 1; i > 0; i--) {
      const j = this.uniformInt(i + 1);
      const t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
  }

  /** k indices drawn uniformly with replacement from 0..n-1 (bootstrap). */
  sampleWithReplacement(n: number, k = n): Uint32Array {
    assertInteger('n', n, 1);
    assertInteger('k', k);
    const out = new Uint32Array(k);
    for (let i = 0; i < k; i++) out[i] = this.uniformInt(n);
    return out;
  }

  /** k distinct indices drawn without replacement from 0..n-1 (partial Fisher–Yates). */
  sampleWithoutReplacement(n: number, k: number): Uint32Array {
    assertInteger('n', n);
    assertInteger('k', k);
    if (k > n) throw new HepInputError('k', `must be ≤ n = ${n}, got ${k}`);
    const pool = new Uint32Array(n);
    for (let i = 0; i < n; i++) pool[i] = i;
    for (let i = 0; i < k; i++) {
      const j = i + this.uniformInt(n - i);
      const t = pool[i]!;
      pool[i] = pool[j]!;
      pool[j] = t;
    }
    return pool.slice(0, k);
  }
}
