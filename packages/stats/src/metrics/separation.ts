/**
 * Separation of a variable between signal and background (paper 002 eq. 3.2, the TMVA definition):
 * ⟨S²⟩ = ½ ∫ (p_S − p_B)² / (p_S + p_B) dy, here over bins of normalised histograms:
 * ½ Σ_b (s_b − b_b)² / (s_b + b_b) with s_b, b_b the fractions of each sample in bin b.
 * 0 for identical shapes, 1 for disjoint ones.
 *
 * @module
 */
import { assertNonNegativeArray, assertSameLength, HepInputError } from '@hep/core';

/** ⟨S²⟩ from binned (weighted) counts of signal and background in the same bins. */
export function separation(signalCounts: ArrayLike<number>, backgroundCounts: ArrayLike<number>): number {
  assertSameLength('signalCounts', signalCounts.length, 'backgroundCounts', backgroundCounts.length);
  assertNonNegativeArray('signalCounts', signalCounts);
  assertNonNegativeArray('backgroundCounts', backgroundCounts);
  let ts = 0;
  let tb = 0;
  for (let i = 0; i < signalCounts.length; i++) {
    ts += signalCounts[i] as number;
    tb += backgroundCounts[i] as number;
  }
  if (!(ts > 0)) throw new HepInputError('signalCounts', 'must have a positive sum');
  if (!(tb > 0)) throw new HepInputError('backgroundCounts', 'must have a positive sum');
  let sum = 0;
  for (let i = 0; i < signalCounts.length; i++) {
    const s = (signalCounts[i] as number) / ts;
    const b = (backgroundCounts[i] as number) / tb;
    if (s + b > 0) sum += ((s - b) * (s - b)) / (s + b);
  }
  return 0.5 * sum;
}

/** ⟨S²⟩ of two unbinned samples histogrammed on `nBins` equal bins over [lo, hi) (outside: dropped). */
export function separationFromSamples(
  signal: ArrayLike<number>,
  background: ArrayLike<number>,
  nBins: number,
  lo: number,
  hi: number,
): number {
  if (!(hi > lo)) throw new HepInputError('hi', `must exceed lo = ${lo}`);
  const fill = (name: string, x: ArrayLike<number>) => {
    const h = new Float64Array(nBins);
    for (let i = 0; i < x.length; i++) {
      const v = x[i] as number;
      if (Number.isNaN(v)) throw new HepInputError(name, 'must not be NaN', i);
      const b = Math.floor(((v - lo) / (hi - lo)) * nBins);
      if (b >= 0 && b < nBins) h[b]! += 1;
    }
    return h;
  };
  return separation(fill('signal', signal), fill('background', background));
}
