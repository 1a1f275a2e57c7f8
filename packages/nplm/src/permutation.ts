/**
 * Permutation null of the symmetrized test (paper 004 §4.3; FORMULAS.md §2): pool A ∪ B, relabel
 * into sizes N_A, N_B with the seeded engine of @hep/stats, refit t_sym on every relabelling;
 * p = (1 + #{t_perm ≥ t})/(n_perm + 1). 1-D samples.
 *
 * @module
 */
import { assertFiniteArray, type ProgressCallback } from '@hep/core';
import { type PermutationResult, permutationTest, type RelabelMode } from '@hep/stats';
import { symmetrizedTest, type TwoSampleOptions } from './symmetrized.js';

/** Options of {@link symmetrizedPermutationTest}. */
export interface SymmetrizedPermutationOptions extends TwoSampleOptions {
  nPermutations: number;
  /** Seed of the relabelling streams (default 0); the fits use `seed` of the training options. */
  permutationSeed?: number;
  /** Relabelling mode (default 'fixed'). */
  relabel?: RelabelMode;
  progress?: ProgressCallback;
}

/** Permutation test of t_sym for 1-D samples a and b. */
export function symmetrizedPermutationTest(
  a: Float64Array,
  b: Float64Array,
  options: SymmetrizedPermutationOptions,
): PermutationResult {
  assertFiniteArray('a', a);
  assertFiniteArray('b', b);
  const pooled = new Float64Array(a.length + b.length);
  pooled.set(a);
  pooled.set(b, a.length);
  const gather = (idx: Uint32Array) => {
    const out = new Float64Array(idx.length);
    for (let i = 0; i < idx.length; i++) out[i] = pooled[idx[i] as number] as number;
    return out;
  };
  return permutationTest(a.length, b.length, (ia, ib) => symmetrizedTest(gather(ia), gather(ib), options).t, {
    nPermutations: options.nPermutations,
    seed: options.permutationSeed ?? 0,
    mode: options.relabel ?? 'fixed',
    progress: options.progress,
  });
}
