/**
 * Seeded permutation (relabelling) tests of two samples with any user statistic.
 *
 * The pooled sample has nA + nB entries, indices 0..nA−1 being sample A and nA..nA+nB−1 sample B.
 * The statistic sees index arrays into the pooled sample, so it works for any data layout
 * (1-D columns, d-dimensional rows, weighted events) without copying data. Relabelling k uses
 * sub-stream k of the seed, so shards of the null can be run separately and merged.
 *
 * p-value: (1 + #{t_perm ≥ t_obs}) / (n_perm + 1) (Phipson & Smyth 2010; never zero).
 *
 * @module
 */
import { assertInteger, HepInputError, type ProgressCallback, Rng } from '@hep/core';

/**
 * How the pooled sample is relabelled:
 * - `fixed`: a random permutation keeps the sizes nA, nB (classic permutation test);
 * - `binomial`: each event is labelled A with probability nA/(nA+nB) (sizes fluctuate, as for
 *   Poisson-distributed sample sizes);
 * - `bootstrap`: A and B are drawn with replacement from the pool, with sizes nA and nB.
 */
export type RelabelMode = 'fixed' | 'binomial' | 'bootstrap';

/** The statistic of a split: index arrays into the pooled sample (valid only during the call). */
export type TwoSampleStatistic = (indicesA: Uint32Array, indicesB: Uint32Array) => number;

/** Options of {@link permutationTest}. */
export interface PermutationOptions {
  /** Number of relabellings. */
  nPermutations: number;
  /** Seed of the relabelling streams (default 0). */
  seed?: number;
  /** First relabelling index (for shards; default 0): runs indices first .. first+nPermutations−1. */
  first?: number;
  mode?: RelabelMode;
  progress?: ProgressCallback;
}

/** Result of a permutation test. */
export interface PermutationResult {
  /** The statistic on the original labels. */
  observed: number;
  /** The statistic on each relabelling (the permutation null distribution). */
  nullValues: Float64Array;
  /** #{t_perm ≥ t_obs}. */
  nExceeding: number;
  /** (1 + nExceeding) / (nPermutations + 1). */
  pValue: number;
}

/**
 * Runs a permutation test of samples A (pooled indices 0..nA−1) and B (nA..nA+nB−1).
 *
 * @example
 * ```ts
 * const pooled = Float64Array.from([...a, ...b]);
 * const meanDiff = (ia: Uint32Array, ib: Uint32Array) => mean(pooled, ia) - mean(pooled, ib);
 * const { pValue } = permutationTest(a.length, b.length, meanDiff, { nPermutations: 999, seed: 1 });
 * ```
 */
export function permutationTest(
  nA: number,
  nB: number,
  statistic: TwoSampleStatistic,
  options: PermutationOptions,
): PermutationResult {
  assertInteger('nA', nA, 1);
  assertInteger('nB', nB, 1);
  assertInteger('options.nPermutations', options.nPermutations, 1);
  const seed = options.seed ?? 0;
  const first = options.first ?? 0;
  assertInteger('options.seed', seed);
  assertInteger('options.first', first);
  const mode = options.mode ?? 'fixed';
  if (mode !== 'fixed' && mode !== 'binomial' && mode !== 'bootstrap') {
    throw new HepInputError(
      'options.mode',
      `must be 'fixed', 'binomial' or 'bootstrap', got ${String(mode)}`,
    );
  }
  const n = nA + nB;
  const identity = new Uint32Array(n);
  for (let i = 0; i < n; i++) identity[i] = i;
  const observed = statistic(identity.subarray(0, nA), identity.subarray(nA));
  if (Number.isNaN(observed)) throw new HepInputError('statistic', 'returned NaN on the original labels');

  const buffer = new Uint32Array(n);
  const nullValues = new Float64Array(options.nPermutations);
  let nExceeding = 0;
  for (let k = 0; k < options.nPermutations; k++) {
    const rng = Rng.stream(seed, first + k);
    const split = relabel(rng, mode, nA, nB, buffer);
    const t = statistic(buffer.subarray(0, split), buffer.subarray(split));
    nullValues[k] = t;
    if (t >= observed) nExceeding++;
    options.progress?.(k + 1, options.nPermutations);
  }
  return { observed, nullValues, nExceeding, pValue: (1 + nExceeding) / (options.nPermutations + 1) };
}

/** Fills `buffer` with the new A indices followed by the B indices; returns the size of A. */
function relabel(rng: Rng, mode: RelabelMode, nA: number, nB: number, buffer: Uint32Array): number {
  const n = nA + nB;
  if (mode === 'bootstrap') {
    for (let i = 0; i < n; i++) buffer[i] = rng.uniformInt(n);
    return nA;
  }
  if (mode === 'binomial') {
    const pA = nA / n;
    let a = 0;
    let b = n - 1;
    for (let i = 0; i < n; i++) {
      if (rng.uniform() < pA) buffer[a++] = i;
      else buffer[b--] = i;
    }
    return a;
  }
  for (let i = 0; i < n; i++) buffer[i] = i;
  rng.shuffleInPlace(buffer);
  return nA;
}
