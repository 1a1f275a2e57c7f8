/**
 * Topness (Kim, Kong, Matchev, Park 2019, arXiv:1807.11498; FORMULAS.md §7): the MINIMUM over the
 * two neutrino momenta (massless, ν₁T + ν₂T = p⃗T^miss: 4 free parameters) and over both b–ℓ
 * pairings of the tt̄ → bℓν b̄ℓ′ν′ χ² of `chi2.ts`. Global minimum by deterministic multi-start
 * damped Newton (`minimise.ts`). Units: GeV.
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
import { setTopnessProblem, type TopnessOptions, topnessConstants } from './chi2.js';
import { Minimiser, type MinimiserOptions } from './minimise.js';
import {
  allocateFitColumns,
  fitResult,
  type NeutrinoFitColumns,
  type NeutrinoFitResult,
  storeFit,
} from './neutrinoFit.js';
import { NeutrinoProblem } from './neutrinoProblem.js';

/** Options of {@link topness}: the χ² constants and form, and the minimiser settings. */
export interface TopnessFitOptions extends TopnessOptions, MinimiserOptions {}

interface MutableP4 {
  px: number;
  py: number;
  pz: number;
  E: number;
}

function scaleZ(
  l1: FourVector,
  b1: FourVector,
  l2: FourVector,
  b2: FourVector,
  mx: number,
  my: number,
): number {
  return 0.5 * (Math.abs(l1.pz + b1.pz) + Math.abs(l2.pz + b2.pz)) + Math.sqrt(mx * mx + my * my) + 10;
}

function run(
  mini: Minimiser,
  probs: NeutrinoProblem[],
  c: ReturnType<typeof topnessConstants>,
  l1: FourVector,
  b1: FourVector,
  l2: FourVector,
  b2: FourVector,
  mx: number,
  my: number,
): void {
  setTopnessProblem(probs[0] as NeutrinoProblem, c, l1, b1, l2, b2, mx, my);
  setTopnessProblem(probs[1] as NeutrinoProblem, c, l2, b1, l1, b2, mx, my);
  mini.run(probs, 2, scaleZ(l1, b1, l2, b2, mx, my));
}

/**
 * Topness T = min over ν₁, ν₂ and over the two pairings {(lep1, b1), (lep2, b2)} and
 * {(lep2, b1), (lep1, b2)} of the χ² of {@link topnessChi2} (default: the published form,
 * m_t = 173.1, m_W = 80.379, σ_t = σ_W = 5 GeV). `value` is floored at `floor` (default 1e-8);
 * users plot log₁₀(value). `assignment` 1 means the swapped pairing; `nu1`/`nu2` are the
 * neutrinos paired with lep1/lep2.
 *
 * Columns in → `{ value: Float64Array, status: Uint8Array (0 converged, 1 failed), assignment,
 * nu1, nu2 }` out.
 *
 * @example
 * ```ts
 * const t = topness(lep1, b1, lep2, b2, { px: 35.2, py: -39.7 });
 * console.log(Math.log10(t.value), t.status);
 * ```
 */
export function topness(
  lep1: FourVector,
  b1: FourVector,
  lep2: FourVector,
  b2: FourVector,
  met: MissingPt,
  options?: TopnessFitOptions,
): NeutrinoFitResult;
export function topness(
  lep1: FourVectorColumns,
  b1: FourVectorColumns,
  lep2: FourVectorColumns,
  b2: FourVectorColumns,
  met: MissingPtColumns,
  options?: TopnessFitOptions,
): NeutrinoFitColumns;
export function topness(
  lep1: FourVector | FourVectorColumns,
  b1: FourVector | FourVectorColumns,
  lep2: FourVector | FourVectorColumns,
  b2: FourVector | FourVectorColumns,
  met: MissingPt | MissingPtColumns,
  options?: TopnessFitOptions,
): NeutrinoFitResult | NeutrinoFitColumns {
  const c = topnessConstants(options);
  const mini = new Minimiser(options);
  const probs = [new NeutrinoProblem(), new NeutrinoProblem()];
  if (isScalar(lep1)) {
    const m = met as MissingPt;
    checkFourVector('lep1', lep1);
    checkFourVector('b1', b1 as FourVector);
    checkFourVector('lep2', lep2 as FourVector);
    checkFourVector('b2', b2 as FourVector);
    checkMissingPt('met', m);
    run(mini, probs, c, lep1, b1 as FourVector, lep2 as FourVector, b2 as FourVector, m.px, m.py);
    return fitResult(mini, m.px, m.py);
  }
  const cols = [lep1, b1, lep2, b2] as FourVectorColumns[];
  const names = ['lep1', 'b1', 'lep2', 'b2'];
  const n = checkFourVectorColumns('lep1', lep1);
  for (let k = 1; k < 4; k++) checkFourVectorColumns(names[k] as string, cols[k] as FourVectorColumns, n);
  const m = met as MissingPtColumns;
  checkMissingPtColumns('met', m, n);
  const out = allocateFitColumns(n);
  // One reusable object per input (no allocation per event).
  const v: MutableP4[] = cols.map(() => ({ px: 0, py: 0, pz: 0, E: 0 }));
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < 4; k++) {
      const src = cols[k] as FourVectorColumns;
      const dst = v[k] as MutableP4;
      dst.px = src.px[i] as number;
      dst.py = src.py[i] as number;
      dst.pz = src.pz[i] as number;
      dst.E = src.E[i] as number;
    }
    const mx = m.px[i] as number;
    const my = m.py[i] as number;
    run(mini, probs, c, v[0] as MutableP4, v[1] as MutableP4, v[2] as MutableP4, v[3] as MutableP4, mx, my);
    storeFit(out, i, mini, mx, my);
  }
  return out;
}
