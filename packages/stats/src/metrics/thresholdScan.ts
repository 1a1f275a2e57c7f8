/**
 * Threshold scans that maximise a figure of merit (paper 000: the classifier cut p_cut over
 * [0.1, 0.99] per mass point, the m_vis < f·m_H cut over f ∈ [0.3, 1.0]).
 *
 * @module
 */
import { assertFiniteArray, assertNonEmpty, assertNonNegative, HepInputError } from '@hep/core';

/** One scanned point. */
export interface ScanPoint {
  threshold: number;
  figureOfMerit: number;
}

/** Result of {@link thresholdScan}: every point and the best one (highest figure of merit). */
export interface ThresholdScan {
  points: ScanPoint[];
  best: ScanPoint;
}

/**
 * Evaluates `figureOfMerit(threshold)` on every grid value and returns the maximum (non-finite
 * values are kept in the table but never chosen). For an expected limit, pass the negative limit.
 */
export function thresholdScan(
  grid: ArrayLike<number>,
  figureOfMerit: (threshold: number) => number,
): ThresholdScan {
  assertNonEmpty('grid', grid);
  assertFiniteArray('grid', grid);
  const points: ScanPoint[] = [];
  let best: ScanPoint | undefined;
  for (let i = 0; i < grid.length; i++) {
    const threshold = grid[i] as number;
    const p = { threshold, figureOfMerit: figureOfMerit(threshold) };
    points.push(p);
    if (Number.isFinite(p.figureOfMerit) && (best === undefined || p.figureOfMerit > best.figureOfMerit))
      best = p;
  }
  if (!best) throw new HepInputError('figureOfMerit', 'returned no finite value on the grid');
  return { points, best };
}

/** n equally spaced values from lo to hi inclusive (e.g. p_cut: linearGrid(0.1, 0.99, 90)). */
export function linearGrid(lo: number, hi: number, n: number): Float64Array {
  if (!(n >= 2) || !Number.isInteger(n)) throw new HepInputError('n', `must be an integer ≥ 2, got ${n}`);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = lo + ((hi - lo) * i) / (n - 1);
  return out;
}

/**
 * Significance with a relative background systematic (paper 003 eq. 9):
 * N_σ = S / √(B + (δ_B B)²), with S = ε_S N_S and B = Σ ε_i N_Bi the selected yields.
 */
export function significanceWithSystematic(
  signal: number,
  background: number,
  relativeSystematic: number,
): number {
  assertNonNegative('signal', signal);
  assertNonNegative('background', background);
  assertNonNegative('relativeSystematic', relativeSystematic);
  const variance = background + (relativeSystematic * background) ** 2;
  if (!(variance > 0)) throw new HepInputError('background', 'must be > 0');
  return signal / Math.sqrt(variance);
}
