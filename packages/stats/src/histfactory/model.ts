/**
 * A HistFactory probability model built from a pyhf workspace: parameter layout (pyhf order: sorted
 * by name), expected yields ν(θ), and twice the negative log-likelihood with its analytic gradient.
 *
 * −2 ln L(θ) = −2 Σ_b [n_b ln ν_b − ν_b − ln Γ(n_b + 1)] − 2 Σ_c ln p_c(a_c | θ)   (pyhf `twice_nll`)
 * with ν_b = Σ_samples (nom + Σ histosys Δ) × Π(normfactor, shapefactor, lumi, normsys, shapesys,
 * staterror), Gaussian constraints −2 ln N(a | θ, σ) and shapesys Poisson constraints
 * −2 ln Pois(a = τ | γτ), τ = (nom/σ)². FORMULAS.md §3.
 *
 * @module
 */

import { HepInputError } from '@hep/core';
import {
  code4Coefficients,
  type HistosysCode,
  histosysDelta,
  type NormsysCode,
  normsysFactor,
} from './interpolation.js';
import type { ModifierSpec, SampleSpec, WorkspaceSpec } from './workspace.js';

/** Interpolation settings; the default is pyhf's (normsys code4, histosys code4p). ROOT-compatible: code1 + code0. */
export interface ModifierSettings {
  normsys?: { interpcode: NormsysCode };
  histosys?: { interpcode: HistosysCode };
}

/** Options for {@link buildModel}. */
export interface ModelOptions {
  /** Measurement name (default: the first). */
  measurement?: string;
  modifierSettings?: ModifierSettings;
  /** Override the measurement's parameter of interest. */
  poi?: string;
}

/** One named parameter set (a scalar or one parameter per bin). */
export interface ParameterSet {
  name: string;
  /** Modifier type that created it (normsys and histosys may share a set; then 'normsys'). */
  type: ModifierSpec['type'];
  /** Index of its first component in the parameter vector. */
  offset: number;
  size: number;
  constraint: 'normal' | 'poisson' | null;
}

type MulKind = 0 | 1 | 2; // 0 scalar value, 1 per-bin value, 2 normsys
interface MulMod {
  kind: MulKind;
  par: number; // parameter index (per-bin: first bin)
  hi: number;
  lo: number;
  coef: Float64Array | null;
}
interface HistoMod {
  par: number;
  hi: Float64Array;
  lo: Float64Array;
}
interface SampleTerm {
  bin0: number; // global bin offset
  nbins: number;
  nominal: Float64Array;
  muls: MulMod[];
  histos: HistoMod[];
  /** Distinct parameters of the term ("slots"): first index and whether per-bin (index + bin). */
  slotPar: Int32Array;
  slotPerBin: Uint8Array;
  /** Slot of each mul and each histosys modifier. */
  mulSlot: Int32Array;
  histSlot: Int32Array;
}

/** Assigns the distinct parameter slots of a term (Hessian bookkeeping). */
function assignSlots(t: Omit<SampleTerm, 'slotPar' | 'slotPerBin' | 'mulSlot' | 'histSlot'>): SampleTerm {
  const slots = new Map<number, number>();
  const perBin: number[] = [];
  const slot = (par: number, pb: boolean): number => {
    let s = slots.get(par);
    if (s === undefined) {
      s = slots.size;
      slots.set(par, s);
      perBin.push(pb ? 1 : 0);
    }
    return s;
  };
  const mulSlot = Int32Array.from(t.muls, (m) => slot(m.par, m.kind === 1));
  const histSlot = Int32Array.from(t.histos, (h) => slot(h.par, false));
  return {
    ...t,
    slotPar: Int32Array.from(slots.keys()),
    slotPerBin: Uint8Array.from(perBin),
    mulSlot,
    histSlot,
  };
}

/** A compiled HistFactory model. Parameter vectors are `Float64Array` of length `nPars`. */
export interface HistFactoryModel {
  readonly channels: readonly { name: string; nbins: number; offset: number; samples: string[] }[];
  readonly parameters: readonly ParameterSet[];
  /** Component names: `name` for scalars, `name[i]` for per-bin sets. */
  readonly parameterNames: readonly string[];
  readonly nPars: number;
  readonly nBins: number;
  readonly poiIndex: number;
  readonly poiName: string;
  readonly inits: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** true where the parameter is fixed (measurement `fixed`, or shapesys/staterror bins without uncertainty). */
  readonly fixed: Uint8Array;
  /** Nominal auxiliary data, one entry per constrained component (see `constraintPar`). */
  readonly auxdata: Float64Array;
  /** Parameter index of each auxiliary datum. */
  readonly constraintPar: Int32Array;
  /** Gaussian σ (normal) or τ (poisson) of each auxiliary datum. */
  readonly constraintWidth: Float64Array;
  readonly constraintIsPoisson: Uint8Array;
  /** Observed main data in model order (channels sorted by name). */
  readonly observed: Float64Array;
  readonly settings: Required<ModifierSettings>;
  /** The workspace and options this model was built from (to rebuild it, e.g. in a worker thread). */
  readonly source: { readonly workspace: WorkspaceSpec; readonly options: ModelOptions };
  /** Expected main yields ν(θ) (events per bin, model order). */
  expectedMain(pars: Float64Array, out?: Float64Array): Float64Array;
  /** Auxiliary data expected at θ: θ for Gaussian constraints, γτ for shapesys (pyhf `expected_auxdata`). */
  expectedAux(pars: Float64Array): Float64Array;
  /** −2 ln L; `grad` (if given) receives the gradient. Infinity where some ν ≤ 0 with n > 0. */
  twiceNll(pars: Float64Array, main: Float64Array, aux: Float64Array, grad?: Float64Array): number;
  /**
   * Exact analytic Hessian of −2 ln L, written row-major into `out` (nPars × nPars):
   * 2 Σ_b [(1 − n_b/ν_b) ∂²ν_b/∂θ_i∂θ_j + (n_b/ν_b²) ∂ν_b/∂θ_i ∂ν_b/∂θ_j] plus the constraint terms
   * (2/σ² Gaussian, 2a/γ² Poisson). Optional: fits of models without it (e.g. wrappers) fall back to
   * finite differences of the gradient.
   */
  twiceNllHessian?(pars: Float64Array, main: Float64Array, aux: Float64Array, out: Float64Array): void;
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
/** ln Γ(x) for x > 0 (Lanczos g = 7, ~1e-15 relative). */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0] as number;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += (LANCZOS[i] as number) / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

const LN_2PI = Math.log(2 * Math.PI);

/**
 * Compiles a workspace into a model (pyhf `Workspace.model()`), resolving modifier parameter sets,
 * measurement settings (POI, bounds, inits, fixed, lumi auxdata/sigmas), constraint terms and
 * observed data. Throws `HepInputError` naming the JSON path on inconsistent input.
 */
export function buildModel(ws: WorkspaceSpec, options: ModelOptions = {}): HistFactoryModel {
  const meas =
    options.measurement === undefined
      ? ws.measurements[0]
      : ws.measurements.find((m) => m.name === options.measurement);
  if (meas === undefined)
    throw new HepInputError('measurement', `no measurement named ${options.measurement}`);
  const settings: Required<ModifierSettings> = {
    normsys: options.modifierSettings?.normsys ?? { interpcode: 'code4' },
    histosys: options.modifierSettings?.histosys ?? { interpcode: 'code4p' },
  };
  const chOrder = ws.channels.map((c, i) => ({ c, i })).sort((a, b) => (a.c.name < b.c.name ? -1 : 1));
  // Collect parameter sets.
  interface Pending {
    type: ModifierSpec['type'];
    size: number;
    path: string;
  }
  const sets = new Map<string, Pending>();
  const channels: { name: string; nbins: number; offset: number; samples: string[] }[] = [];
  let nBins = 0;
  for (const { c, i: ci } of chOrder) {
    const nb = (c.samples[0] as SampleSpec).data.length;
    const samples = c.samples.map((s, i) => ({ s, i })).sort((a, b) => (a.s.name < b.s.name ? -1 : 1));
    channels.push({ name: c.name, nbins: nb, offset: nBins, samples: samples.map((x) => x.s.name) });
    nBins += nb;
    for (const { s, i: si } of samples) {
      s.modifiers.forEach((m, mi) => {
        const path = `channels[${ci}].samples[${si}].modifiers[${mi}]`;
        const perBin = m.type === 'shapefactor' || m.type === 'shapesys' || m.type === 'staterror';
        const size = perBin ? nb : 1;
        const prev = sets.get(m.name);
        if (prev === undefined) sets.set(m.name, { type: m.type, size, path });
        else {
          const compatible =
            prev.type === m.type ||
            ((prev.type === 'normsys' || prev.type === 'histosys') &&
              (m.type === 'normsys' || m.type === 'histosys'));
          if (!compatible)
            throw new HepInputError(
              path,
              `modifier ${m.name} is ${m.type} but ${prev.path} uses it as ${prev.type}`,
            );
          if (prev.size !== size)
            throw new HepInputError(
              path,
              `modifier ${m.name} has ${size} bins but ${prev.path} has ${prev.size}`,
            );
          if (m.type === 'normsys') prev.type = 'normsys';
        }
      });
    }
  }
  const poiName = options.poi ?? meas.config.poi;
  if (!sets.has(poiName))
    throw new HepInputError('measurements[].config.poi', `POI ${poiName} is not a modifier`);
  const names = [...sets.keys()].sort();
  const parameters: ParameterSet[] = [];
  const parameterNames: string[] = [];
  let nPars = 0;
  for (const name of names) {
    const p = sets.get(name) as Pending;
    const constraint =
      p.type === 'shapesys'
        ? 'poisson'
        : p.type === 'normfactor' || p.type === 'shapefactor'
          ? null
          : 'normal';
    parameters.push({ name, type: p.type, offset: nPars, size: p.size, constraint });
    for (let k = 0; k < p.size; k++)
      parameterNames.push(
        p.size === 1 && p.type !== 'shapefactor' && p.type !== 'shapesys' && p.type !== 'staterror'
          ? name
          : `${name}[${k}]`,
      );
    nPars += p.size;
  }
  const setOf = new Map(parameters.map((p) => [p.name, p]));
  const inits = new Float64Array(nPars);
  const lower = new Float64Array(nPars);
  const upper = new Float64Array(nPars);
  const fixed = new Uint8Array(nPars);
  const sigma = new Float64Array(nPars).fill(1); // Gaussian widths / Poisson tau
  const aux0 = new Float64Array(nPars);
  const hasConstraint = new Uint8Array(nPars);
  for (const p of parameters) {
    for (let k = 0; k < p.size; k++) {
      const j = p.offset + k;
      if (p.type === 'normsys' || p.type === 'histosys') {
        inits[j] = 0;
        lower[j] = -5;
        upper[j] = 5;
        hasConstraint[j] = 1;
      } else if (p.type === 'shapesys' || p.type === 'staterror') {
        inits[j] = 1;
        lower[j] = 1e-10;
        upper[j] = 10;
      } else {
        inits[j] = 1;
        lower[j] = 0;
        upper[j] = 10;
      }
    }
  }
  // staterror: combine sigma over samples per bin; shapesys: tau per bin.
  const statSum = new Map<string, { nom: Float64Array; var: Float64Array }>();
  const shapeTau = new Map<string, Float64Array>();
  for (const { c } of chOrder) {
    for (const s of c.samples) {
      for (const m of s.modifiers) {
        if (m.type === 'staterror') {
          let acc = statSum.get(m.name);
          if (acc === undefined) {
            acc = { nom: new Float64Array(s.data.length), var: new Float64Array(s.data.length) };
            statSum.set(m.name, acc);
          }
          for (let b = 0; b < s.data.length; b++) {
            acc.nom[b] = (acc.nom[b] as number) + (s.data[b] as number);
            acc.var[b] = (acc.var[b] as number) + (m.data[b] as number) ** 2;
          }
        } else if (m.type === 'shapesys') {
          const tau = new Float64Array(s.data.length);
          for (let b = 0; b < s.data.length; b++) {
            const sd = m.data[b] as number;
            tau[b] = (s.data[b] as number) > 0 && sd > 0 ? ((s.data[b] as number) / sd) ** 2 : 0;
          }
          shapeTau.set(m.name, tau);
        }
      }
    }
  }
  for (const [name, acc] of statSum) {
    const p = setOf.get(name) as ParameterSet;
    for (let b = 0; b < p.size; b++) {
      const rel = (acc.nom[b] as number) > 0 ? Math.sqrt(acc.var[b] as number) / (acc.nom[b] as number) : 0;
      if (rel > 0) {
        sigma[p.offset + b] = rel;
        aux0[p.offset + b] = 1;
        hasConstraint[p.offset + b] = 1;
      } else fixed[p.offset + b] = 1;
    }
  }
  for (const [name, tau] of shapeTau) {
    const p = setOf.get(name) as ParameterSet;
    for (let b = 0; b < p.size; b++) {
      if ((tau[b] as number) > 0) {
        sigma[p.offset + b] = tau[b] as number;
        aux0[p.offset + b] = tau[b] as number;
        hasConstraint[p.offset + b] = 1;
      } else fixed[p.offset + b] = 1;
    }
  }
  meas.config.parameters.forEach((cfg, i) => {
    const path = `measurements[${ws.measurements.indexOf(meas)}].config.parameters[${i}]`;
    const p = setOf.get(cfg.name);
    if (p === undefined) return; // pyhf ignores settings of absent parameters
    const check = (arr: unknown[] | undefined, key: string): void => {
      if (arr !== undefined && arr.length !== p.size)
        throw new HepInputError(
          `${path}.${key}`,
          `has ${arr.length} entries, parameter ${p.name} has ${p.size}`,
        );
    };
    check(cfg.bounds, 'bounds');
    check(cfg.inits, 'inits');
    for (let k = 0; k < p.size; k++) {
      const j = p.offset + k;
      if (cfg.bounds) [lower[j], upper[j]] = cfg.bounds[k] as [number, number];
      if (cfg.inits) inits[j] = cfg.inits[k] as number;
      if (cfg.fixed) fixed[j] = 1;
    }
    if (p.type === 'lumi') {
      if (cfg.auxdata) aux0[p.offset] = cfg.auxdata[0] as number;
      if (cfg.sigmas) sigma[p.offset] = cfg.sigmas[0] as number;
    }
  });
  for (const p of parameters) {
    if (p.type !== 'lumi') continue;
    const cfg = meas.config.parameters.find((q) => q.name === p.name);
    if (cfg?.sigmas === undefined || cfg.auxdata === undefined)
      throw new HepInputError(
        'measurements[].config.parameters',
        `lumi parameter ${p.name} needs auxdata and sigmas`,
      );
    hasConstraint[p.offset] = 1;
  }
  // Constraint list in parameter order.
  const cPar: number[] = [];
  for (let j = 0; j < nPars; j++) if (hasConstraint[j]) cPar.push(j);
  const constraintPar = Int32Array.from(cPar);
  const constraintWidth = Float64Array.from(cPar, (j) => sigma[j] as number);
  const constraintIsPoisson = Uint8Array.from(cPar, (j) =>
    parameters.find((p) => j >= p.offset && j < p.offset + p.size)?.constraint === 'poisson' ? 1 : 0,
  );
  const auxdata = Float64Array.from(cPar, (j) => aux0[j] as number);
  // Sample terms.
  const terms: SampleTerm[] = [];
  for (const ch of channels) {
    const c = ws.channels.find((x) => x.name === ch.name) as (typeof ws.channels)[number];
    for (const sname of ch.samples) {
      const s = c.samples.find((x) => x.name === sname) as (typeof c.samples)[number];
      const t: Omit<SampleTerm, 'slotPar' | 'slotPerBin' | 'mulSlot' | 'histSlot'> = {
        bin0: ch.offset,
        nbins: ch.nbins,
        nominal: Float64Array.from(s.data),
        muls: [],
        histos: [],
      };
      for (const m of s.modifiers) {
        const p = setOf.get(m.name) as ParameterSet;
        switch (m.type) {
          case 'normfactor':
          case 'lumi':
            t.muls.push({ kind: 0, par: p.offset, hi: 0, lo: 0, coef: null });
            break;
          case 'shapefactor':
          case 'shapesys':
          case 'staterror':
            t.muls.push({ kind: 1, par: p.offset, hi: 0, lo: 0, coef: null });
            break;
          case 'normsys': {
            const { hi, lo } = m.data;
            if (!(hi > 0 && lo > 0))
              throw new HepInputError(
                `modifier ${m.name} (${c.name}/${s.name}).data`,
                'normsys hi and lo must be > 0',
              );
            t.muls.push({
              kind: 2,
              par: p.offset,
              hi,
              lo,
              coef: settings.normsys.interpcode === 'code4' ? code4Coefficients(hi, lo) : null,
            });
            break;
          }
          case 'histosys':
            t.histos.push({
              par: p.offset,
              hi: Float64Array.from(m.data.hi_data),
              lo: Float64Array.from(m.data.lo_data),
            });
            break;
        }
      }
      terms.push(assignSlots(t));
    }
  }
  const observed = new Float64Array(nBins);
  for (const ch of channels) {
    const o = ws.observations.find((x) => x.name === ch.name);
    if (o) observed.set(o.data, ch.offset);
  }
  const normCode = settings.normsys.interpcode;
  const histCode = settings.histosys.interpcode;
  const tmp = new Float64Array(3);
  const maxMuls = Math.max(1, ...terms.map((t) => t.muls.length));
  const mv = new Float64Array(maxMuls);
  const md = new Float64Array(maxMuls);
  const md2 = new Float64Array(maxMuls);
  const prefix = new Float64Array(maxMuls + 1);
  const suffix = new Float64Array(maxMuls + 1);

  /** histosys shift of bin b and its derivatives into `tmp`. */
  const shift = (t: SampleTerm, h: HistoMod, b: number, pars: Float64Array): void =>
    histosysDelta(
      histCode,
      h.hi[b] as number,
      t.nominal[b] as number,
      h.lo[b] as number,
      pars[h.par] as number,
      tmp,
    );
  /** Base yield (nominal + histosys shifts) of bin b of term t. */
  const base = (t: SampleTerm, b: number, pars: Float64Array): number => {
    let v = t.nominal[b] as number;
    for (const h of t.histos) {
      shift(t, h, b, pars);
      v += tmp[0] as number;
    }
    return v;
  };
  /** Fills mv/md/md2 with the multiplicative factors of bin b and their derivatives; returns their product. */
  const factors = (t: SampleTerm, b: number, pars: Float64Array): number => {
    let prod = 1;
    for (let k = 0; k < t.muls.length; k++) {
      const m = t.muls[k] as MulMod;
      if (m.kind === 0) {
        mv[k] = pars[m.par] as number;
        md[k] = 1;
        md2[k] = 0;
      } else if (m.kind === 1) {
        mv[k] = pars[m.par + b] as number;
        md[k] = 1;
        md2[k] = 0;
      } else {
        normsysFactor(normCode, m.hi, m.lo, m.coef, pars[m.par] as number, tmp);
        mv[k] = tmp[0] as number;
        md[k] = tmp[1] as number;
        md2[k] = tmp[2] as number;
      }
      prod *= mv[k] as number;
    }
    return prod;
  };
  const expectedMain = (pars: Float64Array, out = new Float64Array(nBins)): Float64Array => {
    out.fill(0);
    for (const t of terms)
      for (let b = 0; b < t.nbins; b++)
        out[t.bin0 + b] = (out[t.bin0 + b] as number) + base(t, b, pars) * factors(t, b, pars);
    return out;
  };
  const nu = new Float64Array(nBins);
  const w = new Float64Array(nBins);
  const twiceNll = (
    pars: Float64Array,
    main: Float64Array,
    aux: Float64Array,
    grad?: Float64Array,
  ): number => {
    expectedMain(pars, nu);
    let f = 0;
    for (let b = 0; b < nBins; b++) {
      const n = main[b] as number;
      const v = nu[b] as number;
      if (v > 0) f += -2 * (n * Math.log(v) - v - lnGamma(n + 1));
      else if (n > 0 || v < 0) return Number.POSITIVE_INFINITY;
      else f += 2 * lnGamma(n + 1) + 2 * v;
      w[b] = v > 0 ? 2 * (1 - n / v) : 2;
    }
    for (let c = 0; c < constraintPar.length; c++) {
      const x = pars[constraintPar[c] as number] as number;
      const a = aux[c] as number;
      const s = constraintWidth[c] as number;
      if (constraintIsPoisson[c]) {
        const lam = x * s;
        if (!(lam > 0)) return Number.POSITIVE_INFINITY;
        f += -2 * (a * Math.log(lam) - lam - lnGamma(a + 1));
      } else {
        const z = (a - x) / s;
        f += z * z + LN_2PI + 2 * Math.log(s);
      }
    }
    if (grad === undefined) return f;
    grad.fill(0);
    for (const t of terms) {
      const nm = t.muls.length;
      for (let b = 0; b < t.nbins; b++) {
        const wb = w[t.bin0 + b] as number;
        if (wb === 0) continue;
        const bv = base(t, b, pars);
        const prod = factors(t, b, pars);
        prefix[0] = 1;
        for (let k = 0; k < nm; k++) prefix[k + 1] = (prefix[k] as number) * (mv[k] as number);
        let after = 1;
        for (let k = nm - 1; k >= 0; k--) {
          const m = t.muls[k] as MulMod;
          const j = m.kind === 1 ? m.par + b : m.par;
          grad[j] = (grad[j] as number) + wb * bv * (prefix[k] as number) * after * (md[k] as number);
          after *= mv[k] as number;
        }
        for (const h of t.histos) {
          shift(t, h, b, pars);
          grad[h.par] = (grad[h.par] as number) + wb * prod * (tmp[1] as number);
        }
      }
    }
    for (let c = 0; c < constraintPar.length; c++) {
      const j = constraintPar[c] as number;
      const x = pars[j] as number;
      const a = aux[c] as number;
      const s = constraintWidth[c] as number;
      grad[j] = (grad[j] as number) + (constraintIsPoisson[c] ? -2 * (a / x - s) : (-2 * (a - x)) / (s * s));
    }
    return f;
  };
  // Hessian scratch. Per bin: sparse row of ∂ν_b/∂θ (values + list of touched indices). Per term,
  // over its parameter slots: g = ∂ ln Π f, hl = ∂² ln Π f, v = ∂B, v2 = ∂²B (B = nominal + histosys).
  // Every unordered pair {i, j} is accumulated once into `out` and symmetrised at the end.
  const maxSlots = Math.max(1, ...terms.map((t) => t.slotPar.length));
  const jac = new Float64Array(nPars);
  const touched = new Int32Array(nPars);
  const isTouched = new Uint8Array(nPars);
  const gS = new Float64Array(maxSlots);
  const hS = new Float64Array(maxSlots);
  const vS = new Float64Array(maxSlots);
  const v2S = new Float64Array(maxSlots);
  const idxS = new Int32Array(maxSlots);
  const w2 = new Float64Array(nBins);
  let nt = 0;
  const touch = (j: number, v: number): void => {
    if (!isTouched[j]) {
      isTouched[j] = 1;
      touched[nt++] = j;
    }
    jac[j] = (jac[j] as number) + v;
  };
  /** Adds the ∂²/∂θ_i∂θ_j contribution of one ordered pair of distinct modifiers (k ≠ l). */
  const addPair = (out: Float64Array, i: number, j: number, v: number): void => {
    const at = i * nPars + j;
    out[at] = (out[at] as number) + (i === j ? 2 * v : v);
  };
  /**
   * Adds wb·∂²ν_tb into `out` and ∂ν_tb into the bin's row for ν_tb = B·P, P = Π f_k:
   * ∂²ν = B·P(g gᵀ + diag hl) + P(v gᵀ + g vᵀ + diag v2) when no factor is zero, else by explicit
   * pairs of factors.
   */
  const addTerm = (t: SampleTerm, b: number, wb: number, pars: Float64Array, out: Float64Array): void => {
    const bv = base(t, b, pars);
    const prod = factors(t, b, pars);
    const nm = t.muls.length;
    const ns = t.slotPar.length;
    let hasZero = false;
    for (let k = 0; k < nm; k++) if (mv[k] === 0) hasZero = true;
    for (let a = 0; a < ns; a++) {
      idxS[a] = (t.slotPar[a] as number) + (t.slotPerBin[a] ? b : 0);
      gS[a] = 0;
      hS[a] = 0;
      vS[a] = 0;
      v2S[a] = 0;
    }
    t.histos.forEach((h, q) => {
      shift(t, h, b, pars);
      const a = t.histSlot[q] as number;
      vS[a] = (vS[a] as number) + (tmp[1] as number);
      v2S[a] = (v2S[a] as number) + (tmp[2] as number);
    });
    if (!hasZero) {
      for (let k = 0; k < nm; k++) {
        const a = t.mulSlot[k] as number;
        const r = (md[k] as number) / (mv[k] as number);
        gS[a] = (gS[a] as number) + r;
        hS[a] = (hS[a] as number) + (md2[k] as number) / (mv[k] as number) - r * r;
      }
      const wp = wb * prod;
      for (let a = 0; a < ns; a++) {
        const i = idxS[a] as number;
        const ga = gS[a] as number;
        const va = vS[a] as number;
        const da = bv * ga + va;
        touch(i, prod * da);
        if (wb === 0) continue;
        const row = i * nPars;
        const ca = wp * da;
        const ea = wp * ga;
        out[row + i] =
          (out[row + i] as number) + ca * ga + ea * va + wp * (bv * (hS[a] as number) + (v2S[a] as number));
        for (let z = a + 1; z < ns; z++) {
          const at = row + (idxS[z] as number);
          out[at] = (out[at] as number) + ca * (gS[z] as number) + ea * (vS[z] as number);
        }
      }
      return;
    }
    prefix[0] = 1;
    for (let k = 0; k < nm; k++) prefix[k + 1] = (prefix[k] as number) * (mv[k] as number);
    suffix[nm] = 1;
    for (let k = nm - 1; k >= 0; k--) suffix[k] = (suffix[k + 1] as number) * (mv[k] as number);
    for (let k = 0; k < nm; k++) {
      const jk = idxS[t.mulSlot[k] as number] as number;
      const others = (prefix[k] as number) * (suffix[k + 1] as number);
      touch(jk, bv * others * (md[k] as number));
      out[jk * nPars + jk] = (out[jk * nPars + jk] as number) + wb * bv * others * (md2[k] as number);
      let mid = 1;
      for (let l = k + 1; l < nm; l++) {
        const jl = idxS[t.mulSlot[l] as number] as number;
        const dkl = (prefix[k] as number) * mid * (suffix[l + 1] as number);
        addPair(out, jk, jl, wb * bv * dkl * (md[k] as number) * (md[l] as number));
        mid *= mv[l] as number;
      }
      const jh = (q: number): number => idxS[t.histSlot[q] as number] as number;
      for (let q = 0; q < t.histos.length; q++)
        addPair(out, jh(q), jk, wb * (vS[t.histSlot[q] as number] as number) * others * (md[k] as number));
    }
    for (let a = 0; a < ns; a++) {
      const i = idxS[a] as number;
      if (vS[a] === 0 && v2S[a] === 0) continue;
      touch(i, prod * (vS[a] as number));
      out[i * nPars + i] = (out[i * nPars + i] as number) + wb * prod * (v2S[a] as number);
    }
  };
  const twiceNllHessian = (
    pars: Float64Array,
    main: Float64Array,
    aux: Float64Array,
    out: Float64Array,
  ): void => {
    expectedMain(pars, nu);
    for (let b = 0; b < nBins; b++) {
      const n = main[b] as number;
      const v = nu[b] as number;
      w[b] = v > 0 ? 2 * (1 - n / v) : 2;
      w2[b] = v > 0 ? (2 * n) / (v * v) : 0;
    }
    out.fill(0);
    for (const ch of channels) {
      for (let b = 0; b < ch.nbins; b++) {
        const gb = ch.offset + b;
        nt = 0;
        for (const t of terms) if (t.bin0 === ch.offset) addTerm(t, b, w[gb] as number, pars, out);
        // Gauss–Newton part: (2n/ν²) ∂ν ∂νᵀ over the bin's touched parameters.
        const c2 = w2[gb] as number;
        for (let a = 0; a < nt; a++) {
          const i = touched[a] as number;
          const ji = c2 * (jac[i] as number);
          const row = i * nPars;
          out[row + i] = (out[row + i] as number) + ji * (jac[i] as number);
          for (let z = a + 1; z < nt; z++) {
            const j = touched[z] as number;
            out[row + j] = (out[row + j] as number) + ji * (jac[j] as number);
          }
        }
        for (let a = 0; a < nt; a++) {
          const i = touched[a] as number;
          jac[i] = 0;
          isTouched[i] = 0;
        }
      }
    }
    for (let i = 0; i < nPars; i++)
      for (let j = i + 1; j < nPars; j++) {
        const sym = (out[i * nPars + j] as number) + (out[j * nPars + i] as number);
        out[i * nPars + j] = sym;
        out[j * nPars + i] = sym;
      }
    for (let c = 0; c < constraintPar.length; c++) {
      const j = constraintPar[c] as number;
      const x = pars[j] as number;
      const s = constraintWidth[c] as number;
      out[j * nPars + j] =
        (out[j * nPars + j] as number) +
        (constraintIsPoisson[c] ? (2 * (aux[c] as number)) / (x * x) : 2 / (s * s));
    }
  };
  const expectedAux = (pars: Float64Array): Float64Array =>
    Float64Array.from(constraintPar, (j, c) =>
      constraintIsPoisson[c] ? (pars[j] as number) * (constraintWidth[c] as number) : (pars[j] as number),
    );
  return {
    channels,
    parameters,
    parameterNames,
    nPars,
    nBins,
    poiIndex: (setOf.get(poiName) as ParameterSet).offset,
    poiName,
    inits,
    lower,
    upper,
    fixed,
    auxdata,
    constraintPar,
    constraintWidth,
    constraintIsPoisson,
    observed,
    settings,
    source: { workspace: ws, options },
    expectedMain,
    expectedAux,
    twiceNll,
    twiceNllHessian,
  };
}
