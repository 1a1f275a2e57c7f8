/**
 * Collinear mass for H → ℓτ with τ → ℓ′νν̄ (CMS H→μτ_e, arXiv:1911.10267; FORMULAS.md §6).
 * The neutrinos are taken collinear with the visible τ product ℓ′ (`lepFromTau`):
 *   x = pT(ℓ′) / (pT(ℓ′) + pT(ν)),  M_col = m_vis(ℓ, ℓ′)/√x,
 * with pT(ν) = |p⃗T^miss · p̂T(ℓ′)| (`'projection'`, the CMS analysts' code, default) or
 * pT(ν) = |p⃗T^miss| (`'met'`, paper 000's text). Units: GeV. x = NaN (hence mass NaN) when
 * pT(ℓ′) = 0.
 *
 * @module
 */
import { HepInputError } from '@hep/core';
import { mass2Of, signedSqrt } from '../lorentz/kernels.js';
import type { FourVector, FourVectorColumns, MissingPt, MissingPtColumns } from '../types.js';
import { isScalar } from '../types.js';
import { checkColumnLength, checkFourVector, checkMissingPt, throwIfInvalidAt } from '../validate.js';
import { collinearColumnsWasm } from './collinearKernel.js';
import type { createCollinearMassBuffers } from './collinearMassBuffers.js';

/** Options of {@link collinearMass}. */
export interface CollinearMassOptions {
  /**
   * Neutrino pT along the τ product: `'projection'` = |p⃗T^miss · p̂T(ℓ′)| (CMS default),
   * `'met'` = |p⃗T^miss| (paper 000's text variant).
   */
  readonly neutrinoPt?: 'projection' | 'met';
  /**
   * Columnar only: preallocated outputs of length n to write into (no allocation per call; the
   * fast path for chunked processing). The returned object holds these same arrays. Fastest
   * when they live in the WebAssembly kernel's memory, which then computes straight into them:
   * a previous call's result on ≥ 262 144 events, subarrays of it, or the `out` of
   * {@link createCollinearMassBuffers} (whose inputs are then read in place too). They must not
   * overlap each other or an input column.
   */
  readonly out?: CollinearMassColumns;
}

/** Result for one event: M_col (GeV) and the visible momentum fraction x of the τ. */
export interface CollinearMassResult {
  readonly mass: number;
  readonly x: number;
}

/** Result for columns. */
export interface CollinearMassColumns {
  readonly mass: Float64Array;
  readonly x: Float64Array;
}

/** Whether two typed arrays share bytes (the results would overwrite inputs not yet read). */
function overlaps(a: Float64Array, b: ArrayLike<number>): boolean {
  if (!ArrayBuffer.isView(b) || b.buffer !== a.buffer) return false;
  return a.byteOffset < b.byteOffset + b.byteLength && b.byteOffset < a.byteOffset + a.byteLength;
}

function mode(options: CollinearMassOptions | undefined): boolean {
  const m = options?.neutrinoPt ?? 'projection';
  if (m !== 'projection' && m !== 'met') {
    throw new HepInputError('options.neutrinoPt', `must be 'projection' or 'met', got ${String(m)}`);
  }
  return m === 'projection';
}

/**
 * Collinear mass M_col = m_vis/√x with x = pT(ℓ′)/(pT(ℓ′) + pT(ν)) (see module doc).
 * `lepPrompt` is the prompt lepton (μ in H→μτ_e), `lepFromTau` the τ decay product (e), `met`
 * the missing transverse momentum (GeV).
 *
 * @example
 * ```ts
 * const { mass, x } = collinearMass(mu, e, { px: 20, py: 5 });
 * const cols = collinearMass(muCols, eCols, metCols, { neutrinoPt: 'met' }); // Float64Arrays
 * ```
 */
export function collinearMass(
  lepPrompt: FourVector,
  lepFromTau: FourVector,
  met: MissingPt,
  options?: CollinearMassOptions,
): CollinearMassResult;
export function collinearMass(
  lepPrompt: FourVectorColumns,
  lepFromTau: FourVectorColumns,
  met: MissingPtColumns,
  options?: CollinearMassOptions,
): CollinearMassColumns;
export function collinearMass(
  lepPrompt: FourVector | FourVectorColumns,
  lepFromTau: FourVector | FourVectorColumns,
  met: MissingPt | MissingPtColumns,
  options?: CollinearMassOptions,
): CollinearMassResult | CollinearMassColumns {
  const projection = mode(options);
  if (isScalar(lepPrompt)) {
    const l = lepFromTau as FourVector;
    const m = met as MissingPt;
    checkFourVector('lepPrompt', lepPrompt);
    checkFourVector('lepFromTau', l);
    checkMissingPt('met', m);
    const ptl = Math.hypot(l.px, l.py);
    const ptnu = projection ? Math.abs(m.px * l.px + m.py * l.py) / ptl : Math.hypot(m.px, m.py);
    const x = ptl > 0 ? ptl / (ptl + ptnu) : Number.NaN;
    const mvis = signedSqrt(
      mass2Of(lepPrompt.px + l.px, lepPrompt.py + l.py, lepPrompt.pz + l.pz, lepPrompt.E + l.E),
    );
    return { mass: mvis / Math.sqrt(x), x };
  }
  // Fused validation: lengths up front, finiteness / E ≥ 0 inside the single pass over the data.
  if (lepPrompt === null || typeof lepPrompt !== 'object')
    throw new HepInputError('lepPrompt', 'must be {px, py, pz, E}');
  const n = lepPrompt.px?.length ?? -1;
  const l = lepFromTau as FourVectorColumns;
  const m = met as MissingPtColumns;
  if (l === null || typeof l !== 'object') throw new HepInputError('lepFromTau', 'must be {px, py, pz, E}');
  if (m === null || typeof m !== 'object') throw new HepInputError('met', 'must be {px, py}');
  const named = {
    'lepPrompt.px': lepPrompt.px,
    'lepPrompt.py': lepPrompt.py,
    'lepPrompt.pz': lepPrompt.pz,
    'lepPrompt.E': lepPrompt.E,
    'lepFromTau.px': l.px,
    'lepFromTau.py': l.py,
    'lepFromTau.pz': l.pz,
    'lepFromTau.E': l.E,
    'met.px': m.px,
    'met.py': m.py,
  };
  for (const [name, col] of Object.entries(named)) checkColumnLength(name, col, n);
  const out = options?.out;
  if (out !== undefined) {
    for (const [k, a] of [
      ['mass', out.mass],
      ['x', out.x],
    ] as const) {
      if (!(a instanceof Float64Array)) throw new HepInputError(`options.out.${k}`, 'must be a Float64Array');
      checkColumnLength(`options.out.${k}`, a, n);
      for (const [name, col] of Object.entries(k === 'mass' ? { ...named, 'options.out.x': out.x } : named)) {
        if (overlaps(a, col)) throw new HepInputError(`options.out.${k}`, `overlaps ${name}`);
      }
    }
  }
  const { px: apx, py: apy, pz: apz, E: aE } = lepPrompt;
  const { px: bpx, py: bpy, pz: bpz, E: bE } = l;
  const { px: mx, py: my } = m;
  const energies = ['lepPrompt.E', 'lepFromTau.E'];
  const checkEvent = (i: number): void => throwIfInvalidAt(named, energies, i);
  const columns = [apx, apy, apz, aE, bpx, bpy, bpz, bE, mx, my];
  const viaKernel = collinearColumnsWasm(columns, !projection, n, out, checkEvent);
  if (viaKernel !== null) return viaKernel;
  const mass = out?.mass ?? new Float64Array(n);
  const xs = out?.x ?? new Float64Array(n);
  // Fallback where WebAssembly is unavailable: the same operations in the same order (the kernel
  // in collinearKernel.wat mirrors this loop; results are bit-identical).
  // Squared forms, one √ per event: with pT(ν) = |p⃗T^miss·p⃗T(ℓ′)|/pT(ℓ′) (projection),
  // x = pT(ℓ′)²/(pT(ℓ′)² + |p⃗T^miss·p⃗T(ℓ′)|) and M² = m_vis²/x. M carries the sign of m_vis²
  // (signed mass convention). Validation is fused into the same pass.
  for (let i = 0; i < n; i++) {
    const ax = apx[i] as number;
    const ay = apy[i] as number;
    const az = apz[i] as number;
    const ae = aE[i] as number;
    const lx = bpx[i] as number;
    const ly = bpy[i] as number;
    const lz = bpz[i] as number;
    const le = bE[i] as number;
    const mxi = mx[i] as number;
    const myi = my[i] as number;
    const all = ax + ay + az + ae + lx + ly + lz + le + mxi + myi;
    if (!(all - all === 0) || ae < 0 || le < 0) throwIfInvalidAt(named, energies, i);
    const pt2 = lx * lx + ly * ly;
    // x = a/(a + b): a = pT(ℓ′)², b = |MET·p⃗T(ℓ′)| (projection) or a = pT(ℓ′), b = |MET|; one
    // division: q = 1/(a(a + b)), x = a²q, 1/x = (a + b)²q. Math.abs is branch-free.
    const a = projection ? pt2 : Math.sqrt(pt2);
    const den = a + (projection ? Math.abs(mxi * lx + myi * ly) : Math.sqrt(mxi * mxi + myi * myi));
    const q = 1 / (a * den);
    const x = a * a * q;
    const se = ae + le;
    const sz = az + lz;
    const sx = ax + lx;
    const sy = ay + ly;
    // 1/x = (a + b)²q; the added x − x (0, or NaN when pT(ℓ′) = 0) makes M NaN wherever x is
    const m2 = ((se - sz) * (se + sz) - sx * sx - sy * sy) * (den * den * q + (x - x));
    mass[i] = m2 < 0 ? -Math.sqrt(-m2) : Math.sqrt(m2);
    xs[i] = x;
  }
  return { mass, x: xs };
}
