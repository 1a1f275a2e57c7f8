/**
 * Model-agnostic Shapley values by permutation sampling (Štrumbelj & Kononenko 2014) with an
 * interventional background set: for a random feature order π and background event b, feature j
 * gets f(x_{S∪j}, b_rest) − f(x_S, b_rest) where S are the features before j in π. Antithetic
 * pairs (π and its reverse) are used; for a model additive in its features (e.g. linear) every
 * permutation gives the exact value φ_j = f-contribution of x_j minus its background mean, i.e.
 * φ_j = w_j (x_j − E_b[x_j]) for f = w·x + c.
 *
 * @module
 */
import type { Rng } from '@hep/core';
import {
  type BatchModel,
  coalitionValues,
  type ShapResult,
  shapShapes,
  summarizeShap,
} from './coalitions.js';

/** Options of {@link permutationShap}. */
export interface PermutationShapOptions {
  /** Number of antithetic permutation pairs per event (default 8). */
  readonly permutations?: number;
  /** Background events used per permutation (default: all background rows). */
  readonly backgroundSize?: number;
}

/**
 * Shapley values of `model` for each event of `explain`, relative to the `background` set, seeded
 * by `rng`. Cost: events × permutations × 2 × (d + 1) × backgroundSize model evaluations, batched.
 */
export function permutationShap(
  model: BatchModel,
  explain: readonly Float64Array[],
  background: readonly Float64Array[],
  rng: Rng,
  options: PermutationShapOptions = {},
): ShapResult {
  const { d, n, nb: nbAll } = shapShapes(explain, background);
  const nb = Math.min(options.backgroundSize ?? nbAll, nbAll);
  const pairs = options.permutations ?? 8;
  const values = Array.from({ length: d }, () => new Float64Array(n));
  // one model call per (event, permutation): the d+1 prefix coalitions × nb background rows
  const cols = Array.from({ length: d }, () => new Float64Array((d + 1) * nb));
  const masks = new Uint8Array((d + 1) * d);
  const perm = new Int32Array(d);
  const bgIdx = new Int32Array(nb);
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < 2 * pairs; p++) {
      if (p % 2 === 0) {
        for (let j = 0; j < d; j++) perm[j] = j;
        for (let j = d - 1; j > 0; j--) {
          const r = rng.uniformInt(j + 1);
          const t = perm[j] as number;
          perm[j] = perm[r] as number;
          perm[r] = t;
        }
        for (let b = 0; b < nb; b++) bgIdx[b] = nb === nbAll ? b : rng.uniformInt(nbAll);
      } else perm.reverse();
      // coalition c (0..d) contains the first c features of perm taken from x_i
      masks.fill(0);
      for (let c = 1; c <= d; c++) {
        masks.copyWithin(c * d, (c - 1) * d, c * d);
        masks[c * d + (perm[c - 1] as number)] = 1;
      }
      const v = coalitionValues(model, explain, i, background, bgIdx, masks, cols);
      for (let q = 0; q < d; q++) {
        const j = perm[q] as number;
        const vals = values[j] as Float64Array;
        vals[i] = (vals[i] as number) + ((v[q + 1] as number) - (v[q] as number)) / (2 * pairs);
      }
    }
  }
  return summarizeShap(values);
}
