/**
 * The 'fast' training mode: exact minimisation of a network loss by a trust-region Newton method
 * with the analytic Hessian (Moré & Sorensen 1983; Nocedal & Wright, Numerical Optimization, ch. 4)
 * and box constraints |θ_p| ≤ W handled by an active set (projected Newton: Bertsekas 1982; Lin &
 * Moré 1999) — {@link minimizeBox} for any smooth objective, {@link minimizeTrustRegion} for a
 * training problem:
 *
 * - free set F: coordinates not held at a bound by an outward-pointing gradient;
 * - step: the exact trust-region step on F, p(μ) = −(H_FF + μI)⁻¹ g_F with μ ≥ max(0, −λ_min) and
 *   ‖p‖ ≤ Δ (eigendecomposition of H_FF; the "hard case" adds the lowest eigenvector); coordinates
 *   on a face whose step points outward are then held too and the step recomputed on the smaller
 *   F (until none is left), so the step never has to be projected back onto a face it leaves
 *   inward; it is truncated at the first face it crosses;
 * - acceptance and radius update by the ratio ρ of actual to predicted decrease of the quadratic
 *   model evaluated on the step taken; the radius grows only up to 0.6× the last rejected step
 *   length (relaxed 1.1× per expansion), against expand-reject cycles in curved valleys;
 * - convergence ('converged') when the projected gradient ∞-norm ≤ `gradientTolerance`, or when
 *   H_FF is positive definite and the Newton decrement ½ g_Fᵀ H_FF⁻¹ g_F ≤ `decrementTolerance`
 *   (t = −2L is then exact to about 4× that); 'loss-stationary' when the loss keeps decreasing by
 *   less than `lossTolerance` per accepted step (a minimum at infinite weights, unbounded nets).
 *
 * @module
 */
import { assertFiniteArray, HepInputError } from '@hep/core';
import { symmetricEigen } from './eigen.js';
import { ObjectiveWorkspace } from './objective.js';
import {
  penalizedLoss,
  penalizedObjective,
  projectedGradientNorm,
  type TrainingProblem,
  type TrainingResult,
} from './optimize.js';

/** Stopping rules of {@link minimizeTrustRegion}. */
export interface TrustRegionOptions {
  /** Iteration cap (default 300). */
  maxIterations?: number;
  /** 'converged' when the projected-gradient ∞-norm ≤ this (default 1e-7; L is in events). */
  gradientTolerance?: number;
  /** 'converged' when H_FF ≻ 0 and ½ g_Fᵀ H_FF⁻¹ g_F ≤ this (default 1e-10 events). */
  decrementTolerance?: number;
  /** 'loss-stationary' after 8 accepted steps each lowering L by ≤ this (default 1e-11). */
  lossTolerance?: number;
}

/** Free coordinates: not at a bound with the gradient pointing outward. */
function freeSet(theta: Float64Array, g: Float64Array, bound: number): number[] {
  const free: number[] = [];
  for (let p = 0; p < theta.length; p++) {
    const t = theta[p] as number;
    const gp = g[p] as number;
    if ((t >= bound && gp < 0) || (t <= -bound && gp > 0)) continue;
    free.push(p);
  }
  return free;
}

/**
 * Exact trust-region step on the free set: writes p (full length, zero off F) and returns the
 * Newton decrement ½ gᵀH⁻¹g when H_FF ≻ 0, else +∞.
 */
function trustRegionStep(
  H: Float64Array,
  g: Float64Array,
  P: number,
  free: number[],
  radius: number,
  scale: Float64Array,
  step: Float64Array,
): number {
  const m = free.length;
  const sub = new Float64Array(m * m);
  const gs = new Float64Array(m); // scaled gradient D⁻¹g on F
  for (let a = 0; a < m; a++) {
    const fa = free[a] as number;
    gs[a] = (g[fa] as number) / (scale[fa] as number);
    for (let b = 0; b < m; b++) {
      const fb = free[b] as number;
      sub[a * m + b] = (H[fa * P + fb] as number) / ((scale[fa] as number) * (scale[fb] as number));
    }
  }
  const { values, vectors } = symmetricEigen(sub, m);
  const gh = new Float64Array(m); // Qᵀ g_F
  let lmin = Number.POSITIVE_INFINITY;
  let kmin = 0;
  let lmax = 0;
  for (let k = 0; k < m; k++) {
    let s = 0;
    for (let a = 0; a < m; a++) s += (vectors[a * m + k] as number) * (gs[a] as number);
    gh[k] = s;
    if ((values[k] as number) < lmin) {
      lmin = values[k] as number;
      kmin = k;
    }
    lmax = Math.max(lmax, Math.abs(values[k] as number));
  }
  const eps = 1e-13 * Math.max(lmax, 1e-300);
  const norm2 = (mu: number) => {
    let s = 0;
    for (let k = 0; k < m; k++) s += ((gh[k] as number) / ((values[k] as number) + mu)) ** 2;
    return s;
  };
  let decrement = Number.POSITIVE_INFINITY;
  let mu = 0;
  let extra = 0; // hard-case component along the lowest eigenvector
  const pd = lmin > eps;
  if (pd) {
    decrement = 0;
    for (let k = 0; k < m; k++) decrement += (gh[k] as number) ** 2 / (values[k] as number);
    decrement /= 2;
  }
  if (!(pd && norm2(0) <= radius * radius)) {
    // Solve ‖p(μ)‖ = Δ for μ > max(0, −λ_min) (Newton on 1/‖p‖ − 1/Δ, safeguarded by bisection).
    let lo = Math.max(0, -lmin) + eps;
    if (norm2(lo) <= radius * radius) {
      mu = lo;
      extra = Math.sqrt(Math.max(0, radius * radius - norm2(lo)));
    } else {
      let gnorm = 0;
      for (let k = 0; k < m; k++) gnorm += (gh[k] as number) ** 2;
      let hi = lo + Math.sqrt(gnorm) / radius + lmax;
      mu = lo;
      for (let it = 0; it < 60; it++) {
        const n2 = norm2(mu);
        const n = Math.sqrt(n2);
        if (Math.abs(n - radius) <= 1e-4 * radius) break;
        if (n > radius) lo = mu;
        else hi = mu;
        let d3 = 0;
        for (let k = 0; k < m; k++) d3 += (gh[k] as number) ** 2 / ((values[k] as number) + mu) ** 3;
        let next = mu + ((n - radius) / radius) * (n2 / d3);
        if (!(next > lo && next < hi)) next = (lo + hi) / 2;
        mu = next;
      }
    }
  }
  step.fill(0);
  for (let a = 0; a < m; a++) {
    let s = 0;
    for (let k = 0; k < m; k++)
      s -= ((vectors[a * m + k] as number) * (gh[k] as number)) / ((values[k] as number) + mu);
    s += extra * (vectors[a * m + kmin] as number);
    step[free[a] as number] = s / (scale[free[a] as number] as number);
  }
  return decrement;
}

/** Quadratic model change gᵀs + ½ sᵀHs. */
function modelChange(H: Float64Array, g: Float64Array, s: Float64Array, P: number): number {
  let lin = 0;
  let quad = 0;
  for (let p = 0; p < P; p++) {
    const sp = s[p] as number;
    if (sp === 0) continue;
    lin += (g[p] as number) * sp;
    let row = 0;
    for (let q = 0; q < P; q++) row += (H[p * P + q] as number) * (s[q] as number);
    quad += sp * row;
  }
  return lin + quad / 2;
}

/** A smooth objective of the box-constrained trust-region method. */
export interface BoxObjective<V extends BoxObjectiveValue> {
  /** Value, gradient and Hessian (row-major P×P) at θ; fresh arrays. */
  evaluate(theta: Float64Array): V;
  /** Value only (trial points). */
  value(theta: Float64Array): number;
}

/** Value of a {@link BoxObjective} at a point. */
export interface BoxObjectiveValue {
  value: number;
  gradient: Float64Array;
  hessian: Float64Array;
}

/** Outcome of {@link minimizeBox}. */
export interface BoxMinimum<V extends BoxObjectiveValue> {
  /** Parameters at the end (a fresh array). */
  theta: Float64Array;
  /** The objective's evaluation at `theta`. */
  last: V;
  iterations: number;
  status: TrainingResult['status'];
  /** ∞-norm of the projected gradient at `theta`. */
  projectedGradient: number;
}

/**
 * Minimises a smooth `objective` in the box |θ_p| ≤ `bound` from `start` (clipped into the box) by
 * trust-region Newton steps on an active set (module TSDoc). A coordinate on a face is held there
 * when its gradient points outward, or when the step on the free set would push it outward (the
 * step is then recomputed without it, as in projected-Newton active-set methods: Bertsekas 1982;
 * Lin & Moré 1999); at a minimum of the reduced model the Newton step on a held coordinate with an
 * inward gradient points inward, so it is released again.
 */
export function minimizeBox<V extends BoxObjectiveValue>(
  objective: BoxObjective<V>,
  start: Float64Array,
  bound: number,
  options: TrustRegionOptions = {},
): BoxMinimum<V> {
  const maxIterations = options.maxIterations ?? 300;
  const gradTol = options.gradientTolerance ?? 1e-7;
  const decTol = options.decrementTolerance ?? 1e-10;
  const lossTol = options.lossTolerance ?? 1e-11;
  assertFiniteArray('start', start);
  if (!(bound > 0)) throw new HepInputError('bound', `must be > 0 (or Infinity: no box), got ${bound}`);
  const P = start.length;
  const theta = Float64Array.from(start, (v) => Math.min(bound, Math.max(-bound, v)));
  let obj = objective.evaluate(theta);
  const step = new Float64Array(P);
  const trial = new Float64Array(P);
  const moved = new Float64Array(P);
  const scale = new Float64Array(P).fill(1e-8);
  let radius = 10;
  let smallSteps = 0;
  let rejectedLength = Number.POSITIVE_INFINITY;
  const result = (iterations: number, status: TrainingResult['status']): BoxMinimum<V> => ({
    theta,
    last: obj,
    iterations,
    status,
    projectedGradient: projectedGradientNorm(theta, obj.gradient, bound),
  });
  for (let it = 0; it < maxIterations; it++) {
    const H = obj.hessian;
    let free = freeSet(theta, obj.gradient, bound);
    if (projectedGradientNorm(theta, obj.gradient, bound) <= gradTol) return result(it, 'converged');
    // Moré scaling: D_pp = running max of √|H_pp| (an ellipsoidal trust region ‖D p‖ ≤ Δ)
    for (let p = 0; p < P; p++)
      scale[p] = Math.max(scale[p] as number, Math.sqrt(Math.abs(H[p * P + p] as number)));
    const decrement = trustRegionStep(H, obj.gradient, P, free, radius, scale, step);
    if (decrement <= decTol) return result(it, 'converged');
    // hold face coordinates whose step points outward; recompute the step on the rest
    for (;;) {
      const keep = free.filter(
        (p) => !(Math.abs(theta[p] as number) >= bound && (step[p] as number) * (theta[p] as number) > 0),
      );
      if (keep.length === free.length || keep.length === 0) break;
      free = keep;
      trustRegionStep(H, obj.gradient, P, free, radius, scale, step);
    }
    // truncate the step at the first bound it crosses (that coordinate lands on the face)
    let alpha = 1;
    for (let p = 0; p < P; p++) {
      const target = (theta[p] as number) + (step[p] as number);
      if (Math.abs(theta[p] as number) >= bound) continue; // already on the face: projected below
      if (target > bound) alpha = Math.min(alpha, (bound - (theta[p] as number)) / (step[p] as number));
      else if (target < -bound)
        alpha = Math.min(alpha, (-bound - (theta[p] as number)) / (step[p] as number));
    }
    let stepNorm = 0;
    for (let p = 0; p < P; p++) {
      const target = (theta[p] as number) + alpha * (step[p] as number);
      const onFace = Number.isFinite(bound) && Math.abs(bound - Math.abs(target)) <= 1e-12 * bound;
      trial[p] = onFace ? Math.sign(target) * bound : target;
      trial[p] = Math.min(bound, Math.max(-bound, trial[p] as number));
      moved[p] = (trial[p] as number) - (theta[p] as number);
      stepNorm += ((scale[p] as number) * (moved[p] as number)) ** 2;
    }
    stepNorm = Math.sqrt(stepNorm);
    const predicted = -modelChange(H, obj.gradient, moved, P);
    const trialValue = objective.value(trial);
    const actual = obj.value - trialValue;
    const rho = predicted > 0 && actual > 0 && Number.isFinite(trialValue) ? actual / predicted : -1;
    // radius: shrink after a poor step; expand after a good one that reached the boundary, but
    // only up to 0.6× the last rejected step length (that cap relaxes by 1.1× per expansion),
    // which stops the expand-reject cycle along curved valleys
    if (rho < 0.25) {
      if (rho <= 1e-4) rejectedLength = stepNorm;
      radius = 0.4 * Math.max(stepNorm, 1e-3 * radius);
    } else if (rho > 0.75 && stepNorm >= 0.99 * radius) {
      radius = Math.min(2 * radius, Math.max(radius, 0.6 * rejectedLength), 1e8);
      rejectedLength *= 1.1;
    }
    if (rho > 1e-4) {
      theta.set(trial);
      obj = objective.evaluate(theta);
      smallSteps = actual <= lossTol ? smallSteps + 1 : 0;
      if (smallSteps >= 8) return result(it + 1, 'loss-stationary');
    } else if (radius < 1e-12) return result(it + 1, 'loss-stationary');
  }
  return result(maxIterations, 'max-iterations');
}

/**
 * Minimises the penalised loss L + λ‖θ‖² of `problem` from `start` (clipped into the box) with
 * {@link minimizeBox}; reports status, iterations and the final projected gradient.
 */
export function minimizeTrustRegion(
  problem: TrainingProblem,
  start: Float64Array,
  options: TrustRegionOptions = {},
): TrainingResult {
  const ws = new ObjectiveWorkspace(problem.x.length / problem.shape.inputs, problem.shape.hidden);
  const m = minimizeBox(
    {
      evaluate: (theta) => {
        const o = penalizedObjective(problem, theta, ws, true);
        return { value: o.loss, gradient: o.gradient, hessian: o.hessian as Float64Array, data: o.data };
      },
      value: (theta) => penalizedLoss(problem, theta, ws),
    },
    start,
    problem.bound,
    options,
  );
  return {
    theta: m.theta,
    loss: m.last.data,
    objective: m.last.value,
    iterations: m.iterations,
    status: m.status,
    projectedGradient: m.projectedGradient,
  };
}
