/**
 * Training problems and results shared by the two training modes, and the reference mode:
 * - 'fast' = `minimizeTrustRegion` (trustRegion.ts), exact minimisation with the analytic Hessian;
 * - {@link trainAdam} ("reference"): full-batch Adam (Kingma & Ba 2015) with the reference NPLM
 *   settings (lr 1e-3, β₁ 0.9, β₂ 0.999, ε 1e-7 as in Keras), clipping |θ| ≤ W after every step,
 *   loss taken at the last epoch.
 *
 * @module
 */
import type { NetworkShape } from './network.js';
import {
  evaluateLoss,
  evaluateObjective,
  type ObjectiveValue,
  ObjectiveWorkspace,
  type PointwiseLoss,
} from './objective.js';

/** How a training run ended. */
export type TrainingStatus = 'converged' | 'loss-stationary' | 'max-iterations' | 'fixed-epochs';

/** Outcome of one training run. */
export interface TrainingResult {
  /** Parameters at the end (a fresh array). */
  theta: Float64Array;
  /** Loss L at the end (without the penalty). */
  loss: number;
  /** Minimised objective L + λ‖θ‖² at the end (= loss when there is no penalty). */
  objective: number;
  /** Trust-region iterations or Adam epochs performed. */
  iterations: number;
  /**
   * 'converged' (tolerance met), 'loss-stationary' (loss no longer decreasing: minimum at infinity),
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
  /**
   * L2 penalty λ ≥ 0 (events per unit parameter²; default 0): the optimisers minimise
   * L(θ) + λ‖θ‖², a complexity control (see the README's calibration section).
   */
  penalty?: number;
}

/** The penalised objective L + λ‖θ‖² with its gradient and Hessian, and the plain loss L. */
export function penalizedObjective(
  problem: TrainingProblem,
  theta: Float64Array,
  ws: ObjectiveWorkspace,
  withHessian: boolean,
): ObjectiveValue & { data: number } {
  const o = evaluateObjective(theta, problem.shape, problem.x, problem.loss, ws, withHessian);
  const lambda = problem.penalty ?? 0;
  const data = o.loss;
  if (lambda === 0) return { ...o, data };
  const P = theta.length;
  let norm2 = 0;
  for (let p = 0; p < P; p++) {
    const t = theta[p] as number;
    norm2 += t * t;
    o.gradient[p] = (o.gradient[p] as number) + 2 * lambda * t;
    if (o.hessian !== null) o.hessian[p * P + p] = (o.hessian[p * P + p] as number) + 2 * lambda;
  }
  return { loss: data + lambda * norm2, gradient: o.gradient, hessian: o.hessian, data };
}

/** Penalised objective value only (line searches, ratio tests). */
export function penalizedLoss(problem: TrainingProblem, theta: Float64Array, ws: ObjectiveWorkspace): number {
  const lambda = problem.penalty ?? 0;
  let norm2 = 0;
  if (lambda !== 0) for (let p = 0; p < theta.length; p++) norm2 += (theta[p] as number) ** 2;
  return evaluateLoss(theta, problem.shape, problem.x, problem.loss, ws) + lambda * norm2;
}

/** ∞-norm of the gradient projected onto the box |θ| ≤ bound (outward components at a bound dropped). */
export function projectedGradientNorm(theta: Float64Array, g: Float64Array, bound: number): number {
  let m = 0;
  for (let p = 0; p < theta.length; p++) {
    if ((theta[p] as number) >= bound && (g[p] as number) < 0) continue;
    if ((theta[p] as number) <= -bound && (g[p] as number) > 0) continue;
    m = Math.max(m, Math.abs(g[p] as number));
  }
  return m;
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
  const { shape, x, bound } = problem;
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
    const { gradient } = penalizedObjective(problem, theta, ws, false);
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
  const final = penalizedObjective(problem, theta, ws, false);
  return {
    theta,
    loss: final.data,
    objective: final.loss,
    iterations: options.epochs,
    status: 'fixed-epochs',
    projectedGradient: projectedGradientNorm(theta, final.gradient, bound),
  };
}
