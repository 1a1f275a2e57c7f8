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
import { HepInputError, type Rng } from '@hep/core';

/** Batched model: given d feature columns of length m, returns m scores. */
export type BatchModel = (columns: Float64Array[]) => Float64Array;

/** Options of {@link permutationShap}. */
export interface PermutationShapOptions {
  /** Number of antithetic permutation pairs per event (default 8). */
  readonly permutations?: number;
  /** Background events used per permutation (default: all background rows). */
  readonly backgroundSize?: number;
}

/** Per-event Shapley values (values[j][i] for feature j, event i) and the global mean |φ_j|. */
export interface ShapResult {
  readonly values: Float64Array[];
  readonly meanAbs: Float64Array;
  /** Feature indices sorted by decreasing mean |φ| (paper 000 Fig. 7 ranking). */
  readonly ranking: Int32Array;
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
  const d = explain.length;
  if (d === 0 || background.length !== d) {
    throw new HepInputError(
      'background',
      `needs the ${d} feature columns of explain, got ${background.length}`,
    );
  }
  const n = explain[0]?.length ?? 0;
  const nbAll = background[0]?.length ?? 0;
  if (nbAll === 0) throw new HepInputError('background', 'no events');
  const nb = Math.min(options.backgroundSize ?? nbAll, nbAll);
  const pairs = options.permutations ?? 8;
  const values = Array.from({ length: d }, () => new Float64Array(n));
  // batch: for one (event, permutation) all d+1 coalitions × nb background rows
  const m = (d + 1) * nb;
  const cols = Array.from({ length: d }, () => new Float64Array(m));
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
      for (let c = 0; c <= d; c++) {
        for (let j = 0; j < d; j++) {
          const col = cols[j] as Float64Array;
          const bgCol = background[j] as Float64Array;
          for (let b = 0; b < nb; b++) col[c * nb + b] = bgCol[bgIdx[b] as number] as number;
        }
        for (let q = 0; q < c; q++) {
          const j = perm[q] as number;
          const col = cols[j] as Float64Array;
          const xv = (explain[j] as Float64Array)[i] as number;
          col.fill(xv, c * nb, (c + 1) * nb);
        }
      }
      const f = model(cols);
      if (f.length !== m) throw new HepInputError('model', `returned ${f.length} scores for ${m} rows`);
      const mean = new Float64Array(d + 1);
      for (let c = 0; c <= d; c++) {
        let s = 0;
        for (let b = 0; b < nb; b++) s += f[c * nb + b] as number;
        mean[c] = s / nb;
      }
      for (let q = 0; q < d; q++) {
        const j = perm[q] as number;
        const v = values[j] as Float64Array;
        v[i] = (v[i] as number) + ((mean[q + 1] as number) - (mean[q] as number)) / (2 * pairs);
      }
    }
  }
  const meanAbs = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.abs((values[j] as Float64Array)[i] as number);
    meanAbs[j] = n > 0 ? s / n : 0;
  }
  const ranking = Int32Array.from({ length: d }, (_, j) => j).sort(
    (a, b) => (meanAbs[b] as number) - (meanAbs[a] as number),
  );
  return { values, meanAbs, ranking };
}
