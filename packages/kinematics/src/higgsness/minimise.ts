/**
 * Global minimisation of the two-neutrino χ² (`NeutrinoProblem`) over x = [ν₁x, ν₁y, ν₁z, ν₂z]:
 * deterministic multi-start, each start refined by a damped Newton method (Levenberg–Marquardt
 * damping on the exact Hessian JᵀJ + Σ r∇²r, so convergence is quadratic at zero AND non-zero
 * minima). Internal module; the public entry points are `higgsness` and `topness`.
 *
 * Starts: ν₁T = f·p⃗T^miss + g·|p⃗T^miss|·ê⊥ and ν₁z, ν₂z = multiples of the visible longitudinal
 * scale, from a fixed table (see {@link START_TABLE}); the search stops early once a start reaches
 * the floor (χ² ≥ 0, so nothing can be lower). Validated against a dense scipy multi-start
 * reference (test/fixtures/gen_higgsness_ref.py).
 *
 * @module
 */
import type { NeutrinoProblem } from './neutrinoProblem.js';

/** Numerical settings of the minimiser (all optional; defaults documented per field). */
export interface MinimiserOptions {
  /** Starts per assignment (1 … {@link START_TABLE} length; default 8). */
  readonly starts?: number;
  /** χ² values at or below this are reported as exactly this (an exact kinematic solution); default 1e-8. */
  readonly floor?: number;
  /** Newton iterations per start (default 100). */
  readonly maxIterations?: number;
}

/** Outcome codes of one event's minimisation. */
export const MinimiserStatus = {
  /** The best start converged (stationary point or χ² at the floor). */
  converged: 0,
  /** No start converged within `maxIterations`, or the χ² was not finite. */
  failed: 1,
} as const;

/**
 * Start table: [f, g, z₁, z₂] with ν₁T = f·MET + g·|MET|·ê⊥ (ê⊥ = ẑ × MET/|MET|) and ν₁z = z₁·L,
 * ν₂z = z₂·L, L = the visible longitudinal scale (|Σ p_z| of the visible objects + |MET|).
 * Ordered so that the first entries cover the usual basins (the two-fold ν_z ambiguities).
 */
export const START_TABLE: readonly (readonly [number, number, number, number])[] = [
  [0.5, 0, 0, 0],
  [0.5, 0, 1, 1],
  [0.5, 0, -1, -1],
  [0.5, 0, 1, -1],
  [0.5, 0, -1, 1],
  [0, 0, 0, 0],
  [1, 0, 0, 0],
  [0.5, 0.5, 0, 0],
  [0.5, -0.5, 0, 0],
  [0, 0, 1, -1],
  [1, 0, -1, 1],
  [0.25, 0.5, 1, 1],
  [0.75, -0.5, -1, -1],
  [0.5, 0, 3, 0],
  [0.5, 0, 0, 3],
  [0.5, 0, -3, 0],
  [0.5, 0, 0, -3],
];

/** Reusable minimiser state (scratch buffers; one per thread of work, no allocation per event). */
export class Minimiser {
  /** Best x, χ², Newton iterations summed over starts, and status of the last {@link run}. */
  readonly x = new Float64Array(4);
  chi2 = Number.NaN;
  iterations = 0;
  status: number = MinimiserStatus.failed;
  /** Index of the problem (assignment) that gave the minimum. */
  best = -1;
  private readonly xt = new Float64Array(4);
  private readonly xs = new Float64Array(4);
  private readonly m = new Float64Array(16);
  private readonly d = new Float64Array(4);
  private localConverged = false;
  private readonly starts: number;
  private readonly floor: number;
  private readonly maxIterations: number;

  constructor(options?: MinimiserOptions) {
    this.starts = Math.min(Math.max(Math.floor(options?.starts ?? 8), 1), START_TABLE.length);
    this.floor = options?.floor ?? 1e-8;
    this.maxIterations = options?.maxIterations ?? 100;
  }

  /**
   * Minimises min over `problems[0..count)` of their χ² (global over the starts). `scaleZ` is the
   * longitudinal scale L of the start table (GeV). Results in `x`, `chi2` (floored), `best`, `status`.
   */
  run(problems: readonly NeutrinoProblem[], count: number, scaleZ: number): void {
    this.chi2 = Number.POSITIVE_INFINITY;
    this.iterations = 0;
    this.status = MinimiserStatus.failed;
    this.best = -1;
    const floor = this.floor;
    for (let p = 0; p < count; p++) {
      const prob = problems[p] as NeutrinoProblem;
      const mx = prob.metx;
      const my = prob.mety;
      const met = Math.sqrt(mx * mx + my * my);
      const ux = met > 0 ? -my / met : 1;
      const uy = met > 0 ? mx / met : 0;
      for (let s = 0; s < this.starts; s++) {
        const row = START_TABLE[s] as readonly [number, number, number, number];
        const xs = this.xs;
        xs[0] = row[0] * mx + row[1] * met * ux;
        xs[1] = row[0] * my + row[1] * met * uy;
        xs[2] = row[2] * scaleZ;
        xs[3] = row[3] * scaleZ;
        const c = this.newton(prob, xs);
        if (c < this.chi2 || (this.best < 0 && !(c > this.chi2))) {
          this.chi2 = c;
          this.best = p;
          this.x.set(xs);
          this.status = this.localConverged ? MinimiserStatus.converged : MinimiserStatus.failed;
        }
        if (this.chi2 <= floor) break;
      }
      if (this.chi2 <= floor) break;
    }
    if (!Number.isFinite(this.chi2)) {
      this.status = MinimiserStatus.failed;
      this.chi2 = Number.NaN;
    } else if (this.chi2 <= floor) {
      this.chi2 = floor;
      this.status = MinimiserStatus.converged;
    }
  }

  /** Damped Newton from x (updated in place); returns the χ² reached. */
  private newton(prob: NeutrinoProblem, x: Float64Array): number {
    const zeroTol = this.floor * 1e-6;
    const H = prob.hess;
    const g = prob.grad;
    const m = this.m;
    const d = this.d;
    const xt = this.xt;
    this.localConverged = false;
    let chi = prob.derivatives(x[0] as number, x[1] as number, x[2] as number, x[3] as number);
    if (!Number.isFinite(chi)) return chi;
    let mu = -1;
    for (let it = 0; it < this.maxIterations; it++) {
      this.iterations++;
      if (chi <= zeroTol) {
        this.localConverged = true;
        return chi;
      }
      const diag = Math.max(H[0] as number, H[5] as number, H[10] as number, H[15] as number, 1e-300);
      if (mu < 0) mu = 1e-6 * diag;
      let accepted = false;
      while (!accepted) {
        for (let i = 0; i < 16; i++) m[i] = H[i] as number;
        m[0] = (m[0] as number) + mu;
        m[5] = (m[5] as number) + mu;
        m[10] = (m[10] as number) + mu;
        m[15] = (m[15] as number) + mu;
        if (!solve4(m, g, d)) {
          mu = Math.max(mu * 8, 1e-6 * diag);
          if (mu > 1e12 * diag) return chi;
          continue;
        }
        for (let i = 0; i < 4; i++) xt[i] = (x[i] as number) - (d[i] as number);
        const ct = prob.chi2(xt[0] as number, xt[1] as number, xt[2] as number, xt[3] as number);
        if (ct < chi) {
          accepted = true;
          x.set(xt);
          const drop = chi - ct;
          mu *= 0.25;
          if (drop <= 1e-13 * chi) {
            this.localConverged = true;
            return ct;
          }
          chi = prob.derivatives(x[0] as number, x[1] as number, x[2] as number, x[3] as number);
        } else {
          mu = Math.max(mu * 8, 1e-6 * diag);
          if (mu > 1e12 * diag) {
            // No descent direction left at machine precision: a stationary point.
            this.localConverged = true;
            return chi;
          }
        }
      }
    }
    return chi;
  }
}

/**
 * Solves the symmetric 4 × 4 system m·d = g by Cholesky (m is overwritten by its factor).
 * Returns false when m is not positive definite.
 */
function solve4(m: Float64Array, g: Float64Array, d: Float64Array): boolean {
  const a00 = m[0] as number;
  if (!(a00 > 0)) return false;
  const l00 = Math.sqrt(a00);
  const l10 = (m[4] as number) / l00;
  const l20 = (m[8] as number) / l00;
  const l30 = (m[12] as number) / l00;
  const a11 = (m[5] as number) - l10 * l10;
  if (!(a11 > 0)) return false;
  const l11 = Math.sqrt(a11);
  const l21 = ((m[9] as number) - l20 * l10) / l11;
  const l31 = ((m[13] as number) - l30 * l10) / l11;
  const a22 = (m[10] as number) - l20 * l20 - l21 * l21;
  if (!(a22 > 0)) return false;
  const l22 = Math.sqrt(a22);
  const l32 = ((m[14] as number) - l30 * l20 - l31 * l21) / l22;
  const a33 = (m[15] as number) - l30 * l30 - l31 * l31 - l32 * l32;
  if (!(a33 > 0)) return false;
  const l33 = Math.sqrt(a33);
  const y0 = (g[0] as number) / l00;
  const y1 = ((g[1] as number) - l10 * y0) / l11;
  const y2 = ((g[2] as number) - l20 * y0 - l21 * y1) / l22;
  const y3 = ((g[3] as number) - l30 * y0 - l31 * y1 - l32 * y2) / l33;
  const z3 = y3 / l33;
  const z2 = (y2 - l32 * z3) / l22;
  const z1 = (y1 - l21 * z2 - l31 * z3) / l11;
  const z0 = (y0 - l10 * z1 - l20 * z2 - l30 * z3) / l00;
  d[0] = z0;
  d[1] = z1;
  d[2] = z2;
  d[3] = z3;
  return true;
}
