/**
 * Loss, analytic gradient and analytic Hessian of a sum of pointwise losses of a one-hidden-layer
 * network, L(θ) = Σ_i ℓ_i(f(x_i; θ)), accumulated in float64:
 *
 *   ∇L = Σ_i ℓ′_i ∇f_i,   ∇²L = Σ_i [ℓ″_i ∇f_i ∇f_iᵀ + ℓ′_i ∇²f_i].
 *
 * ∇²f is block-diagonal per hidden unit j with u = (x, 1), s = σ(W_j·x + b_j):
 * ∂²f/∂u_k∂u_l = v_j s(1−s)(1−2s) u_k u_l and ∂²f/∂v_j∂u_k = s(1−s) u_k.
 *
 * The NPLM loss is ℓ_i(f) = a_i (e^f − 1) − b_i f (a_i = reference weight, b_i = data weight);
 * the cross-entropy loss of paper 004 §2.2 is defined in `crossEntropy.ts`.
 *
 * @module
 */
import type { NetworkShape } from './network.js';
import { parameterCount } from './network.js';

/**
 * A pointwise loss: given f at every point, writes ℓ_i′ and ℓ_i″ (when `d2` is non-null) and returns
 * Σ_i ℓ_i.
 */
export type PointwiseLoss = (f: Float64Array, d1: Float64Array, d2: Float64Array | null) => number;

/**
 * NPLM pointwise loss ℓ_i(f) = a_i (e^f − 1) − b_i f (FORMULAS.md §1): a_i = N(R)/N_R on reference
 * events, b_i = 1 on data events (the symmetrized fits use a_i = N_A/N on the combined sample).
 */
export function nplmPointwiseLoss(a: Float64Array, b: Float64Array): PointwiseLoss {
  return (f, d1, d2) => {
    let sum = 0;
    for (let i = 0; i < f.length; i++) {
      const ae = a[i] === 0 ? 0 : (a[i] as number) * Math.exp(f[i] as number);
      sum += ae - (a[i] as number) - (b[i] as number) * (f[i] as number);
      d1[i] = ae - (b[i] as number);
      if (d2 !== null) d2[i] = ae;
    }
    return sum;
  };
}

/** Result of {@link evaluateObjective}. */
export interface ObjectiveValue {
  loss: number;
  /** ∇L (length P). */
  gradient: Float64Array;
  /** ∇²L, dense row-major P×P, or null when not requested. */
  hessian: Float64Array | null;
}

/** Work buffers reused across evaluations of one problem (avoids per-call allocation). */
export class ObjectiveWorkspace {
  readonly f: Float64Array;
  readonly d1: Float64Array;
  readonly d2: Float64Array;
  /** Hidden activations s_ij, row-major n×h. */
  readonly s: Float64Array;
  constructor(n: number, hidden: number) {
    this.f = new Float64Array(n);
    this.d1 = new Float64Array(n);
    this.d2 = new Float64Array(n);
    this.s = new Float64Array(n * hidden);
  }
}

/** Forward pass: fills ws.f and ws.s. */
function forward(theta: Float64Array, shape: NetworkShape, x: Float64Array, ws: ObjectiveWorkspace): void {
  const { inputs: d, hidden: h } = shape;
  const n = ws.f.length;
  const vOffset = h * (d + 1);
  const b2 = theta[vOffset + h];
  for (let i = 0; i < n; i++) {
    let f = b2 as number;
    for (let j = 0; j < h; j++) {
      const base = j * (d + 1);
      let z = theta[base + d] as number;
      for (let k = 0; k < d; k++) z += (theta[base + k] as number) * (x[i * d + k] as number);
      const s = (1 / (1 + Math.exp(-z))) as number;
      ws.s[i * h + j] = s;
      f += (theta[vOffset + j] as number) * s;
    }
    (ws.f[i] as number) = f;
  }
}

/** Loss only (used by line searches). */
export function evaluateLoss(
  theta: Float64Array,
  shape: NetworkShape,
  x: Float64Array,
  loss: PointwiseLoss,
  ws: ObjectiveWorkspace,
): number {
  forward(theta, shape, x, ws);
  return loss(ws.f, ws.d1, null);
}

/**
 * Loss, gradient and (if `withHessian`) Hessian at θ for inputs `x` (row-major n×d).
 */
export function evaluateObjective(
  theta: Float64Array,
  shape: NetworkShape,
  x: Float64Array,
  loss: PointwiseLoss,
  ws: ObjectiveWorkspace,
  withHessian: boolean,
): ObjectiveValue {
  const { inputs: d, hidden: h } = shape;
  const P = parameterCount(shape);
  const n = ws.f.length;
  forward(theta, shape, x, ws);
  const value = loss(ws.f, ws.d1, withHessian ? ws.d2 : null);
  const grad = new Float64Array(P);
  const hess = withHessian ? new Float64Array(P * P) : null;
  const g = new Float64Array(P); // ∇f at one point
  const vOffset = h * (d + 1);
  const du = d + 1;
  g[P - 1] = 1;
  for (let i = 0; i < n; i++) {
    const l1 = ws.d1[i] as number;
    for (let j = 0; j < h; j++) {
      const s = ws.s[i * h + j] as number;
      const sp = s * (1 - s);
      const vsp = (theta[vOffset + j] as number) * sp;
      const base = j * du;
      for (let k = 0; k < d; k++) g[base + k] = vsp * (x[i * d + k] as number);
      g[base + d] = vsp;
      (g[vOffset + j] as number) = s;
    }
    for (let p = 0; p < P; p++) grad[p] = (grad[p] as number) + l1 * (g[p] as number);
    if (hess === null) continue;
    const l2 = ws.d2[i] as number;
    if (l2 !== 0) {
      for (let p = 0; p < P; p++) {
        const gp = l2 * (g[p] as number);
        const row = p * P;
        for (let q = p; q < P; q++) hess[row + q] = (hess[row + q] as number) + gp * (g[q] as number);
      }
    }
    if (l1 !== 0) {
      for (let j = 0; j < h; j++) {
        const s = ws.s[i * h + j] as number;
        const sp = s * (1 - s);
        const c = l1 * (theta[vOffset + j] as number) * sp * (1 - 2 * s);
        const cv = l1 * sp;
        const base = j * du;
        const vIdx = vOffset + j;
        for (let k = 0; k <= d; k++) {
          const uk = k < d ? (x[i * d + k] as number) : 1;
          const row = (base + k) * P;
          for (let l = k; l <= d; l++) {
            const ul = l < d ? (x[i * d + l] as number) : 1;
            hess[row + base + l] = (hess[row + base + l] as number) + c * uk * ul;
          }
          hess[row + vIdx] = (hess[row + vIdx] as number) + cv * uk;
        }
      }
    }
  }
  if (hess !== null) {
    for (let p = 0; p < P; p++) for (let q = 0; q < p; q++) hess[p * P + q] = hess[q * P + p] as number;
  }
  return { loss: value, gradient: grad, hessian: hess };
}
