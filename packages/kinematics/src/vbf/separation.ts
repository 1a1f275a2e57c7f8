/**
 * Separation of a variable between signal and background (paper 002 eq. 3.2, TMVA's definition):
 * ⟨S²⟩ = ½ ∫ (p_S − p_B)²/(p_S + p_B) dx, from binned samples: with per-bin probabilities
 * P = counts/Σcounts, ⟨S²⟩ = ½ Σ_bins (P_S − P_B)²/(P_S + P_B) ∈ [0, 1] (0 identical, 1 disjoint).
 *
 * @module
 */
import { assertNonNegativeArray, assertSameLength, HepInputError } from '@hep/core';

/** ⟨S²⟩ from two histograms with identical binning (counts or weights ≥ 0). Dimensionless. */
export function separation(signal: ArrayLike<number>, background: ArrayLike<number>): number {
  assertNonNegativeArray('signal', signal);
  assertNonNegativeArray('background', background);
  assertSameLength('signal', signal.length, 'background', background.length);
  let ss = 0;
  let sb = 0;
  for (let i = 0; i < signal.length; i++) {
    ss += signal[i] as number;
    sb += background[i] as number;
  }
  if (!(ss > 0)) throw new HepInputError('signal', 'total must be > 0');
  if (!(sb > 0)) throw new HepInputError('background', 'total must be > 0');
  let s2 = 0;
  for (let i = 0; i < signal.length; i++) {
    const ps = (signal[i] as number) / ss;
    const pb = (background[i] as number) / sb;
    if (ps + pb > 0) s2 += ((ps - pb) * (ps - pb)) / (ps + pb);
  }
  return 0.5 * s2;
}
