/**
 * Bounded minimisation by projected Newton steps: analytic gradient, analytic Hessian when supplied
 * (else central finite differences of the gradient, one-sided at bounds), Levenberg damping when the Hessian is not
 * positive definite, an active set for parameters pinned at a bound, and a projected Armijo line
 * search. Convergence by the estimated distance to minimum EDM = ½ gᵀH⁻¹g (free parameters).
 *
 * @module
 */

/** Objective: returns f(x) and writes ∇f into `grad`. */
export type GradObjective = (x: Float64Array, grad: Float64Array) => number;

/** Writes the Hessian of f at x into `out` (row-major n×n over all parameters). */
export type HessianFn = (x: Float64Array, out: Float64Array) => void;

/** Options of {@link minimizeBounded}. */
export interface BoundedOptions {
  /** Analytic Hessian; without it the Hessian is a finite difference of the gradient. */
  hessianFn?: HessianFn;
  lower: Float64Array;
  upper: Float64Array;
  /** 1 where the parameter is held at its start value. */
  fixed?: Uint8Array;
  /** EDM tolerance (default 1e-14, in units of f). */
  edmTolerance?: number;
  maxIterations?: number;
  /** Also return the Hessian (free parameters) at the minimum. */
  hessian?: boolean;
}

/** Result of {@link minimizeBounded}. */
export interface BoundedResult {
  x: Float64Array;
  f: number;
  /** 0 converged, 1 iteration limit, 2 line search could not decrease f (at numerical precision). */
  status: 0 | 1 | 2;
  iterations: number;
  edm: number;
  /** Hessian over all parameters (rows/cols of fixed ones are zero); only if requested. */
  hessian?: Float64Array;
}

/** Cholesky solve of the n×n SPD matrix a (row-major) with rhs b; returns null if not SPD. */
export function choleskySolve(a: Float64Array, n: number, b: Float64Array): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j] as number;
      for (let k = 0; k < j; k++) s -= (l[i * n + k] as number) * (l[j * n + k] as number);
      if (i === j) {
        if (!(s > 0)) return null;
        l[i * n + i] = Math.sqrt(s);
      } else l[i * n + j] = s / (l[j * n + j] as number);
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i] as number;
    for (let k = 0; k < i; k++) s -= (l[i * n + k] as number) * (y[k] as number);
    y[i] = s / (l[i * n + i] as number);
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i] as number;
    for (let k = i + 1; k < n; k++) s -= (l[k * n + i] as number) * (y[k] as number);
    y[i] = s / (l[i * n + i] as number);
  }
  return y;
}

/** Finite-difference Hessian of `fg` over the `idx` components (symmetrised), size m×m. */
export function fdHessian(
  fg: GradObjective,
  x: Float64Array,
  idx: Int32Array,
  lower: Float64Array,
  upper: Float64Array,
): Float64Array {
  const m = idx.length;
  const n = x.length;
  const h = new Float64Array(m * m);
  const gp = new Float64Array(n);
  const gm = new Float64Array(n);
  const xp = Float64Array.from(x);
  for (let a = 0; a < m; a++) {
    const i = idx[a] as number;
    const step = 1e-5 * Math.max(1e-2, Math.abs(x[i] as number));
    let up = (x[i] as number) + step;
    let dn = (x[i] as number) - step;
    if (up > (upper[i] as number)) up = x[i] as number;
    if (dn < (lower[i] as number)) dn = x[i] as number;
    if (up === dn) {
      up = (x[i] as number) + step;
      dn = x[i] as number;
    }
    xp[i] = up;
    fg(xp, gp);
    xp[i] = dn;
    fg(xp, gm);
    xp[i] = x[i] as number;
    const d = up - dn;
    for (let b = 0; b < m; b++)
      h[a * m + b] = ((gp[idx[b] as number] as number) - (gm[idx[b] as number] as number)) / d;
  }
  for (let a = 0; a < m; a++)
    for (let b = 0; b < a; b++) {
      const s = 0.5 * ((h[a * m + b] as number) + (h[b * m + a] as number));
      h[a * m + b] = s;
      h[b * m + a] = s;
    }
  return h;
}

/** Minimises f within [lower, upper] from `x0` (not mutated). */
export function minimizeBounded(fg: GradObjective, x0: Float64Array, opts: BoundedOptions): BoundedResult {
  const n = x0.length;
  const { lower, upper } = opts;
  const tol = opts.edmTolerance ?? 1e-14;
  const maxIt = opts.maxIterations ?? 200;
  const x = Float64Array.from(x0, (v, i) => Math.min(upper[i] as number, Math.max(lower[i] as number, v)));
  const g = new Float64Array(n);
  const gTrial = new Float64Array(n);
  const trial = new Float64Array(n);
  const freeAll: number[] = [];
  for (let i = 0; i < n; i++) if (!opts.fixed?.[i]) freeAll.push(i);
  const hessFull = opts.hessianFn ? new Float64Array(n * n) : null;
  /** Hessian over the `idx` components at x (analytic if available). */
  const hessianAt = (idx: Int32Array): Float64Array => {
    if (hessFull === null || opts.hessianFn === undefined) return fdHessian(fg, x, idx, lower, upper);
    opts.hessianFn(x, hessFull);
    const m = idx.length;
    const h = new Float64Array(m * m);
    for (let a = 0; a < m; a++) {
      const row = (idx[a] as number) * n;
      for (let b = 0; b < m; b++) h[a * m + b] = hessFull[row + (idx[b] as number)] as number;
    }
    return h;
  };
  let f = fg(x, g);
  let edm = Number.POSITIVE_INFINITY;
  let status: 0 | 1 | 2 = 1;
  let it = 0;
  let stalls = 0;
  for (; it < maxIt; it++) {
    // Active set: at a bound with the gradient pushing outward.
    const freeIdx = Int32Array.from(
      freeAll.filter(
        (i) =>
          !(
            ((x[i] as number) <= (lower[i] as number) && (g[i] as number) > 0) ||
            ((x[i] as number) >= (upper[i] as number) && (g[i] as number) < 0)
          ),
      ),
    );
    const m = freeIdx.length;
    if (m === 0) {
      edm = 0;
      status = 0;
      break;
    }
    const hess = hessianAt(freeIdx);
    const gf = Float64Array.from(freeIdx, (i) => g[i] as number);
    let d: Float64Array | null = null;
    let lambda = 0;
    let maxDiag = 0;
    for (let a = 0; a < m; a++) maxDiag = Math.max(maxDiag, Math.abs(hess[a * m + a] as number));
    for (let tries = 0; tries < 30 && d === null; tries++) {
      const hl = Float64Array.from(hess);
      if (lambda > 0)
        for (let a = 0; a < m; a++)
          hl[a * m + a] =
            (hl[a * m + a] as number) +
            lambda * Math.max(Math.abs(hess[a * m + a] as number), 1e-12 * maxDiag, 1e-300);
      d = choleskySolve(hl, m, gf);
      lambda = lambda === 0 ? 1e-8 : lambda * 10;
    }
    if (d === null) {
      d = Float64Array.from(gf, (v, a) => v / Math.max(Math.abs(hess[a * m + a] as number), 1e-8));
    }
    let gd = 0;
    for (let a = 0; a < m; a++) gd += (gf[a] as number) * (d[a] as number);
    edm = 0.5 * gd;
    const scale = Math.max(1, Math.abs(f));
    if (edm < tol) {
      status = 0;
      break;
    }
    // Projected line search along −d.
    let t = 1;
    let accepted = false;
    // Near round-off (EDM < 1e-9·|f|) a step that fails four halvings cannot decrease f further.
    const maxHalvings = edm < 1e-9 * scale ? 4 : 40;
    for (let ls = 0; ls < maxHalvings; ls++) {
      trial.set(x);
      for (let a = 0; a < m; a++) {
        const i = freeIdx[a] as number;
        trial[i] = Math.min(
          upper[i] as number,
          Math.max(lower[i] as number, (x[i] as number) - t * (d[a] as number)),
        );
      }
      let dec = 0;
      for (let a = 0; a < m; a++)
        dec +=
          (g[freeIdx[a] as number] as number) *
          ((trial[freeIdx[a] as number] as number) - (x[freeIdx[a] as number] as number));
      const ft = fg(trial, gTrial);
      if (Number.isFinite(ft) && ft <= f + 1e-4 * dec) {
        accepted = true;
        const df = f - ft;
        x.set(trial);
        g.set(gTrial);
        f = ft;
        stalls = df <= 1e-15 * Math.max(1, Math.abs(f)) ? stalls + 1 : 0;
        break;
      }
      t *= 0.5;
    }
    if (!accepted || stalls >= 3) {
      status = edm < 1e-8 * Math.max(1, Math.abs(f)) ? 0 : 2;
      break;
    }
  }
  if (it >= maxIt) status = 1;
  const res: BoundedResult = { x, f, status, iterations: it, edm };
  if (opts.hessian) {
    const idx = Int32Array.from(freeAll);
    const hf = hessianAt(idx);
    const full = new Float64Array(n * n);
    for (let a = 0; a < idx.length; a++)
      for (let b = 0; b < idx.length; b++)
        full[(idx[a] as number) * n + (idx[b] as number)] = hf[a * idx.length + b] as number;
    res.hessian = full;
  }
  return res;
}
