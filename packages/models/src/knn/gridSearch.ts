/**
 * Hyperparameter grid search of paper 003 eq. (4): k ∈ [1, 5], Dist ∈ {Minkowski (p = 2),
 * Manhattan, Chebyshev}, P ∈ [1, 8] PCA components, weights ∈ {uniform, distance}. Each point of
 * the grid regresses the bin index of the target (eq. 2) for a hold-out set from a support set
 * (the paper tunes on 80 % of the data: support 80 %, hold-out 20 % by default) and is scored by
 * the mean squared error between the true and the predicted target histograms,
 * MSE = (1/B) Σ_b (N_b^true − N_b^pred)², the predicted bin of an event being round(b̂) (half up).
 *
 * For each P the PCA is fitted and the KD-tree built once; for each metric the k_max-neighbour
 * lists are computed once and every (k, weights) pair reads their k-prefix.
 *
 * @module
 */
import { assertColumns, assertFiniteArray, assertInteger, HepInputError, Rng } from '@hep/core';
import { Pca } from '../pca/pca.js';
import type { Binning } from './binning.js';
import { KdTree } from './kdTree.js';
import type { Metric } from './metric.js';
import { type KnnWeights, neighbourMean } from './weights.js';

/** Options of {@link knnGridSearch}; defaults are the grid of eq. (4). */
export interface KnnGridOptions {
  /** Target binning (eq. 2); required. */
  binning: Binning;
  /** Numbers of neighbours (default 1 … 5). */
  ks?: number[];
  /** Metrics (default Euclidean = Minkowski p = 2, Manhattan, Chebyshev). */
  metrics?: Metric[];
  /** Numbers of PCA components (default 1 … min(8, M)). */
  components?: number[];
  /** Weightings (default uniform and distance). */
  weights?: KnnWeights[];
  /** Fraction of events held out for scoring (default 0.2). */
  holdOutFraction?: number;
  /** Standardise features before the PCA (default false). */
  scale?: boolean;
  /** Explicit hold-out event indices (overrides the random split; support keeps the input order). */
  holdOut?: ArrayLike<number>;
  /** Seed of the random split (default 0), or an {@link Rng}. */
  seed?: number | Rng;
}

/** One row of the score table. */
export interface KnnGridRow {
  /** Number of neighbours. */
  k: number;
  /** Distance metric. */
  metric: Metric;
  /** PCA components P. */
  nComponents: number;
  /** Weighting of eq. (1). */
  weights: KnnWeights;
  /** MSE between true and predicted hold-out histograms (events²). */
  mse: number;
}

/** Result of {@link knnGridSearch}. */
export interface KnnGridResult {
  /** All grid points, ascending by MSE (ties: grid order). */
  rows: KnnGridRow[];
  /** The row of smallest MSE. */
  best: KnnGridRow;
  /** Events in the support set. */
  nSupport: number;
  /** Events in the hold-out set. */
  nHoldOut: number;
}

/**
 * Runs the grid search on feature columns and the target column (e.g. M_ℓℓνν in GeV).
 *
 * @throws HepInputError for unequal lengths, non-finite values, a hold-out fraction outside (0, 1),
 *   k larger than the support set, or P larger than the number of features.
 */
export function knnGridSearch(
  features: readonly ArrayLike<number>[],
  target: ArrayLike<number>,
  options: KnnGridOptions,
): KnnGridResult {
  const n = assertColumns('features', features as unknown as Record<string, ArrayLike<number>>);
  assertFiniteArray('target', target);
  if (target.length !== n)
    throw new HepInputError('target', `length ${target.length} differs from features (${n})`);
  const ks = options.ks ?? [1, 2, 3, 4, 5];
  const metrics = options.metrics ?? ['euclidean', 'manhattan', 'chebyshev'];
  const components =
    options.components ?? Array.from({ length: Math.min(8, features.length) }, (_, i) => i + 1);
  const weightings = options.weights ?? ['uniform', 'distance'];
  const f = options.holdOutFraction ?? 0.2;
  if (!(f > 0 && f < 1)) throw new HepInputError('options.holdOutFraction', `must be in (0, 1), got ${f}`);
  for (const [i, k] of ks.entries()) assertInteger(`options.ks[${i}]`, k, 1);
  for (const [i, p] of components.entries()) {
    assertInteger(`options.components[${i}]`, p, 1);
    if (p > features.length)
      throw new HepInputError(`options.components[${i}]`, `P = ${p} exceeds ${features.length} features`);
  }
  const { perm, nHold } = holdOutSplit(n, f, options);
  const nSupport = n - nHold;
  const kMax = Math.max(...ks);
  if (nHold < 1 || kMax > nSupport) {
    throw new HepInputError('features', `${n} events are too few for a ${f} hold-out and k = ${kMax}`);
  }
  const pick = (col: ArrayLike<number>, from: number, to: number) =>
    Float64Array.from({ length: to - from }, (_, i) => col[perm[from + i]!]!);
  const holdX = features.map((c) => pick(c, 0, nHold));
  const suppX = features.map((c) => pick(c, nHold, n));
  const binning = options.binning;
  const suppBins = binning.binIndices(pick(target, nHold, n));
  const trueHist = binning.histogram(pick(target, 0, nHold));
  const pca = Pca.fit(suppX, { scale: options.scale ?? false });
  const index = new Int32Array(nHold * kMax);
  const dist = new Float64Array(nHold * kMax);
  const predHist = new Float64Array(binning.nBins);
  const rows: KnnGridRow[] = [];
  for (const p of components) {
    const tree = KdTree.build(pca.transformRows(suppX, p), p);
    const queries = pca.transformRows(holdX, p);
    for (const metric of metrics) {
      tree.knnBatch(queries, kMax, index, dist, metric);
      for (const k of ks) {
        for (const weights of weightings) {
          predHist.fill(0);
          for (let i = 0; i < nHold; i++) {
            const b = Math.round(neighbourMean(suppBins, index, dist, i * kMax, k, weights));
            predHist[b]! += 1;
          }
          let mse = 0;
          for (let b = 0; b < binning.nBins; b++) mse += (trueHist[b]! - predHist[b]!) ** 2;
          rows.push({ k, metric, nComponents: p, weights, mse: mse / binning.nBins });
        }
      }
    }
  }
  const sorted = rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.mse - b.r.mse || a.i - b.i)
    .map((x) => x.r);
  return { rows: sorted, best: sorted[0]!, nSupport, nHoldOut: nHold };
}

/** Hold-out indices first, then the support indices: explicit (`options.holdOut`) or a seeded random split. */
function holdOutSplit(n: number, f: number, options: KnnGridOptions): { perm: Uint32Array; nHold: number } {
  if (options.holdOut) {
    const held = new Uint8Array(n);
    const perm = new Uint32Array(n);
    const h = options.holdOut;
    for (let i = 0; i < h.length; i++) {
      const v = h[i]!;
      if (!Number.isInteger(v) || v < 0 || v >= n || held[v]) {
        throw new HepInputError('options.holdOut', `must hold distinct event indices in [0, ${n})`, i);
      }
      held[v] = 1;
      perm[i] = v;
    }
    let o = h.length;
    for (let i = 0; i < n; i++) if (!held[i]) perm[o++] = i;
    return { perm, nHold: h.length };
  }
  const rng = options.seed instanceof Rng ? options.seed : new Rng(options.seed ?? 0);
  return { perm: rng.permutation(n), nHold: Math.round(f * n) };
}
