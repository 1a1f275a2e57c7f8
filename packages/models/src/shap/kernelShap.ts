/**
 * KernelSHAP (Lundberg & Lee 2017, Theorem 2) with an interventional background set: the Shapley
 * values of event x are the solution of the weighted least-squares problem
 *
 *   min_φ Σ_z π(z) (v(z) − φ₀ − Σ_j z_j φ_j)²   subject to   Σ_j φ_j = f(x) − φ₀,
 *
 * over coalitions z ∈ {0,1}^d (1: feature from x, 0: from a background event), with the Shapley
 * kernel π(z) = (d − 1)/(C(d,|z|)·|z|·(d − |z|)), value v(z) = mean_b f(x_z, b_z̄) and
 * φ₀ = mean_b f(b). When all 2^d − 2 proper coalitions fit in the budget they are enumerated and the
 * result is the exact Shapley value of v; otherwise coalitions are sampled (seeded) with sizes
 * ∝ (d − 1)/(s(d − s)), uniform members and their complements (paired sampling), equal weights.
 * For f = w·x + c with the background as reference, φ_j = w_j (x_j − E_b[x_j]) exactly.
 *
 * @module
 */
import { HepInputError, type Rng } from '@hep/core';
import { Matrix, solve } from 'ml-matrix';
import {
  type BatchModel,
  coalitionValues,
  type ShapResult,
  shapShapes,
  summarizeShap,
} from './coalitions.js';

/** Options of {@link kernelShap}. */
export interface KernelShapOptions {
  /**
   * Coalition budget per event (default 2048): all 2^d − 2 coalitions are enumerated (exact) when
   * they fit, else this many are sampled (rounded up to even, for the complement pairs).
   */
  readonly maxCoalitions?: number;
  /** Background events used (default all; else a seeded subsample without replacement). */
  readonly backgroundSize?: number;
}

/** KernelSHAP result: per-event values, global summary and the base value φ₀ = E_b f. */
export interface KernelShapResult extends ShapResult {
  readonly baseValue: number;
}

function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}

/** Coalition masks (K rows of d flags) and their regression weights. */
function design(d: number, budget: number, rng: Rng): { masks: Uint8Array; weights: Float64Array } {
  const all = 2 ** d - 2;
  if (all <= budget) {
    const masks = new Uint8Array(all * d);
    const weights = new Float64Array(all);
    for (let code = 1; code <= all; code++) {
      let size = 0;
      for (let j = 0; j < d; j++) {
        const bit = (Math.floor(code / 2 ** j) % 2) as 0 | 1;
        masks[(code - 1) * d + j] = bit;
        size += bit;
      }
      weights[code - 1] = (d - 1) / (binomial(d, size) * size * (d - size));
    }
    return { masks, weights };
  }
  const k = budget + (budget % 2);
  const sizeWeight = Float64Array.from({ length: d - 1 }, (_, s) => (d - 1) / ((s + 1) * (d - s - 1)));
  const total = sizeWeight.reduce((a, b) => a + b, 0);
  const masks = new Uint8Array(k * d);
  const members = Int32Array.from({ length: d }, (_, j) => j);
  for (let c = 0; c < k; c += 2) {
    let u = rng.uniform() * total;
    let size = 1;
    while (size < d - 1 && u >= (sizeWeight[size - 1] as number)) u -= sizeWeight[size++ - 1] as number;
    for (let q = 0; q < size; q++) {
      const r = q + rng.uniformInt(d - q);
      const t = members[q] as number;
      members[q] = members[r] as number;
      members[r] = t;
    }
    for (let j = 0; j < d; j++) masks[(c + 1) * d + j] = 1;
    for (let q = 0; q < size; q++) {
      const j = members[q] as number;
      masks[c * d + j] = 1;
      masks[(c + 1) * d + j] = 0;
    }
  }
  return { masks, weights: new Float64Array(k).fill(1) };
}

/**
 * Shapley values of `model` for each event of `explain` against `background` by KernelSHAP,
 * seeded by `rng` (used only when sampling coalitions or subsampling the background). Cost per
 * event: one model call on (K + 1)·|B| rows for K coalitions.
 *
 * @example
 * ```ts
 * const shap = kernelShap((cols) => predict(net, cols), explainCols, backgroundCols, new Rng(7));
 * shap.ranking; // features by mean |φ| (paper 000 Fig. 7)
 * ```
 */
export function kernelShap(
  model: BatchModel,
  explain: readonly Float64Array[],
  background: readonly Float64Array[],
  rng: Rng,
  options: KernelShapOptions = {},
): KernelShapResult {
  const { d, n, nb: nbAll } = shapShapes(explain, background);
  const budget = options.maxCoalitions ?? 2048;
  if (!Number.isSafeInteger(budget) || budget < d) {
    throw new HepInputError('options.maxCoalitions', `must be an integer ≥ d = ${d}, got ${budget}`);
  }
  const nb = Math.min(options.backgroundSize ?? nbAll, nbAll);
  const bgIdx =
    nb === nbAll
      ? Int32Array.from({ length: nb }, (_, b) => b)
      : Int32Array.from(rng.sampleWithoutReplacement(nbAll, nb));
  const { masks: coalitions, weights } = design(d, budget, rng);
  const k = weights.length;
  // row 0: empty coalition (φ₀), row 1: full coalition (f(x)), then the design
  const masks = new Uint8Array((k + 2) * d);
  masks.fill(1, d, 2 * d);
  masks.set(coalitions, 2 * d);
  const cols = Array.from({ length: d }, () => new Float64Array((k + 2) * nb));
  const values = Array.from({ length: d }, () => new Float64Array(n));
  let baseValue = Number.NaN;
  const p = d - 1;
  for (let i = 0; i < n; i++) {
    const v = coalitionValues(model, explain, i, background, bgIdx, masks, cols);
    const phi0 = v[0] as number;
    baseValue = phi0;
    const delta = (v[1] as number) - phi0;
    if (p === 0) {
      (values[0] as Float64Array)[i] = delta;
      continue;
    }
    // eliminate φ_d = Δ − Σ_{j<d} φ_j: t = v − φ₀ − z_d Δ = Σ_{j<d} (z_j − z_d) φ_j
    const a = new Float64Array(p * p);
    const r = new Float64Array(p);
    const row = new Float64Array(p);
    for (let c = 0; c < k; c++) {
      const w = weights[c] as number;
      const zd = coalitions[c * d + p] as number;
      const t = (v[c + 2] as number) - phi0 - zd * delta;
      for (let j = 0; j < p; j++) row[j] = (coalitions[c * d + j] as number) - zd;
      for (let j = 0; j < p; j++) {
        const wj = w * (row[j] as number);
        if (wj === 0) continue;
        r[j] = (r[j] as number) + wj * t;
        for (let l = 0; l < p; l++) a[j * p + l] = (a[j * p + l] as number) + wj * (row[l] as number);
      }
    }
    const A = new Matrix(p, p);
    for (let j = 0; j < p; j++) for (let l = 0; l < p; l++) A.set(j, l, a[j * p + l] as number);
    const sol = solve(A, Matrix.columnVector(Array.from(r)));
    let sum = 0;
    for (let j = 0; j < p; j++) {
      const phi = sol.get(j, 0);
      (values[j] as Float64Array)[i] = phi;
      sum += phi;
    }
    (values[p] as Float64Array)[i] = delta - sum;
  }
  return { ...summarizeShap(values), baseValue };
}
