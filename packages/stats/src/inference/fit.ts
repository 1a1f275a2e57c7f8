/**
 * Maximum-likelihood fits of a HistFactory model: free fits, fits with the POI (or any parameters)
 * fixed, with status, iterations, EDM, and uncertainties/correlations from the Hessian of −2 ln L
 * (covariance V = 2 H⁻¹ since H is the Hessian of twice the NLL).
 *
 * @module
 */

import type { HistFactoryModel } from '../histfactory/model.js';
import { choleskySolve, minimizeBounded } from '../optimize/boundedNewton.js';

/** Data to fit: main bin counts (model order) and auxiliary data. */
export interface FitData {
  main: Float64Array;
  aux: Float64Array;
}

/** Options of {@link fitModel}. */
export interface FitOptions {
  /** Parameter values to hold fixed, by index. */
  fixedValues?: ReadonlyMap<number, number>;
  /** Bounds [lower, upper] overriding the model's, by parameter index (e.g. a POI allowed below 0 for t_μ). */
  bounds?: ReadonlyMap<number, readonly [number, number]>;
  /** Start values (default: the model's inits). */
  init?: Float64Array;
  /** Compute uncertainties and correlations (one extra Hessian). */
  uncertainties?: boolean;
}

/** A fit result. */
export interface FitResult {
  /** Best-fit parameters (model order). */
  values: Float64Array;
  /** −2 ln L at the minimum (pyhf `twice_nll`). */
  twiceNll: number;
  status: 0 | 1 | 2;
  iterations: number;
  edm: number;
  /** 1σ uncertainties (0 for fixed parameters); only with `uncertainties`. */
  errors?: Float64Array;
  /** Correlation matrix (row-major nPars × nPars); only with `uncertainties`. */
  correlations?: Float64Array;
}

/** The observed data of a model (main counts and nominal auxdata). */
export function observedData(model: HistFactoryModel): FitData {
  return { main: model.observed, aux: model.auxdata };
}

/** Fits `model` to `data`, minimising −2 ln L within the parameter bounds. */
export function fitModel(model: HistFactoryModel, data: FitData, options: FitOptions = {}): FitResult {
  const n = model.nPars;
  const x0 = Float64Array.from(options.init ?? model.inits);
  const fixed = Uint8Array.from(model.fixed);
  const lower = Float64Array.from(model.lower);
  const upper = Float64Array.from(model.upper);
  for (const [i, [lo, hi]] of options.bounds ?? []) {
    lower[i] = lo;
    upper[i] = hi;
  }
  for (const [i, v] of options.fixedValues ?? []) {
    fixed[i] = 1;
    x0[i] = v;
    lower[i] = Math.min(lower[i] as number, v);
    upper[i] = Math.max(upper[i] as number, v);
  }
  const hess = model.twiceNllHessian;
  const r = minimizeBounded((x, g) => model.twiceNll(x, data.main, data.aux, g), x0, {
    hessianFn: hess && ((x, out) => hess(x, data.main, data.aux, out)),
    lower,
    upper,
    fixed,
    hessian: options.uncertainties === true,
  });
  const out: FitResult = {
    values: r.x,
    twiceNll: r.f,
    status: r.status,
    iterations: r.iterations,
    edm: r.edm,
  };
  if (r.hessian) {
    const free: number[] = [];
    for (let i = 0; i < n; i++) if (!fixed[i]) free.push(i);
    const m = free.length;
    const h = new Float64Array(m * m);
    for (let a = 0; a < m; a++)
      for (let b = 0; b < m; b++)
        h[a * m + b] = r.hessian[(free[a] as number) * n + (free[b] as number)] as number;
    const cov = new Float64Array(m * m);
    for (let a = 0; a < m; a++) {
      const e = new Float64Array(m);
      e[a] = 1;
      const col = choleskySolve(h, m, e);
      if (col === null) continue;
      for (let b = 0; b < m; b++) cov[b * m + a] = 2 * (col[b] as number);
    }
    const errors = new Float64Array(n);
    const corr = new Float64Array(n * n);
    for (let a = 0; a < m; a++) errors[free[a] as number] = Math.sqrt(Math.max(0, cov[a * m + a] as number));
    for (let a = 0; a < m; a++)
      for (let b = 0; b < m; b++) {
        const d = (errors[free[a] as number] as number) * (errors[free[b] as number] as number);
        corr[(free[a] as number) * n + (free[b] as number)] = d > 0 ? (cov[a * m + b] as number) / d : 0;
      }
    for (let i = 0; i < n; i++) if (fixed[i]) corr[i * n + i] = 1;
    out.errors = errors;
    out.correlations = corr;
  }
  return out;
}
