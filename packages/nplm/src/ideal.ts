/**
 * Ideal (known-signal) significance, paper 004 eq. (33) (FORMULAS.md §2):
 *
 *   q₀ = 2[−N_S + ∫ (N_S p_S + N_B p_B) ln(1 + N_S p_S/(N_B p_B)) dx],   Z_id = √q₀,
 *
 * and its binned form q₀ = 2 Σ_b [(S_b + B_b) ln(1 + S_b/B_b) − S_b].
 *
 * @module
 */
import { assertInteger, assertNonNegative, HepInputError } from '@hep/core';

/**
 * Integral form of eq. (33) by composite Simpson on [lo, hi] with `intervals` (even) panels.
 * pS, pB: normalised densities; nS, nB: expected counts. Points with pB = 0 are skipped.
 */
export function idealSignificance(
  pS: (x: number) => number,
  pB: (x: number) => number,
  nS: number,
  nB: number,
  range: { lo: number; hi: number; intervals?: number },
): number {
  assertNonNegative('nS', nS);
  assertNonNegative('nB', nB);
  const m = range.intervals ?? 200_000;
  assertInteger('range.intervals', m, 2);
  if (m % 2 !== 0) throw new HepInputError('range.intervals', 'must be even');
  if (!(range.hi > range.lo)) throw new HepInputError('range', 'needs hi > lo');
  const h = (range.hi - range.lo) / m;
  let sum = 0;
  for (let i = 0; i <= m; i++) {
    const x = range.lo + i * h;
    const s = nS * pS(x);
    const b = nB * pB(x);
    const v = b > 0 ? (s + b) * Math.log1p(s / b) : 0;
    sum += (i === 0 || i === m ? 1 : i % 2 === 1 ? 4 : 2) * v;
  }
  const q0 = 2 * (-nS + (sum * h) / 3);
  return Math.sqrt(Math.max(0, q0));
}

/** Binned form of eq. (33): Z = √(2 Σ_b [(S_b + B_b) ln(1 + S_b/B_b) − S_b]). */
export function idealSignificanceBinned(signal: ArrayLike<number>, background: ArrayLike<number>): number {
  if (signal.length !== background.length)
    throw new HepInputError('background', `has ${background.length} bins, signal has ${signal.length}`);
  let q0 = 0;
  for (let i = 0; i < signal.length; i++) {
    if (!((signal[i] as number) >= 0)) throw new HepInputError('signal', 'must be ≥ 0', i);
    if (!((background[i] as number) > 0)) throw new HepInputError('background', 'must be > 0', i);
    q0 +=
      ((signal[i] as number) + (background[i] as number)) *
        Math.log1p((signal[i] as number) / (background[i] as number)) -
      (signal[i] as number);
  }
  return Math.sqrt(Math.max(0, 2 * q0));
}
