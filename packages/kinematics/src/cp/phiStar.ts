/**
 * CP-sensitive acoplanarity angle φ* of τ⁺τ⁻ → ρ⁺ρ⁻ → π⁺π⁰ π⁻π⁰ (ρ decay-plane method;
 * Berge, Bernreuther et al.; paper 001 eqs. 2–6; FORMULAS.md §5). Steps, per event:
 * 1. boost π⁺, π⁰₊, π⁻, π⁰₋ into the zero-momentum frame of all four pions (`frame: 'visible'`,
 *    paper 001, default) or of π⁺π⁻ only (`frame: 'pipi'`, older literature);
 * 2. λ⊥± = p⃗(π⁰±) − (p⃗(π⁰±)·p̂(π±)) p̂(π±), normalised;
 * 3. φ = arccos(λ̂⊥⁺·λ̂⊥⁻) ∈ [0, π];
 * 4. O* = p̂(π⁻)·(λ̂⊥⁺ × λ̂⊥⁻); φ′ = φ if O* ≥ 0 else 2π − φ;
 * 5. Υ± = (E_π± − E_π⁰±)/(E_π± + E_π⁰±) (laboratory energies by default, `upsilonFrame: 'frame'`
 *    for energies in the frame of step 1); φ* = φ′ if Υ⁺Υ⁻ ≥ 0, else (φ′ + π) mod 2π.
 * With this convention CP-even H gives dN/dφ* ∝ c − a cos φ* (= a cos(φ* + π) + c) and CP-odd A
 * gives c + a cos φ*, a/c ≈ 0.21 before cuts. Angles in radians, φ* ∈ [0, 2π).
 * λ⊥ = 0 (π⁰ collinear with π±) gives NaN angles (package NaN policy).
 *
 * @module
 */
import { HepInputError } from '@hep/core';
import { boostInto } from '../lorentz/transforms.js';
import type { FourVector, FourVectorColumns } from '../types.js';
import { isScalar } from '../types.js';
import { checkFourVector, checkFourVectorColumns } from '../validate.js';

/** The four pions of a ρ⁺ρ⁻ event (GeV). */
export interface RhoRhoPions<V> {
  readonly piPlus: V;
  readonly pi0Plus: V;
  readonly piMinus: V;
  readonly pi0Minus: V;
}

/** Options of {@link phiStar}. */
export interface PhiStarOptions {
  /** Frame of steps 1–4: `'visible'` (π⁺π⁰π⁻π⁰ ZMF, default) or `'pipi'` (π⁺π⁻ ZMF). */
  readonly frame?: 'visible' | 'pipi';
  /** Frame of the energies in Υ±: `'lab'` (default) or `'frame'` (the frame of step 1). */
  readonly upsilonFrame?: 'lab' | 'frame';
}

/** Result for one event (radians; Υ± dimensionless). */
export interface PhiStarResult {
  /** φ* ∈ [0, 2π) after the Υ⁺Υ⁻ shift. */
  readonly phiStar: number;
  /** φ = arccos(λ̂⊥⁺·λ̂⊥⁻) ∈ [0, π]. */
  readonly phi: number;
  /** O* = p̂(π⁻)·(λ̂⊥⁺ × λ̂⊥⁻). */
  readonly oStar: number;
  /** φ′ ∈ [0, 2π): φ or 2π − φ by the sign of O*. */
  readonly phiPrime: number;
  /** Υ⁺ = (E_π⁺ − E_π⁰₊)/(E_π⁺ + E_π⁰₊). */
  readonly upsilonPlus: number;
  /** Υ⁻ = (E_π⁻ − E_π⁰₋)/(E_π⁻ + E_π⁰₋). */
  readonly upsilonMinus: number;
}

/** Result for columns: every field a `Float64Array`. */
export type PhiStarColumns = { readonly [K in keyof PhiStarResult]: Float64Array };

const TWO_PI = 2 * Math.PI;
/** Scratch: boosted pions [π⁺, π⁰₊, π⁻, π⁰₋] × (px, py, pz, E). */
const work = new Float64Array(16);
const tmp = new Float64Array(4);
/** Kernel output [phiStar, phi, oStar, phiPrime, upsilonPlus, upsilonMinus]. */
const res = new Float64Array(6);

/** Computes one event from 16 lab components (order π⁺, π⁰₊, π⁻, π⁰₋; each px, py, pz, E) into `res`. */
function kernel(lab: Float64Array, pipiFrame: boolean, upsilonInFrame: boolean): void {
  let sx = lab[0]! + lab[8]!;
  let sy = lab[1]! + lab[9]!;
  let sz = lab[2]! + lab[10]!;
  let se = lab[3]! + lab[11]!;
  if (!pipiFrame) {
    sx += lab[4]! + lab[12]!;
    sy += lab[5]! + lab[13]!;
    sz += lab[6]! + lab[14]!;
    se += lab[7]! + lab[15]!;
  }
  const m = Math.sqrt((se - sz) * (se + sz) - sx * sx - sy * sy);
  const g = se / m;
  for (let k = 0; k < 16; k += 4) {
    boostInto(tmp, lab[k]!, lab[k + 1]!, lab[k + 2]!, lab[k + 3]!, -sx / se, -sy / se, -sz / se, g);
    work[k] = tmp[0]!;
    work[k + 1] = tmp[1]!;
    work[k + 2] = tmp[2]!;
    work[k + 3] = tmp[3]!;
  }
  // λ⊥ for each side: side + (offset 0) and side − (offset 8).
  let lpx = 0;
  let lpy = 0;
  let lpz = 0;
  let lmx = 0;
  let lmy = 0;
  let lmz = 0;
  let nmx = 0;
  let nmy = 0;
  let nmz = 0;
  for (let side = 0; side < 2; side++) {
    const o = side * 8;
    const cx = work[o]!;
    const cy = work[o + 1]!;
    const cz = work[o + 2]!;
    const cn = Math.hypot(cx, cy, cz);
    const ux = cx / cn;
    const uy = cy / cn;
    const uz = cz / cn;
    const nx = work[o + 4]!;
    const ny = work[o + 5]!;
    const nz = work[o + 6]!;
    const along = nx * ux + ny * uy + nz * uz;
    let lx = nx - along * ux;
    let ly = ny - along * uy;
    let lz = nz - along * uz;
    const ln = Math.hypot(lx, ly, lz);
    lx /= ln;
    ly /= ln;
    lz /= ln;
    if (side === 0) {
      lpx = lx;
      lpy = ly;
      lpz = lz;
    } else {
      lmx = lx;
      lmy = ly;
      lmz = lz;
      nmx = ux;
      nmy = uy;
      nmz = uz;
    }
  }
  const cosPhi = Math.min(1, Math.max(-1, lpx * lmx + lpy * lmy + lpz * lmz));
  const phi = Math.acos(cosPhi);
  const oStar = nmx * (lpy * lmz - lpz * lmy) + nmy * (lpz * lmx - lpx * lmz) + nmz * (lpx * lmy - lpy * lmx);
  const phiPrime = oStar >= 0 ? phi : TWO_PI - phi;
  const src = upsilonInFrame ? work : lab;
  const yPlus = (src[3]! - src[7]!) / (src[3]! + src[7]!);
  const yMinus = (src[11]! - src[15]!) / (src[11]! + src[15]!);
  let phiStar = phiPrime;
  if (yPlus * yMinus < 0) {
    phiStar = phiPrime + Math.PI;
    if (phiStar >= TWO_PI) phiStar -= TWO_PI;
  }
  if (Number.isNaN(oStar)) phiStar = Number.NaN;
  res[0] = phiStar;
  res[1] = phi;
  res[2] = oStar;
  res[3] = phiPrime;
  res[4] = yPlus;
  res[5] = yMinus;
}

function parseOptions(options: PhiStarOptions | undefined): [boolean, boolean] {
  const frame = options?.frame ?? 'visible';
  const yf = options?.upsilonFrame ?? 'lab';
  if (frame !== 'visible' && frame !== 'pipi') {
    throw new HepInputError('options.frame', `must be 'visible' or 'pipi', got ${String(frame)}`);
  }
  if (yf !== 'lab' && yf !== 'frame') {
    throw new HepInputError('options.upsilonFrame', `must be 'lab' or 'frame', got ${String(yf)}`);
  }
  return [frame === 'pipi', yf === 'frame'];
}

const NAMES = ['piPlus', 'pi0Plus', 'piMinus', 'pi0Minus'] as const;

/**
 * φ* of the ρ decay-plane method for τ⁺ → π⁺π⁰ν̄, τ⁻ → π⁻π⁰ν (see module doc for the exact
 * construction and sign convention). One event → numbers; columns → `Float64Array`s.
 *
 * @example
 * ```ts
 * const { phiStar: angle } = phiStar({ piPlus, pi0Plus, piMinus, pi0Minus });
 * ```
 */
export function phiStar(pions: RhoRhoPions<FourVector>, options?: PhiStarOptions): PhiStarResult;
export function phiStar(pions: RhoRhoPions<FourVectorColumns>, options?: PhiStarOptions): PhiStarColumns;
export function phiStar(
  pions: RhoRhoPions<FourVector> | RhoRhoPions<FourVectorColumns>,
  options?: PhiStarOptions,
): PhiStarResult | PhiStarColumns {
  const [pipi, yFrame] = parseOptions(options);
  if (pions === null || typeof pions !== 'object')
    throw new HepInputError('pions', 'must be {piPlus, pi0Plus, piMinus, pi0Minus}');
  const lab = new Float64Array(16);
  if (isScalar(pions.piPlus)) {
    const ps = pions as RhoRhoPions<FourVector>;
    NAMES.forEach((name, k) => {
      const v = ps[name];
      checkFourVector(`pions.${name}`, v);
      lab[4 * k] = v.px;
      lab[4 * k + 1] = v.py;
      lab[4 * k + 2] = v.pz;
      lab[4 * k + 3] = v.E;
    });
    kernel(lab, pipi, yFrame);
    return {
      phiStar: res[0]!,
      phi: res[1]!,
      oStar: res[2]!,
      phiPrime: res[3]!,
      upsilonPlus: res[4]!,
      upsilonMinus: res[5]!,
    };
  }
  const pc = pions as RhoRhoPions<FourVectorColumns>;
  const n = checkFourVectorColumns('pions.piPlus', pc.piPlus);
  for (const name of NAMES) checkFourVectorColumns(`pions.${name}`, pc[name], n);
  const out = {
    phiStar: new Float64Array(n),
    phi: new Float64Array(n),
    oStar: new Float64Array(n),
    phiPrime: new Float64Array(n),
    upsilonPlus: new Float64Array(n),
    upsilonMinus: new Float64Array(n),
  };
  const cols = NAMES.map((name) => pc[name]);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < 4; k++) {
      const c = cols[k]!;
      lab[4 * k] = c.px[i] as number;
      lab[4 * k + 1] = c.py[i] as number;
      lab[4 * k + 2] = c.pz[i] as number;
      lab[4 * k + 3] = c.E[i] as number;
    }
    kernel(lab, pipi, yFrame);
    out.phiStar[i] = res[0]!;
    out.phi[i] = res[1]!;
    out.oStar[i] = res[2]!;
    out.phiPrime[i] = res[3]!;
    out.upsilonPlus[i] = res[4]!;
    out.upsilonMinus[i] = res[5]!;
  }
  return out;
}
