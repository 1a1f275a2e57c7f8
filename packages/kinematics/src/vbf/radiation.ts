/**
 * Jagged-collection VBF variables of paper 002 §3: min Δφ(jet, MET) over the leading jets and
 * the radiation variables HT_ηC = Σ_{|η| < ηC} E_T (eq. 3.1). Units: GeV, radians.
 *
 * @module
 */
import type { ColumnLike, Jagged } from '@hep/core';
import { HepInputError } from '@hep/core';
import { deltaPhiOf } from '../lorentz/pairs.js';
import type { MissingPtColumns } from '../types.js';
import { checkMissingPtColumns } from '../validate.js';

/** Paper 002's 16 η_C values, uniform in [1, 5] as printed in its §3. */
export const PAPER002_ETA_C: readonly number[] = [
  1, 1.27, 1.53, 1.8, 2.07, 2.33, 2.6, 2.87, 3.13, 3.4, 3.67, 3.93, 4.2, 4.47, 4.73, 5,
];

/** Per-object transverse columns of a jagged jet collection (GeV, radians). */
export interface JetColumns {
  readonly px: ColumnLike;
  readonly py: ColumnLike;
  /** Pseudorapidity η of each jet. */
  readonly eta: ColumnLike;
}

function checkOffsets(name: string, offsets: ArrayLike<number>, contentLength: number): number {
  const nEvents = offsets.length - 1;
  if (nEvents < 0 || offsets[0] !== 0) throw new HepInputError(`${name}.offsets`, 'must start with 0');
  for (let i = 0; i < nEvents; i++) {
    if (!((offsets[i + 1] as number) >= (offsets[i] as number)) || !Number.isInteger(offsets[i + 1])) {
      throw new HepInputError(`${name}.offsets`, 'must be non-decreasing integers', i + 1);
    }
  }
  if (offsets[nEvents] !== contentLength) {
    throw new HepInputError(
      `${name}.offsets`,
      `last offset ${offsets[nEvents]} ≠ content length ${contentLength}`,
    );
  }
  return nEvents;
}

function checkFinite(name: string, col: ColumnLike): void {
  for (let i = 0; i < col.length; i++) {
    if (!Number.isFinite(col[i])) throw new HepInputError(name, `must be finite, got ${String(col[i])}`, i);
  }
}

/** Options of {@link minDeltaPhiJetMet}. */
export interface MinDeltaPhiOptions {
  /** Minimum jet pT (GeV); default 30 (paper 002). */
  readonly ptMin?: number;
  /** Maximum |η|; default 4.7 (paper 002). */
  readonly etaMax?: number;
  /** Number of leading selected jets considered; default 4. */
  readonly maxJets?: number;
}

/**
 * min over the first `maxJets` jets with pT > ptMin and |η| < etaMax of |Δφ(jet, MET)| (paper
 * 002: up to four leading jets, pT > 30 GeV, |η| < 4.7). Jets must be ordered by decreasing pT
 * within each event (as in NanoAOD). NaN for an event with no selected jet.
 */
export function minDeltaPhiJetMet(
  jets: Jagged<JetColumns>,
  met: MissingPtColumns,
  options?: MinDeltaPhiOptions,
): Float64Array {
  const ptMin = options?.ptMin ?? 30;
  const etaMax = options?.etaMax ?? 4.7;
  const maxJets = options?.maxJets ?? 4;
  const c = jets.content;
  const nObj = c.px.length;
  if (c.py.length !== nObj || c.eta.length !== nObj)
    throw new HepInputError('jets.content', 'columns differ in length');
  checkFinite('jets.content.px', c.px);
  checkFinite('jets.content.py', c.py);
  checkFinite('jets.content.eta', c.eta);
  const n = checkOffsets('jets', jets.offsets, nObj);
  checkMissingPtColumns('met', met, n);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let best = Number.NaN;
    let used = 0;
    const mx = met.px[i] as number;
    const my = met.py[i] as number;
    for (let k = jets.offsets[i] as number; k < (jets.offsets[i + 1] as number) && used < maxJets; k++) {
      const x = c.px[k] as number;
      const y = c.py[k] as number;
      if (!(Math.hypot(x, y) > ptMin) || !(Math.abs(c.eta[k] as number) < etaMax)) continue;
      used++;
      const d = Math.abs(deltaPhiOf(x, y, mx, my));
      if (!(d >= best)) best = d;
    }
    out[i] = best;
  }
  return out;
}

/** Calorimeter towers (or particles) of each event: transverse energy E_T (GeV) and η. */
export interface TowerColumns {
  readonly et: ColumnLike;
  readonly eta: ColumnLike;
}

/**
 * HT_ηC = Σ_{|η| < ηC} E_T per event for each ηC (paper 002 eq. 3.1); default ηC set
 * {@link PAPER002_ETA_C}. Returns one `Float64Array` (length nEvents) per ηC, in the given order.
 */
export function htEtaC(
  towers: Jagged<TowerColumns>,
  etaC: readonly number[] = PAPER002_ETA_C,
): Float64Array[] {
  const c = towers.content;
  if (c.eta.length !== c.et.length) throw new HepInputError('towers.content.eta', 'length differs from et');
  checkFinite('towers.content.et', c.et);
  checkFinite('towers.content.eta', c.eta);
  etaC.forEach((v, j) => {
    if (!(v > 0) || !Number.isFinite(v))
      throw new HepInputError('etaC', `must be finite and > 0, got ${v}`, j);
  });
  const n = checkOffsets('towers', towers.offsets, c.et.length);
  const out = etaC.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let k = towers.offsets[i] as number; k < (towers.offsets[i + 1] as number); k++) {
      const a = Math.abs(c.eta[k] as number);
      const et = c.et[k] as number;
      for (let j = 0; j < etaC.length; j++) {
        const col = out[j] as Float64Array;
        if (a < (etaC[j] as number)) col[i] = (col[i] as number) + et;
      }
    }
  }
  return out;
}
