/**
 * Global minimisation of the two-neutrino χ² (`NeutrinoProblem`) over x = [ν₁x, ν₁y, ν₁z, ν₂z]:
 * deterministic multi-start, each start refined by Newton's method on the exact Hessian
 * JᵀJ + Σ r∇²r (quadratic convergence at zero AND non-zero minima), "saddle-free" (|eigenvalues|)
 * where the Hessian is indefinite, with a trust length and backtracking line search. The χ² has
 * kinks where a neutrino vanishes (|ν| = 0); most local minima sit there (in ~10% of the non-zero
 * events the global one), so a Newton run that comes within 1% of L of a tip continues on the tip
 * line, each assignment is also minimised along the two cone-tip lines (a line whose rigorous
 * lower bound, `NeutrinoProblem.lineFloor`, is above the minimum to beat is not searched), and a
 * minimum found at a tip is polished by a steepest-descent probe off the tip and Nelder–Mead.
 * A run (or the final minimum) also leaves a tip along the collinear segment ν₁ ∥ ν₂ through it
 * where the χ² descends there: minima where a term with both neutrinos dominates lie on that
 * segment, at the end of a narrow valley into the tip's kink that Newton iterates overshoot.
 * Internal module; the public entry points are `higgsness` and `topness`.
 *
 * Starts: ν₁T = f·p⃗T^miss + g·|p⃗T^miss|·ê⊥ and ν₁z, ν₂z = multiples of the visible longitudinal
 * scale L, from a fixed table (`START_TABLE` below), interleaved over the assignments; the
 * search stops early once a start reaches the floor (χ² ≥ 0, so nothing can be lower). A start
 * whose iterate enters the merge radius of an end point already reached by an earlier start of
 * the same assignment, with χ² not below it, is stopped (basin de-duplication; it would only
 * repeat that descent). Validated against a dense scipy
 * multi-start reference (test/fixtures/gen_higgsness_ref.py): with 6 or more starts, no missed
 * global minimum in 2 × 300 toy events (HH and tt̄, Higgsness and Topness).
 *
 * @module
 */
import { HepInputError } from '@hep/core';
import { NelderMead4 } from './nelderMead.js';
import type { NeutrinoProblem } from './neutrinoProblem.js';
import { saddleFreeStep } from './saddleFree.js';

/** Numerical settings of the minimiser (all optional; defaults documented per field). */
export interface MinimiserOptions {
  /** Starts per assignment (1 … 16, the rows of `START_TABLE` below; default 8). */
  readonly starts?: number;
  /** χ² values at or below this are reported as exactly this (an exact kinematic solution); default 1e-8. */
  readonly floor?: number;
  /** Newton iterations per start (default 300). */
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
  [0.5, 0.5, 0, 0],
  [0.5, -0.5, 0, 0],
  [0.75, -0.5, 1, -1],
  [0.25, 0.5, -1, 1],
  [0.5, 0, 4, 4],
  [0.5, 0, -4, -4],
  [1, 0, -4, -1],
  [0, 0, 1, 4],
  [0.75, 0.5, -1, 1],
  [0.25, -0.5, 1, -1],
  [1, 0, 4, 1],
  [0, 0, -1, -4],
  [0.5, -0.5, -1, -1],
  [0.5, 0.5, 1, 1],
  [0, -0.5, 1, 4],
  [1, 0.5, -4, -1],
];

/** Most problems (assignments) one {@link Minimiser.run} minimises over. */
const MAX_PROBLEMS = 2;

/** Reusable minimiser state (scratch buffers; one per thread of work, no allocation per event). */
export class Minimiser {
  /**
   * Best x, χ², work done (Newton iterations summed over starts, plus simplex evaluations at cone
   * tips) and status of the last {@link run}.
   */
  readonly x = new Float64Array(4);
  chi2 = Number.NaN;
  iterations = 0;
  status: number = MinimiserStatus.failed;
  /** Index of the problem (assignment) that gave the minimum. */
  best = -1;
  private readonly xt = new Float64Array(4);
  private readonly xs = new Float64Array(4);
  private readonly d = new Float64Array(4);
  private readonly xtip = new Float64Array(4);
  private readonly xprobe = new Float64Array(4);
  /** First line-search trial of a Newton iteration. */
  private readonly xn = new Float64Array(4);
  /** Set by {@link snapToTip}: the χ² descends off the tip (x moved to a probe point). */
  private offTip = false;
  /** Converged end points (4 per start) of this run's earlier starts, their χ² and problem index. */
  private readonly ends = new Float64Array(4 * MAX_PROBLEMS * START_TABLE.length);
  private readonly endChi2 = new Float64Array(MAX_PROBLEMS * START_TABLE.length);
  private readonly endProblem = new Uint8Array(MAX_PROBLEMS * START_TABLE.length);
  private nEnds = 0;
  /** Problem of the Newton run in progress (for {@link inKnownBasin}). */
  private problemIndex = 0;
  /** Squared merge radius (GeV²): {@link MERGE_RADIUS} × the start table's scale L, squared. */
  private mergeRadius2 = 0;
  private localConverged = false;
  /** Initial trust length of a Newton run (GeV): the start table's longitudinal scale L. */
  private trustLength = 100;
  private readonly simplex = new NelderMead4();
  private current: NeutrinoProblem | null = null;
  private readonly objective = (a: number, b: number, c: number, d: number): number =>
    (this.current as NeutrinoProblem).chi2(a, b, c, d);

  private readonly starts: number;
  private readonly floor: number;
  private readonly maxIterations: number;

  constructor(options?: MinimiserOptions) {
    const starts = options?.starts ?? 8;
    const floor = options?.floor ?? 1e-8;
    const maxIterations = options?.maxIterations ?? 300;
    if (!Number.isInteger(starts) || starts < 1 || starts > START_TABLE.length)
      throw new HepInputError(
        'options.starts',
        `must be an integer in [1, ${START_TABLE.length}], got ${starts}`,
      );
    if (!(floor >= 0) || !Number.isFinite(floor))
      throw new HepInputError('options.floor', `must be finite and ≥ 0, got ${floor}`);
    if (!Number.isInteger(maxIterations) || maxIterations < 1)
      throw new HepInputError('options.maxIterations', `must be an integer ≥ 1, got ${maxIterations}`);
    this.starts = starts;
    this.floor = floor;
    this.maxIterations = maxIterations;
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
    this.trustLength = scaleZ;
    this.mergeRadius2 = (MERGE_RADIUS * scaleZ) ** 2;
    this.nEnds = 0;
    // Starts interleaved over the problems (assignments): the first rows of the table find most
    // global minima, and an exact solution (floor) ends the search early.
    for (let s = 0; s < this.starts && this.chi2 > floor; s++) {
      const row = START_TABLE[s] as readonly [number, number, number, number];
      for (let p = 0; p < count && this.chi2 > floor; p++) {
        const prob = problems[p] as NeutrinoProblem;
        const mx = prob.metx;
        const my = prob.mety;
        const met = Math.sqrt(mx * mx + my * my);
        const ux = met > 0 ? -my / met : 1;
        const uy = met > 0 ? mx / met : 0;
        const xs = this.xs;
        xs[0] = row[0] * mx + row[1] * met * ux;
        xs[1] = row[0] * my + row[1] * met * uy;
        xs[2] = row[2] * scaleZ;
        xs[3] = row[3] * scaleZ;
        this.problemIndex = p;
        const c = this.newton(prob, xs);
        if (this.localConverged) {
          this.ends.set(xs, 4 * this.nEnds);
          this.endProblem[this.nEnds] = p;
          this.endChi2[this.nEnds++] = c;
        }
        this.keepIfBetter(c, p);
      }
    }
    // The χ² is not differentiable where a neutrino vanishes (|ν| = 0, a cone tip), and minima
    // sit there in some events; smooth iterations only creep towards them, so minimise along
    // each tip line explicitly (ν₂ = 0: x = (METx, METy, z, 0); ν₁ = 0: x = (0, 0, 0, z)).
    for (let p = 0; p < count && this.chi2 > floor; p++) {
      const prob = problems[p] as NeutrinoProblem;
      for (let tip = 0; tip < 2; tip++) {
        for (let s = -1; s <= 1; s++) {
          const xs = this.xs;
          xs[0] = tip === 0 ? prob.metx : 0;
          xs[1] = tip === 0 ? prob.mety : 0;
          xs[2] = tip === 0 ? s * scaleZ : 0;
          xs[3] = tip === 0 ? 0 : s * scaleZ;
          this.keepIfBetter(this.alongLine(prob, xs, tip === 0 ? 2 : 3, this.chi2), p);
        }
      }
    }
    if (this.best >= 0 && this.chi2 > floor) this.polishAtTip(problems[this.best] as NeutrinoProblem, scaleZ);
    if (!Number.isFinite(this.chi2)) {
      this.status = MinimiserStatus.failed;
      this.chi2 = Number.NaN;
      this.x.fill(Number.NaN);
    } else if (this.chi2 <= floor) {
      this.chi2 = floor;
      this.status = MinimiserStatus.converged;
    }
  }

  /**
   * Local minimisation from x (updated in place); returns the χ² reached. Each iteration takes
   * the Newton direction (LDLᵀ of the exact Hessian), or where the Hessian is not positive definite
   * the saddle-free direction Σ vᵢ(vᵢᵀg)/|λᵢ| (descends along negative curvature), capped at the
   * trust length and backtracked (Armijo). Converged when the predicted or actual decrease
   * is at rounding level, or χ² ≤ 1e-6·floor. Most local minima sit on a cone tip, where the χ²
   * has a kink and Newton iterates only creep (step ≤ 1e-7·L, ~20 iterations): an iterate within
   * {@link TIP_SNAP}·L of a tip is moved to the minimum on the tip line if that is lower
   * ({@link snapToTip}; at most twice per run), and the run ends there unless the χ² descends off
   * the tip (along the steepest direction, or on the collinear segment through it).
   */
  private newton(prob: NeutrinoProblem, x: Float64Array): number {
    const zeroTol = this.floor * 1e-6;
    const H = prob.hess;
    const g = prob.grad;
    const d = this.d;
    const xn = this.xn;
    this.localConverged = false;
    let x0 = x[0] as number;
    let x1 = x[1] as number;
    let x2 = x[2] as number;
    let x3 = x[3] as number;
    prob.derivatives(x);
    let chi = prob.value;
    if (!Number.isFinite(chi)) return chi;
    let delta = this.trustLength;
    let result = Number.NaN;
    let snaps = 2;
    for (let it = 0; it < this.maxIterations; it++) {
      this.iterations++;
      if (chi <= zeroTol) {
        this.localConverged = true;
        break;
      }
      // 1. Newton direction; where the Hessian is not positive definite, the "saddle-free" one
      //    with |eigenvalues| (a descent direction that moves downhill along negative curvature).
      if (!solve4(H, g, d)) saddleFreeStep(H, g, d);
      const d0 = d[0] as number;
      const d1 = d[1] as number;
      const d2 = d[2] as number;
      const d3 = d[3] as number;
      const gd =
        (g[0] as number) * d0 + (g[1] as number) * d1 + (g[2] as number) * d2 + (g[3] as number) * d3;
      // Predicted decrease of ½χ² is ½gᵀd: at rounding level, x is stationary.
      if (gd <= STOP_REL * chi) {
        this.localConverged = true;
        break;
      }
      // 2. Step capped at the trust length Δ, then backtracking (Armijo on χ², whose gradient is
      //    2g; quadratic-interpolation step factor in [0.1, 0.5]). Δ follows the accepted steps.
      const len = Math.sqrt(d0 * d0 + d1 * d1 + d2 * d2 + d3 * d3);
      const slope = 2 * gd; // −dχ²/dt at t = 0
      let t = len > delta ? delta / len : 1;
      let accepted = false;
      for (let ls = 0; ls < 40; ls++) {
        // The first trial (accepted in ~80% of the iterations) is evaluated with its derivatives,
        // which are then those of the next iterate (g and H at x are not needed after this).
        let ct: number;
        if (ls === 0) {
          xn[0] = x0 - t * d0;
          xn[1] = x1 - t * d1;
          xn[2] = x2 - t * d2;
          xn[3] = x3 - t * d3;
          prob.derivatives(xn);
          ct = prob.value;
        } else ct = prob.chi2(x0 - t * d0, x1 - t * d1, x2 - t * d2, x3 - t * d3);
        if (ct <= chi - 1e-4 * t * slope) {
          accepted = true;
          delta = Math.max(2 * t * len, 1e-6 * delta);
          if (chi - ct <= 0.1 * STOP_REL * chi || t * len <= STEP_TOL * this.trustLength) {
            this.localConverged = true;
            result = ct;
            break;
          }
          x0 -= t * d0;
          x1 -= t * d1;
          x2 -= t * d2;
          x3 -= t * d3;
          x[0] = x0;
          x[1] = x1;
          x[2] = x2;
          x[3] = x3;
          if (ls > 0) prob.derivatives(x);
          chi = prob.value;
          break;
        }
        const tq = (slope * t * t) / (2 * (ct - chi + slope * t));
        t = Math.min(Math.max(tq, 0.1 * t), 0.5 * t);
      }
      // No descent along a descent direction at machine precision: a stationary point.
      if (!accepted) this.localConverged = true;
      if (this.localConverged || this.inKnownBasin(x0, x1, x2, x3, chi)) break;
      // 3. Near a cone tip (|ν| ≤ TIP_SNAP·L) the χ² has a kink and the iterates would only creep
      //    towards it: minimise on the tip line instead, and continue off it only along descent.
      if (snaps > 0) {
        const e1s = x0 * x0 + x1 * x1 + x2 * x2; // |ν₁|², |ν₂|²
        const n2x = prob.metx - x0;
        const n2y = prob.mety - x1;
        const e2s = n2x * n2x + n2y * n2y + x3 * x3;
        if (Math.min(e1s, e2s) <= (TIP_SNAP * this.trustLength) ** 2) {
          snaps--;
          const c = this.snapToTip(prob, x, e1s < e2s, chi);
          this.localConverged = false;
          if (!(c <= chi))
            prob.derivatives(x); // not snapped: restore g and H at x
          else {
            x0 = x[0] as number;
            x1 = x[1] as number;
            x2 = x[2] as number;
            x3 = x[3] as number;
            if (!this.offTip) {
              this.localConverged = true;
              result = c;
              break;
            }
            prob.derivatives(x);
            chi = prob.value;
          }
        }
      }
    }
    return Number.isNaN(result) ? chi : result;
  }

  /**
   * Basin de-duplication: true when x lies within the merge radius of an end point that an earlier
   * start of the same problem converged to, with χ² not below that end point's. The iteration would
   * only repeat that start's descent into a minimum already recorded, so it is stopped (its χ²,
   * which is not lower, is returned; it cannot replace the recorded minimum).
   */
  private inKnownBasin(x0: number, x1: number, x2: number, x3: number, chi: number): boolean {
    const e = this.ends;
    for (let k = 0; k < this.nEnds; k++) {
      if (this.endProblem[k] !== this.problemIndex) continue;
      const d0 = x0 - (e[4 * k] as number);
      const d1 = x1 - (e[4 * k + 1] as number);
      const d2 = x2 - (e[4 * k + 2] as number);
      const d3 = x3 - (e[4 * k + 3] as number);
      if (d0 * d0 + d1 * d1 + d2 * d2 + d3 * d3 < this.mergeRadius2 && chi >= (this.endChi2[k] as number))
        return true;
    }
    return false;
  }

  /** Keeps the local result (χ² `c` at `xs`, from problem `p`) if it is the best so far. */
  private keepIfBetter(c: number, p: number): void {
    if (!(c < this.chi2)) return;
    this.chi2 = c;
    this.best = p;
    this.x.set(this.xs);
    this.status = this.localConverged ? MinimiserStatus.converged : MinimiserStatus.failed;
  }

  /**
   * Minimises the χ² on the cone-tip line nearest to x (|ν₁| = 0 when `nu1`: x = (0, 0, 0, z);
   * else |ν₂| = 0: x = (METx, METy, z, 0)) from x's projection onto it. If that minimum is not
   * below `chi`, returns it and leaves x unchanged; otherwise x becomes the tip-line minimum, or,
   * where the χ² descends off the tip (`offTip` true), the lowest probe point of
   * {@link probeOffTip} or, where that does not descend, the minimum on the collinear segment
   * through the tip ({@link collinearMin}). Returns the χ² at the new x.
   */
  private snapToTip(prob: NeutrinoProblem, x: Float64Array, nu1: boolean, chi: number): number {
    const p = this.xtip;
    toTip(prob, x, nu1, p);
    const line = this.alongLine(prob, p, nu1 ? 3 : 2, chi);
    if (!(line <= chi)) return line;
    const c = this.probeOffTip(prob, p, nu1, line);
    if (c < line) {
      this.offTip = true;
      x.set(this.xt);
      return c;
    }
    // The run would end at the tip: unless the collinear segment through it descends.
    const col = this.collinearMin(prob, (p[2] as number) + (p[3] as number), nu1);
    this.offTip = col < line;
    x.set(this.offTip ? this.xprobe : p);
    return this.offTip ? col : line;
  }

  /**
   * At the cone-tip point p (|ν| = 0 for ν₁ when `nu1`, else ν₂), moving the vanishing neutrino by
   * ε·û changes χ² at first order by ε(c₀ + 2g·∂x/∂ε), g the gradient without that neutrino's
   * |ν| term: the steepest direction off the tip is −g restricted to the coordinates that move it
   * ((x0, x1, x2) for ν₁, (x0, x1, x3) for ν₂). Probes it at ε = 0.25, 1, 4 GeV; returns the
   * lowest χ² found if below `bound` (point in `xt`), else `bound`.
   */
  private probeOffTip(prob: NeutrinoProblem, p: Float64Array, nu1: boolean, bound: number): number {
    const d = this.d;
    const xt = this.xt;
    prob.derivatives(p);
    d.set(prob.grad);
    d[nu1 ? 3 : 2] = 0;
    const norm = Math.sqrt(dot4(d, d));
    let best = bound;
    if (!(norm > 0)) return best;
    const bx = this.xprobe;
    for (let eps = 0.25; eps <= 4; eps *= 4) {
      const c = this.trial(prob, p, eps / norm);
      if (c < best) {
        best = c;
        bx.set(xt);
      }
    }
    if (best < bound) xt.set(bx);
    return best;
  }

  /**
   * If the minimum found sits at (or within 1% of L from) a cone tip |ν| = 0, where the χ² has a
   * kink, the true minimum may lie just off the tip: probe off the tip ({@link probeOffTip}) and
   * restart Newton from the lowest probe if it is below the tip; likewise from the minimum on the
   * collinear segment through the tip ({@link collinearMin}); then a Nelder–Mead polish.
   */
  private polishAtTip(prob: NeutrinoProblem, scaleZ: number): void {
    const x = this.x;
    const e1 = Math.sqrt((x[0] as number) ** 2 + (x[1] as number) ** 2 + (x[2] as number) ** 2);
    const e2 = Math.sqrt(
      (prob.metx - (x[0] as number)) ** 2 + (prob.mety - (x[1] as number)) ** 2 + (x[3] as number) ** 2,
    );
    if (Math.min(e1, e2) > 0.01 * scaleZ) return;
    const xs = this.xs;
    // Snap to the tip, then probe off it (the |ν| = 0 neutrino contributes no û term).
    toTip(prob, x, e1 < e2, xs);
    const tip = prob.chi2(xs[0] as number, xs[1] as number, xs[2] as number, xs[3] as number);
    const tipZ = (xs[2] as number) + (xs[3] as number); // P_z = ν₁z + ν₂z (one of them is 0)
    let best = Math.min(this.chi2, tip);
    const probe = this.probeOffTip(prob, xs, e1 < e2, best);
    const found = probe < best;
    if (found) {
      best = probe;
      x.set(this.xt);
    }
    if (tip < this.chi2 && !found) x.set(xs);
    this.chi2 = best;
    if (found) this.newtonFromBest(prob);
    // The collinear segment through the tip (same total momentum): a minimum inside it lies at
    // the end of a narrow valley into the tip's kink, which Newton iterates overshoot.
    const col = this.collinearMin(prob, tipZ, e1 < e2);
    if (col < this.chi2) {
      this.chi2 = col;
      x.set(this.xprobe);
      this.newtonFromBest(prob);
    }
    // Kinks can also hide a separate minimum within a few GeV: a derivative-free polish.
    this.current = prob;
    xs.set(x);
    const c = this.simplex.minimise(this.objective, xs, 2);
    this.iterations += this.simplex.evaluations;
    if (c < this.chi2) {
      this.chi2 = c;
      x.set(xs);
    }
  }

  /** Newton run from the best point `x` (of problem `prob`); keeps its end point if lower. */
  private newtonFromBest(prob: NeutrinoProblem): void {
    const xs = this.xs;
    xs.set(this.x);
    this.problemIndex = this.best;
    const c = this.newton(prob, xs);
    if (c < this.chi2) {
      this.chi2 = c;
      this.x.set(xs);
    }
  }

  /**
   * Minimum of the χ² on the collinear segment ν₁ = (1 − s)P, ν₂ = sP, s ∈ [0, 1], P =
   * (p⃗T^miss, P_z) with P_z = `pz` (GeV): x = ((1 − s)·METx, (1 − s)·METy, (1 − s)·P_z, s·P_z),
   * which joins the ν₂ = 0 tip line (s = 0) to the ν₁ = 0 one (s = 1). There E₁ + E₂ = |P⃗|, so
   * every constraint with both neutrinos is constant (at the least m² for that total momentum),
   * and the m² of each one-neutrino constraint, m_V² + 2(1 − s or s)(E_V|P⃗| − p⃗_V·P⃗), is linear
   * in s. Both residual forms are convex functions of m² ≥ 0, so the χ² is convex in s: if it
   * does not descend from the tip end (s = 1 when `nu1`, the ν₁ = 0 tip, else s = 0) within
   * {@link COLLINEAR_STEP}, it is nowhere on the rest of the segment below its value at the tip,
   * and that is returned; otherwise a golden-section search finds the minimum on the segment.
   * Point in `xprobe`; returns its χ².
   */
  private collinearMin(prob: NeutrinoProblem, pz: number, nu1: boolean): number {
    const s0 = nu1 ? 1 : 0;
    const f0 = this.onSegment(prob, pz, s0);
    if (!(this.onSegment(prob, pz, nu1 ? 1 - COLLINEAR_STEP : COLLINEAR_STEP) < f0)) {
      this.onSegment(prob, pz, s0); // leaves the tip point in xprobe
      return f0;
    }
    let a = 0;
    let b = 1;
    let c = b - GOLDEN * (b - a);
    let d = a + GOLDEN * (b - a);
    let fc = this.onSegment(prob, pz, c);
    let fd = this.onSegment(prob, pz, d);
    while (b - a > COLLINEAR_TOL) {
      if (fc <= fd) {
        b = d;
        d = c;
        fd = fc;
        c = b - GOLDEN * (b - a);
        fc = this.onSegment(prob, pz, c);
      } else {
        a = c;
        c = d;
        fc = fd;
        d = a + GOLDEN * (b - a);
        fd = this.onSegment(prob, pz, d);
      }
      this.iterations++;
    }
    return this.onSegment(prob, pz, fc <= fd ? c : d);
  }

  /** χ² at the point s of the collinear segment of {@link collinearMin} (the point is left in `xprobe`). */
  private onSegment(prob: NeutrinoProblem, pz: number, s: number): number {
    const xp = this.xprobe;
    xp[0] = (1 - s) * prob.metx;
    xp[1] = (1 - s) * prob.mety;
    xp[2] = (1 - s) * pz;
    xp[3] = s * pz;
    return prob.chi2(xp[0] as number, xp[1] as number, xp[2] as number, xp[3] as number);
  }

  /**
   * Newton minimisation of the χ² along coordinate `k` of x only (x updated in place; x on the
   * cone-tip line of that coordinate: k = 2 with ν₂ = 0, k = 3 with ν₁ = 0), with backtracking; a
   * gradient step of 10 GeV where the curvature is not positive. Returns χ². Where the line's
   * lower bound exceeds `bound` (its χ² is above `bound` everywhere: a rigorous bound,
   * {@link NeutrinoProblem.lineFloor}), returns that bound without searching: the callers discard
   * line minima above `bound`.
   */
  private alongLine(prob: NeutrinoProblem, x: Float64Array, k: 2 | 3, bound: number): number {
    this.localConverged = false;
    prob.setTipLine(k === 2 ? 2 : 1);
    if (prob.lineFloor > bound) return prob.lineFloor;
    let z = x[k] as number;
    prob.lineDerivatives(x, k);
    let chi = prob.value;
    for (let it = 0; it < this.maxIterations; it++) {
      this.iterations++;
      const g = prob.lineGrad;
      const h = prob.lineHess;
      const dz = h > 0 ? g / h : Math.sign(g) * 10;
      if (g * dz <= 1e-12 * chi || chi <= this.floor * 1e-6) {
        this.localConverged = true;
        x[k] = z;
        return chi;
      }
      let t = 1;
      let accepted = false;
      for (let ls = 0; ls < 40 && !accepted; ls++) {
        const zt = z - t * dz; // trial point
        const ct = prob.lineChi2(zt);
        if (ct <= chi - 1e-4 * t * 2 * g * dz) {
          accepted = true;
          if (chi - ct <= 1e-13 * chi) {
            x[k] = z;
            this.localConverged = true;
            return ct;
          }
          z = zt;
          x[k] = z;
          prob.lineDerivatives(x, k);
          chi = prob.value;
        }
        t *= 0.3;
      }
      x[k] = z;
      if (!accepted) {
        this.localConverged = true;
        return chi;
      }
    }
    return chi;
  }

  /** χ² at x − t·d (the candidate is kept in `xt`). */
  private trial(prob: NeutrinoProblem, x: Float64Array, t: number): number {
    const xt = this.xt;
    const d = this.d;
    for (let i = 0; i < 4; i++) xt[i] = (x[i] as number) - t * (d[i] as number);
    return prob.chi2(xt[0] as number, xt[1] as number, xt[2] as number, xt[3] as number);
  }
}

function dot4(a: Float64Array, b: Float64Array): number {
  return (
    (a[0] as number) * (b[0] as number) +
    (a[1] as number) * (b[1] as number) +
    (a[2] as number) * (b[2] as number) +
    (a[3] as number) * (b[3] as number)
  );
}

/**
 * Merge radius of the basin de-duplication, in units of the start table's scale L: 5% of L
 * (a few GeV). Validated: on the bench's 2000 toy events no result changed by more than 1e-6
 * relative at 0.05 and 0.2; at 0.5 one Higgsness minimum was lost.
 */
const MERGE_RADIUS = 0.05;
/**
 * Newton stopping rule: stationary when the predicted decrease of χ² (2·½gᵀd) is ≤ STOP_REL·χ², or an
 * accepted step lowered χ² by ≤ 0.1·STOP_REL·χ² (with linear convergence at a degenerate minimum
 * of ratio ≤ 0.96 the χ² left is ≤ 3e-9 relative, far below the 1e-6 of the references), or moved
 * x by ≤ STEP_TOL·L (an iterate pinned at a kink, e.g. a cone tip, which the tip-line searches and
 * {@link Minimiser.polishAtTip} handle).
 */
const STOP_REL = 1e-10;
/**
 * Tip-snapping radius of the Newton runs in units of L (see {@link Minimiser.newton}). On the
 * bench's 2000 toy events and 4000 more (seed 11), Higgsness and Topness: no minimum changed by
 * more than 1e-9 relative at 0.01 and 0.02 (one lower Higgsness minimum found); at 0.03 one
 * exact solution (χ² = 0) was missed, at 0.1 five. At 0.01 the bench's Higgsness needs 28% fewer
 * χ² and 7% fewer derivative evaluations.
 */
const TIP_SNAP = 0.01;
/** (√5 − 1)/2, the golden-section ratio of {@link Minimiser.collinearMin}. */
const GOLDEN = 0.5 * (Math.sqrt(5) - 1);
/**
 * Collinear-segment search ({@link Minimiser.collinearMin}), in fractions of the segment: the
 * descent test step, and the golden-section tolerance (the point found only starts a Newton run;
 * on 6000 bench and 6000 background-like events, 1e-2, 1e-3 and 1e-9 gave the same minima).
 */
const COLLINEAR_STEP = 1e-6;
const COLLINEAR_TOL = 1e-3;
const STEP_TOL = 1e-7;

/**
 * Solves the symmetric 4 × 4 system m·d = g by the LDLᵀ (square-root-free Cholesky) factorisation
 * (m is only read). Returns false when m is not positive definite (a pivot of D is not > 0).
 */
function solve4(m: Float64Array, g: Float64Array, d: Float64Array): boolean {
  const d0 = m[0] as number;
  if (!(d0 > 0)) return false;
  const i0 = 1 / d0;
  const l10 = (m[4] as number) * i0;
  const l20 = (m[8] as number) * i0;
  const l30 = (m[12] as number) * i0;
  const d1 = (m[5] as number) - l10 * (m[4] as number);
  if (!(d1 > 0)) return false;
  const i1 = 1 / d1;
  const c21 = (m[9] as number) - l20 * (m[4] as number);
  const c31 = (m[13] as number) - l30 * (m[4] as number);
  const l21 = c21 * i1;
  const l31 = c31 * i1;
  const d2 = (m[10] as number) - l20 * (m[8] as number) - l21 * c21;
  if (!(d2 > 0)) return false;
  const i2 = 1 / d2;
  const c32 = (m[14] as number) - l30 * (m[8] as number) - l31 * c21;
  const l32 = c32 * i2;
  const d3 = (m[15] as number) - l30 * (m[12] as number) - l31 * c31 - l32 * c32;
  if (!(d3 > 0)) return false;
  const y0 = g[0] as number;
  const y1 = (g[1] as number) - l10 * y0;
  const y2 = (g[2] as number) - l20 * y0 - l21 * y1;
  const y3 = (g[3] as number) - l30 * y0 - l31 * y1 - l32 * y2;
  const z3 = y3 / d3;
  const z2 = y2 * i2 - l32 * z3;
  const z1 = y1 * i1 - l21 * z2 - l31 * z3;
  const z0 = y0 * i0 - l10 * z1 - l20 * z2 - l30 * z3;
  d[0] = z0;
  d[1] = z1;
  d[2] = z2;
  d[3] = z3;
  return true;
}

/**
 * The point of the cone-tip line nearest to x: |ν₁| = 0 when `nu1` (x = (0, 0, 0, ν₂z)), else
 * |ν₂| = 0 (x = (METx, METy, ν₁z, 0)); written to `out`.
 */
function toTip(prob: NeutrinoProblem, x: Float64Array, nu1: boolean, out: Float64Array): void {
  out.set(x);
  if (nu1) {
    out[0] = 0;
    out[1] = 0;
    out[2] = 0;
  } else {
    out[0] = prob.metx;
    out[1] = prob.mety;
    out[3] = 0;
  }
}
