/**
 * Higgsness (Kim, Kong, Matchev, Park 2019, arXiv:1807.11498; paper 003 eq. 5; FORMULAS.md §7):
 * the MINIMUM over the two neutrino momenta (massless, ν₁T + ν₂T = p⃗T^miss: 4 free parameters)
 * and over both lepton–W assignments of the h → WW* → ℓνℓ′ν′ χ² of `chi2.ts`. Global minimum by
 * deterministic multi-start damped Newton (`minimise.ts`). Units: GeV.
 *
 * @module
 */
import type { FourVector, FourVectorColumns, MissingPt, MissingPtColumns } from '../types.js';
import { isScalar } from '../types.js';
import {
  checkFourVector,
  checkFourVectorColumns,
  checkMissingPt,
  checkMissingPtColumns,
} from '../validate.js';
import { type HiggsnessOptions, higgsnessConstants, setHiggsnessProblem } from './chi2.js';
import { Minimiser, type MinimiserOptions } from './minimise.js';
import {
  allocateFitColumns,
  fitResult,
  type NeutrinoFitColumns,
  type NeutrinoFitResult,
  storeFit,
} from './neutrinoFit.js';
import { NeutrinoProblem } from './neutrinoProblem.js';

/** Options of {@link higgsness}: the χ² constants and form, and the minimiser settings. */
export interface HiggsnessFitOptions extends HiggsnessOptions, MinimiserOptions {}

/** Longitudinal scale of the start table: mean |p_z| of the leptons plus |MET| (GeV). */
function scaleZ(az: number, bz: number, mx: number, my: number): number {
  return 0.5 * (Math.abs(az) + Math.abs(bz)) + Math.sqrt(mx * mx + my * my) + 10;
}

/**
 * Higgsness H = min over ν₁, ν₂ and over the two lepton–W assignments (lep1 on-shell, or lep2
 * on-shell) of the χ² of {@link higgsnessChi2} (default: the published form with tth-htt's
 * constants; `form: 'simplified'` is paper 003 eq. 5). `value` is floored at `floor` (default
 * 1e-8: an exact kinematic solution); users plot log₁₀(value). `assignment` 1 means lep2 was
 * on-shell; `nu1`/`nu2` are the neutrinos paired with lep1/lep2.
 *
 * Columns in → `{ value: Float64Array, status: Uint8Array (0 converged, 1 failed), assignment,
 * nu1, nu2 }` out. Inputs are validated (HepInputError naming argument and event index).
 *
 * @example
 * ```ts
 * const h = higgsness(lep1, lep2, { px: 35.2, py: -39.7 });
 * console.log(Math.log10(h.value), h.status, h.nu1);
 * const cols = higgsness(lep1Cols, lep2Cols, metCols, { form: 'massDifference' });
 * ```
 */
export function higgsness(
  lep1: FourVector,
  lep2: FourVector,
  met: MissingPt,
  options?: HiggsnessFitOptions,
): NeutrinoFitResult;
export function higgsness(
  lep1: FourVectorColumns,
  lep2: FourVectorColumns,
  met: MissingPtColumns,
  options?: HiggsnessFitOptions,
): NeutrinoFitColumns;
export function higgsness(
  lep1: FourVector | FourVectorColumns,
  lep2: FourVector | FourVectorColumns,
  met: MissingPt | MissingPtColumns,
  options?: HiggsnessFitOptions,
): NeutrinoFitResult | NeutrinoFitColumns {
  const c = higgsnessConstants(options);
  const mini = new Minimiser(options);
  const probs = [new NeutrinoProblem(), new NeutrinoProblem()];
  const p0 = probs[0] as NeutrinoProblem;
  const p1 = probs[1] as NeutrinoProblem;
  if (isScalar(lep1)) {
    const a = lep1;
    const b = lep2 as FourVector;
    const m = met as MissingPt;
    checkFourVector('lep1', a);
    checkFourVector('lep2', b);
    checkMissingPt('met', m);
    setHiggsnessProblem(p0, c, a.px, a.py, a.pz, a.E, b.px, b.py, b.pz, b.E, m.px, m.py);
    setHiggsnessProblem(p1, c, b.px, b.py, b.pz, b.E, a.px, a.py, a.pz, a.E, m.px, m.py);
    mini.run(probs, 2, scaleZ(a.pz, b.pz, m.px, m.py));
    return fitResult(mini, m.px, m.py);
  }
  const n = checkFourVectorColumns('lep1', lep1);
  const b = lep2 as FourVectorColumns;
  const m = met as MissingPtColumns;
  checkFourVectorColumns('lep2', b, n);
  checkMissingPtColumns('met', m, n);
  const out = allocateFitColumns(n);
  for (let i = 0; i < n; i++) {
    const ax = lep1.px[i] as number;
    const ay = lep1.py[i] as number;
    const az = lep1.pz[i] as number;
    const ae = lep1.E[i] as number;
    const bx = b.px[i] as number;
    const by = b.py[i] as number;
    const bz = b.pz[i] as number;
    const be = b.E[i] as number;
    const mx = m.px[i] as number;
    const my = m.py[i] as number;
    setHiggsnessProblem(p0, c, ax, ay, az, ae, bx, by, bz, be, mx, my);
    setHiggsnessProblem(p1, c, bx, by, bz, be, ax, ay, az, ae, mx, my);
    mini.run(probs, 2, scaleZ(az, bz, mx, my));
    storeFit(out, i, mini, mx, my);
  }
  return out;
}
