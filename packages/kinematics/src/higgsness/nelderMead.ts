/**
 * Nelder–Mead simplex minimisation in four dimensions (standard coefficients: reflection 1,
 * expansion 2, contraction ½, shrink ½; Nelder & Mead 1965), with preallocated buffers. Used to
 * polish minima at the non-differentiable cone tips of the neutrino χ² (|ν| = 0), where Newton
 * iterations only creep. Internal module.
 *
 * @module
 */

/** Objective of four parameters. */
export type Objective4 = (x0: number, x1: number, x2: number, x3: number) => number;

/** Reusable 4-D Nelder–Mead minimiser. */
export class NelderMead4 {
  private readonly pts = new Float64Array(20);
  private readonly val = new Float64Array(5);
  private readonly c = new Float64Array(4);
  private readonly xr = new Float64Array(4);
  private readonly xe = new Float64Array(4);
  /** Function evaluations of the last {@link minimise}. */
  evaluations = 0;

  /**
   * Minimises `f` from `x` (updated in place to the best vertex) with an initial simplex of edge
   * `step` along the axes, until the vertex values agree to `rtol` relative or `maxEval`
   * evaluations. Returns the best value.
   */
  minimise(f: Objective4, x: Float64Array, step: number, rtol = 1e-13, maxEval = 2000): number {
    const pts = this.pts;
    const val = this.val;
    for (let k = 0; k < 5; k++) {
      for (let j = 0; j < 4; j++) pts[4 * k + j] = (x[j] as number) + (k === j + 1 ? step : 0);
      val[k] = this.eval(f, pts, 4 * k);
    }
    this.evaluations = 5;
    while (this.evaluations < maxEval) {
      // Best, worst and second-worst vertices.
      let lo = 0;
      let hi = 0;
      for (let k = 1; k < 5; k++) {
        if ((val[k] as number) < (val[lo] as number)) lo = k;
        if ((val[k] as number) > (val[hi] as number)) hi = k;
      }
      let nh = lo;
      for (let k = 0; k < 5; k++) if (k !== hi && (val[k] as number) > (val[nh] as number)) nh = k;
      const fLo = val[lo] as number;
      const fHi = val[hi] as number;
      if (fHi - fLo <= rtol * Math.abs(fLo) + 1e-300) break;
      // Centroid of the vertices other than the worst (a loop, not `fill`: a builtin call here
      // cost more than the rest of the iteration).
      const c = this.c;
      for (let j = 0; j < 4; j++) {
        let sum = 0;
        for (let k = 0; k < 5; k++) if (k !== hi) sum += 0.25 * (pts[4 * k + j] as number);
        c[j] = sum;
      }
      const fr = this.towards(f, hi, -1, this.xr);
      if (fr < fLo) {
        const fe = this.towards(f, hi, -2, this.xe);
        this.replace(hi, fe < fr ? this.xe : this.xr, Math.min(fe, fr));
      } else if (fr < (val[nh] as number)) {
        this.replace(hi, this.xr, fr);
      } else {
        const fc = this.towards(f, hi, 0.5, this.xe);
        if (fc < fHi) this.replace(hi, this.xe, fc);
        else {
          for (let k = 0; k < 5; k++) {
            if (k === lo) continue;
            for (let j = 0; j < 4; j++)
              pts[4 * k + j] = 0.5 * ((pts[4 * lo + j] as number) + (pts[4 * k + j] as number));
            val[k] = this.eval(f, pts, 4 * k);
            this.evaluations++;
          }
        }
      }
    }
    let lo = 0;
    for (let k = 1; k < 5; k++) if ((val[k] as number) < (val[lo] as number)) lo = k;
    for (let j = 0; j < 4; j++) x[j] = pts[4 * lo + j] as number;
    return val[lo] as number;
  }

  private eval(f: Objective4, p: Float64Array, o: number): number {
    return f(p[o] as number, p[o + 1] as number, p[o + 2] as number, p[o + 3] as number);
  }

  /** out = c + t·(vertex k − c); returns f(out). */
  private towards(f: Objective4, k: number, t: number, out: Float64Array): number {
    for (let j = 0; j < 4; j++) {
      const cj = this.c[j] as number;
      out[j] = cj + t * ((this.pts[4 * k + j] as number) - cj);
    }
    this.evaluations++;
    return this.eval(f, out, 0);
  }

  private replace(k: number, p: Float64Array, v: number): void {
    for (let j = 0; j < 4; j++) this.pts[4 * k + j] = p[j] as number;
    this.val[k] = v;
  }
}
