/**
 * The two training modes of NPLM networks (issue #6):
 * - {@link minimizeProjectedNewton} ("fast"): exact minimisation with the analytic Hessian,
 *   Levenberg-damped Newton steps projected onto the box |θ_p| ≤ W (active-set: coordinates held at
 *   a bound with the gradient pointing outward are frozen), reporting convergence;
 * - {@link trainAdam} ("reference"): full-batch Adam (Kingma & Ba 2015) with the reference NPLM
 *   settings (lr 1e-3, β₁ 0.9, β₂ 0.999, ε 1e-7 as in Keras), clipping |θ| ≤ W after every step,
 *   loss taken at the last epoch.
 *
 * @module
 */
import type { NetworkShape } from './network.js';
import { evaluateLoss, evaluateObjective, ObjectiveWorkspace, type PointwiseLoss } from './objective.js';

/** How a training run ended. */
export type TrainingStatus = 'converged' | 'loss-stationary' | 'max-iterations' | 'fixed-epochs';

/** Outcome of one training run. */
export interface TrainingResult {
  /** Parameters at the end (a fresh array). */
  theta: Float64Array;
  /** Loss L at the end. */
  loss: number;
  /** Newton iterations or Adam epochs performed. */
  iterations: number;
  /**
   * 'converged' (projected-gradient tolerance met), 'loss-stationary' (see {@link NewtonOptions}),
   * 'max-iterations', or 'fixed-epochs' (Adam).
   */
  status: TrainingStatus;
  /** ∞-norm of the projected gradient at the end. */
  projectedGradient: number;
}

/** A training problem: inputs (row-major n×d), pointwise loss and box bound. */
export interface TrainingProblem {
  shape: NetworkShape;
  x: Float64Array;
  loss: PointwiseLoss;
  /** Box bound W on every parameter (Infinity: unbounded). */
  bound: number;
}

function projectedGradientNorm(theta: Float64Array, g: Float64Array, bound: number): number {
  let m = 0;
  for (let p = 0; p < theta.length; p++) {
    if ((theta[p] as number) >= bound && (g[p] as number) < 0) continue;
    if ((theta[p] as number) <= -bound && (g[p] as number) > 0) continue;
    m = Math.max(m, Math.abs(g[p] as number));
  }
  return m;
}

/** Solves (A + λI) y = r on the index set `free` by Cholesky; returns false if not positive definite. */
function dampedSolve(
  A: Float64Array,
  P: number,
  free: number[],
  lambda: number,
  r: Float64Array,
  y: Float64Array,
): boolean {
  const m = free.length;
  const L = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    for (let b = 0; b <= a; b++) {
      let s = (A[(free[a] as number) * P + (free[b] as number)] as number) + (a === b ? lambda : 0);
      for (let c = 0; c < b; c++) s -= (L[a * m + c] as number) * (L[b * m + c] as number);
      if (a === b) {
        if (!(s > 0)) return false;
        L[a * m + a] = Math.sqrt(s);
      } else L[a * m + b] = s / (L[b * m + b] as number);
    }
  }
  const z = new Float64Array(m);
  for (let a = 0; a < m; a++) {
    let s = r[free[a] as number] as number;
    for (let c = 0; c < a; c++) s -= (L[a * m + c] as number) * (z[c] as number);
    z[a] = s / (L[a * m + a] as number);
  }
  y.fill(0);
  for (let a = m - 1; a >= 0; a--) {
    let s = z[a] as number;
    for (let c = a + 1; c < m; c++) s -= (L[c * m + a] as number) * (y[free[c] as number] as number);
    y[free[a] as number] = s / (L[a * m + a] as number);
  }
  return true;
}

/** Stopping rules of {@link minimizeProjectedNewton}. */
export interface NewtonOptions {
  /** Iteration cap (default 100). */
  maxIterations?: number;
  /** 'converged' when the ∞-norm of the projected gradient ≤ this (default 1e-6; L is in events). */
  gradientTolerance?: number;
  /**
   * 'loss-stationary' after 3 accepted steps each lowering L by ≤ this (default 1e-9 events, i.e.
   * t changes < 2e-9): the minimum lies at infinite weights (unbounded nets) or is flat.
   */
  lossTolerance?: number;
}

/**
 * Minimises the loss from `start` by projected, Levenberg-damped Newton steps with the analytic
 * Hessian (active set: coordinates at a bound with outward gradient are frozen).
 */
export function minimizeProjectedNewton(
  problem: TrainingProblem,
  start: Float64Array,
  options: NewtonOptions = {},
): TrainingResult {
  const { shape, x, loss, bound } = problem;
  const maxIterations = options.maxIterations ?? 100;
  const tol = options.gradientTolerance ?? 1e-6;
  const lossTolerance = options.lossTolerance ?? 1e-9;
  const P = start.length;
  const ws = new ObjectiveWorkspace(x.length / shape.inputs, shape.hidden);
  const theta = Float64Array.from(start, (v) => Math.min(bound, Math.max(-bound, v)));
  let obj = evaluateObjective(theta, shape, x, loss, ws, true);
  let lambda = 1e-12;
  const step = new Float64Array(P);
  const trial = new Float64Array(P);
  const negGrad = new Float64Array(P);
  let pg = projectedGradientNorm(theta, obj.gradient, bound);
  let stationary = 0;
  for (let it = 0; it < maxIterations; it++) {
    if (pg <= tol)
      return { theta, loss: obj.loss, iterations: it, status: 'converged', projectedGradient: pg };
    const H = obj.hessian as Float64Array;
    const free: number[] = [];
    let diagScale = 0;
    for (let p = 0; p < P; p++) {
      const g = obj.gradient[p] as number;
      if (((theta[p] as number) >= bound && g < 0) || ((theta[p] as number) <= -bound && g > 0)) continue;
      free.push(p);
      diagScale = Math.max(diagScale, Math.abs(H[p * P + p] as number));
      negGrad[p] = -g;
    }
    let accepted = false;
    // Smallest damping that makes the free-set Hessian positive definite, then a backtracking
    // (Armijo) search along the projection arc P(θ + α·step).
    let solved = false;
    for (let attempt = 0; attempt < 40 && !solved; attempt++) {
      solved = dampedSolve(H, P, free, lambda * Math.max(1e-12, diagScale), negGrad, step);
      if (!solved) lambda = Math.max(lambda * 10, 1e-10);
    }
    if (!solved) break;
    for (let alpha = 1; alpha > 1e-10 && !accepted; alpha *= 0.3) {
      let decrease = 0;
      for (let p = 0; p < P; p++) {
        trial[p] = Math.min(bound, Math.max(-bound, (theta[p] as number) + alpha * (step[p] as number)));
        decrease += (obj.gradient[p] as number) * ((trial[p] as number) - (theta[p] as number));
      }
      const trialLoss = evaluateLoss(trial, shape, x, loss, ws);
      if (Number.isFinite(trialLoss) && trialLoss <= obj.loss + 1e-4 * decrease) {
        accepted = true;
        const previous = obj.loss;
        theta.set(trial);
        obj = evaluateObjective(theta, shape, x, loss, ws, true);
        pg = projectedGradientNorm(theta, obj.gradient, bound);
        lambda = Math.max(lambda / 10, 1e-12);
        if (pg <= tol)
          return { theta, loss: obj.loss, iterations: it + 1, status: 'converged', projectedGradient: pg };
        stationary = previous - obj.loss <= lossTolerance ? stationary + 1 : 0;
        if (stationary >= 3) {
          return {
            theta,
            loss: obj.loss,
            iterations: it + 1,
            status: 'loss-stationary',
            projectedGradient: pg,
          };
        }
      }
    }
    if (!accepted) lambda = Math.max(lambda * 100, 1e-6);
  }
  pg = projectedGradientNorm(theta, obj.gradient, bound);
  return {
    theta,
    loss: obj.loss,
    iterations: maxIterations,
    status: pg <= tol ? 'converged' : 'max-iterations',
    projectedGradient: pg,
  };
}

/** Options of {@link trainAdam}. */
export interface AdamOptions {
  epochs: number;
  learningRate?: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

/**
 * Full-batch Adam for a fixed number of epochs, clipping every parameter to [−W, W] after each
 * step (reference NPLM training). Returns the loss at the last epoch.
 */
export function trainAdam(
  problem: TrainingProblem,
  start: Float64Array,
  options: AdamOptions,
): TrainingResult {
  const { shape, x, loss, bound } = problem;
  const lr = options.learningRate ?? 1e-3;
  const b1 = options.beta1 ?? 0.9;
  const b2 = options.beta2 ?? 0.999;
  const eps = options.epsilon ?? 1e-7;
  const P = start.length;
  const ws = new ObjectiveWorkspace(x.length / shape.inputs, shape.hidden);
  const theta = Float64Array.from(start);
  const m = new Float64Array(P);
  const v = new Float64Array(P);
  let b1t = 1;
  let b2t = 1;
  for (let e = 0; e < options.epochs; e++) {
    const { gradient } = evaluateObjective(theta, shape, x, loss, ws, false);
    b1t *= b1;
    b2t *= b2;
    const alpha = (lr * Math.sqrt(1 - b2t)) / (1 - b1t);
    for (let p = 0; p < P; p++) {
      m[p] = b1 * (m[p] as number) + (1 - b1) * (gradient[p] as number);
      v[p] = b2 * (v[p] as number) + (1 - b2) * (gradient[p] as number) * (gradient[p] as number);
      const next = (theta[p] as number) - (alpha * (m[p] as number)) / (Math.sqrt(v[p] as number) + eps);
      theta[p] = Math.min(bound, Math.max(-bound, next));
    }
  }
  const final = evaluateObjective(theta, shape, x, loss, ws, false);
  return {
    theta,
    loss: final.loss,
    iterations: options.epochs,
    status: 'fixed-epochs',
    projectedGradient: projectedGradientNorm(theta, final.gradient, bound),
  };
}
