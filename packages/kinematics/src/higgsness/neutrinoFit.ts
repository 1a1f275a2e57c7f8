/**
 * Result shapes shared by {@link higgsness} and {@link topness} (one event or columns), and the
 * conversion of the minimiser state into them. Units: GeV.
 *
 * @module
 */
import type { FourVector, FourVectorArrays } from '../types.js';
import { type Minimiser, MinimiserStatus } from './minimise.js';

/** Minimum of a two-neutrino χ² for one event. */
export interface NeutrinoFitResult {
  /** χ²_min over the neutrino momenta and the assignments, floored at `options.floor` (users plot log₁₀). */
  readonly value: number;
  /** `'converged'`, or `'failed'` (no start converged; `value` is then the best χ² seen, or NaN). */
  readonly status: 'converged' | 'failed';
  /** Which assignment gave the minimum: 0 = as passed, 1 = leptons swapped (see the function). */
  readonly assignment: 0 | 1;
  /** The neutrino paired with lep1 / with lep2 at the minimum (massless, GeV). */
  readonly nu1: FourVector;
  readonly nu2: FourVector;
  /** Work done: Newton iterations summed over all starts (plus simplex evaluations at cone tips). */
  readonly iterations: number;
}

/** Minima for columns of events; `status` holds {@link MinimiserStatus} codes (0 converged, 1 failed). */
export interface NeutrinoFitColumns {
  readonly value: Float64Array;
  readonly status: Uint8Array;
  readonly assignment: Uint8Array;
  readonly nu1: FourVectorArrays;
  readonly nu2: FourVectorArrays;
}

/** Allocates the output columns for `n` events. */
export function allocateFitColumns(n: number): NeutrinoFitColumns {
  const v = () => ({
    px: new Float64Array(n),
    py: new Float64Array(n),
    pz: new Float64Array(n),
    E: new Float64Array(n),
  });
  return {
    value: new Float64Array(n),
    status: new Uint8Array(n),
    assignment: new Uint8Array(n),
    nu1: v(),
    nu2: v(),
  };
}

/** Neutrino components at the minimum, ordered (ν of lep1, ν of lep2): [px1, py1, pz1, px2, py2, pz2]. */
function neutrinos(mini: Minimiser, metx: number, mety: number, out: Float64Array): void {
  const x = mini.x;
  const swap = mini.best === 1;
  const o1 = swap ? 3 : 0;
  const o2 = swap ? 0 : 3;
  out[o1] = x[0] as number;
  out[o1 + 1] = x[1] as number;
  out[o1 + 2] = x[2] as number;
  out[o2] = metx - (x[0] as number);
  out[o2 + 1] = mety - (x[1] as number);
  out[o2 + 2] = x[3] as number;
}

const scratch = new Float64Array(6);

/** Copies the minimiser's result for event `i` into the columns. */
export function storeFit(
  out: NeutrinoFitColumns,
  i: number,
  mini: Minimiser,
  metx: number,
  mety: number,
): void {
  out.value[i] = mini.chi2;
  out.status[i] = mini.status;
  out.assignment[i] = mini.best === 1 ? 1 : 0;
  neutrinos(mini, metx, mety, scratch);
  const s = scratch;
  out.nu1.px[i] = s[0] as number;
  out.nu1.py[i] = s[1] as number;
  out.nu1.pz[i] = s[2] as number;
  out.nu1.E[i] = Math.sqrt((s[0] as number) ** 2 + (s[1] as number) ** 2 + (s[2] as number) ** 2);
  out.nu2.px[i] = s[3] as number;
  out.nu2.py[i] = s[4] as number;
  out.nu2.pz[i] = s[5] as number;
  out.nu2.E[i] = Math.sqrt((s[3] as number) ** 2 + (s[4] as number) ** 2 + (s[5] as number) ** 2);
}

/** The minimiser's result for one event. */
export function fitResult(mini: Minimiser, metx: number, mety: number): NeutrinoFitResult {
  const cols = allocateFitColumns(1);
  storeFit(cols, 0, mini, metx, mety);
  const nu = (v: FourVectorArrays): FourVector => ({
    px: v.px[0] as number,
    py: v.py[0] as number,
    pz: v.pz[0] as number,
    E: v.E[0] as number,
  });
  return {
    value: mini.chi2,
    status: mini.status === MinimiserStatus.converged ? 'converged' : 'failed',
    assignment: mini.best === 1 ? 1 : 0,
    nu1: nu(cols.nu1),
    nu2: nu(cols.nu2),
    iterations: mini.iterations,
  };
}
