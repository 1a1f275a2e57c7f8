/**
 * Shared machinery of the Shapley estimators: the interventional value function evaluated for many
 * coalitions in one batched model call, and the global summary of paper 000 Fig. 7.
 *
 * @module
 */
import { HepInputError } from '@hep/core';

/** Batched model: given d feature columns of length m, returns m scores. */
export type BatchModel = (columns: Float64Array[]) => Float64Array;

/** Per-event Shapley values (values[j][i] for feature j, event i) and the global mean |φ_j|. */
export interface ShapResult {
  readonly values: Float64Array[];
  readonly meanAbs: Float64Array;
  /** Feature indices sorted by decreasing mean |φ| (paper 000 Fig. 7 ranking). */
  readonly ranking: Int32Array;
}

/** Checks explain/background shapes; returns d, the event count n and the background count. */
export function shapShapes(
  explain: readonly Float64Array[],
  background: readonly Float64Array[],
): { d: number; n: number; nb: number } {
  const d = explain.length;
  if (d === 0 || background.length !== d) {
    throw new HepInputError(
      'background',
      `needs the ${d} feature columns of explain, got ${background.length}`,
    );
  }
  const nb = background[0]?.length ?? 0;
  if (nb === 0) throw new HepInputError('background', 'no events');
  return { d, n: explain[0]?.length ?? 0, nb };
}

/**
 * Interventional value function v(S) = (1/|B|) Σ_{b∈B} f(x_S, b_{S̄}) of event `i` for K coalitions
 * at once: `masks` holds K rows of d flags (1: feature taken from the event, 0: from the background
 * row `bgIdx[r]`); one model call on K·|B| rows. `cols` is scratch of d columns of length ≥ K·|B|.
 */
export function coalitionValues(
  model: BatchModel,
  explain: readonly Float64Array[],
  i: number,
  background: readonly Float64Array[],
  bgIdx: Int32Array,
  masks: Uint8Array,
  cols: Float64Array[],
): Float64Array {
  const d = explain.length;
  const nb = bgIdx.length;
  const k = masks.length / d;
  const m = k * nb;
  for (let j = 0; j < d; j++) {
    const col = cols[j] as Float64Array;
    const bg = background[j] as Float64Array;
    const xv = (explain[j] as Float64Array)[i] as number;
    for (let c = 0; c < k; c++) {
      if (masks[c * d + j]) col.fill(xv, c * nb, (c + 1) * nb);
      else for (let r = 0; r < nb; r++) col[c * nb + r] = bg[bgIdx[r] as number] as number;
    }
  }
  const f = model(cols.map((c) => c.subarray(0, m)));
  if (f.length !== m) throw new HepInputError('model', `returned ${f.length} scores for ${m} rows`);
  const v = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let s = 0;
    for (let r = 0; r < nb; r++) s += f[c * nb + r] as number;
    v[c] = s / nb;
  }
  return v;
}

/** Global summary: mean |φ_j| over events and the features ranked by it (paper 000 Fig. 7). */
export function summarizeShap(values: Float64Array[]): ShapResult {
  const d = values.length;
  const meanAbs = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const v = values[j] as Float64Array;
    let s = 0;
    for (let i = 0; i < v.length; i++) s += Math.abs(v[i] as number);
    meanAbs[j] = v.length > 0 ? s / v.length : 0;
  }
  const ranking = Int32Array.from({ length: d }, (_, j) => j).sort(
    (a, b) => (meanAbs[b] as number) - (meanAbs[a] as number),
  );
  return { values, meanAbs, ranking };
}
