/**
 * "Nice" axis ticks: multiples of 1, 2, 2.5 or 5 × 10^k covering a range with about `target`
 * intervals (Heckbert, "Nice numbers for graph labels", Graphics Gems 1990; the steps matplotlib's
 * MaxNLocator also uses), and decade ticks for logarithmic axes.
 *
 * @module
 */
import { HepInputError } from '@hep/core';

const STEPS = [1, 2, 2.5, 5, 10];

/** Tick values in [lo, hi] at the smallest nice step giving at most `target` intervals. */
export function niceTicks(lo: number, hi: number, target = 5): number[] {
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo)) {
    throw new HepInputError('range', `needs finite lo < hi, got [${lo}, ${hi}]`);
  }
  const raw = (hi - lo) / target;
  const decade = 10 ** Math.floor(Math.log10(raw));
  const step = (STEPS.find((s) => s * decade >= raw * (1 - 1e-12)) ?? 10) * decade;
  const first = Math.ceil(lo / step - 1e-9);
  const last = Math.floor(hi / step + 1e-9);
  const ticks: number[] = [];
  // Rounded to the step's precision so that 0.1 + 0.2 prints as 0.3.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  for (let k = first; k <= last; k++) ticks.push(Number((k * step).toFixed(digits)));
  return ticks;
}

/** Decades 10^k inside [lo, hi] (lo > 0) for a logarithmic axis. */
export function decadeTicks(lo: number, hi: number): number[] {
  if (!(lo > 0 && hi > lo && Number.isFinite(hi))) {
    throw new HepInputError('range', `needs 0 < lo < hi for a log axis, got [${lo}, ${hi}]`);
  }
  const ticks: number[] = [];
  for (let k = Math.ceil(Math.log10(lo) - 1e-9); k <= Math.floor(Math.log10(hi) + 1e-9); k++)
    ticks.push(10 ** k);
  return ticks;
}
