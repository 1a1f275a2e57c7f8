/**
 * Seeded stratified splits and stratified resampling by a binned variable.
 *
 * @module
 */
import { HepInputError, type Rng } from '@hep/core';

/** Index sets of a train/validation/test split (sorted ascending). */
export interface SplitIndices {
  readonly train: Int32Array;
  readonly validation: Int32Array;
  readonly test: Int32Array;
}

function shuffle(a: number[], rng: Rng): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.uniformInt(i + 1);
    const t = a[i] as number;
    a[i] = a[j] as number;
    a[j] = t;
  }
}

/**
 * Stratified split: within each class (integer label) the events are shuffled with `rng` and cut
 * into round(f_val·n_c) validation, round(f_test·n_c) test and the rest training events, so every
 * part keeps the class fractions (paper 000 Table II: 80/20 stratified).
 */
export function stratifiedSplit(
  labels: ArrayLike<number>,
  fractions: { readonly validation: number; readonly test: number },
  rng: Rng,
): SplitIndices {
  const { validation: fv, test: ft } = fractions;
  if (!(fv >= 0 && ft >= 0 && fv + ft < 1)) {
    throw new HepInputError('fractions', `need validation, test ≥ 0 with sum < 1, got ${fv}, ${ft}`);
  }
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i] as number;
    if (!Number.isInteger(c))
      throw new HepInputError('labels', `class label must be an integer, got ${c}`, i);
    let list = byClass.get(c);
    if (!list) {
      list = [];
      byClass.set(c, list);
    }
    list.push(i);
  }
  const train: number[] = [];
  const validation: number[] = [];
  const test: number[] = [];
  for (const c of [...byClass.keys()].sort((a, b) => a - b)) {
    const idx = byClass.get(c) as number[];
    shuffle(idx, rng);
    const nv = Math.round(fv * idx.length);
    const nt = Math.round(ft * idx.length);
    validation.push(...idx.slice(0, nv));
    test.push(...idx.slice(nv, nv + nt));
    train.push(...idx.slice(nv + nt));
  }
  const sorted = (a: number[]) => Int32Array.from(a).sort();
  return { train: sorted(train), validation: sorted(validation), test: sorted(test) };
}

/**
 * Stratified resampling by a binned variable (paper 000 §III: signal drawn uniformly in 50 m_H
 * bins to match the background count): `total` events are drawn, ⌊total/B⌋ (+1 for the first
 * total mod B bins) from each of the B equal-width bins of `variable` on [lo, hi), without
 * replacement while a bin has enough events and with replacement beyond. Events outside [lo, hi)
 * are never drawn. Returns the drawn indices.
 */
export function resampleUniformInBins(
  variable: ArrayLike<number>,
  bins: { readonly count: number; readonly lo: number; readonly hi: number },
  total: number,
  rng: Rng,
): Int32Array {
  const { count, lo, hi } = bins;
  if (!Number.isSafeInteger(count) || count < 1)
    throw new HepInputError('bins.count', `must be a positive integer, got ${count}`);
  if (!(hi > lo)) throw new HepInputError('bins', `need hi > lo, got [${lo}, ${hi})`);
  if (!Number.isSafeInteger(total) || total < 0)
    throw new HepInputError('total', `must be a non-negative integer, got ${total}`);
  const members: number[][] = Array.from({ length: count }, () => []);
  for (let i = 0; i < variable.length; i++) {
    const v = variable[i] as number;
    if (!Number.isFinite(v)) throw new HepInputError('variable', `not finite: ${v}`, i);
    if (v < lo || v >= hi) continue;
    (members[Math.min(count - 1, Math.floor(((v - lo) / (hi - lo)) * count))] as number[]).push(i);
  }
  const out = new Int32Array(total);
  let k = 0;
  for (let b = 0; b < count; b++) {
    const want = Math.floor(total / count) + (b < total % count ? 1 : 0);
    const m = members[b] as number[];
    if (want > 0 && m.length === 0) throw new HepInputError('variable', `bin ${b} is empty`, b);
    shuffle(m, rng);
    for (let r = 0; r < want; r++)
      out[k++] = r < m.length ? (m[r] as number) : (m[rng.uniformInt(m.length)] as number);
  }
  return out;
}
