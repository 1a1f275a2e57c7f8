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
  /** Column-major Jacobian ∂f_i/∂θ_p (P·n), filled lazily by gradient evaluations. */
  jacobian: Float64Array | null = null;
  /** Scratch column of length n. */
  readonly scratch: Float64Array;
  /** θ and inputs of the last forward pass (f and s are reused when both are unchanged). */
  forwardTheta: Float64Array | null = null;
  forwardX: Float64Array | null = null;
  constructor(n: number, hidden: number) {
    this.f = new Float64Array(n);
    this.d1 = new Float64Array(n);
    this.d2 = new Float64Array(n);
    this.s = new Float64Array(n * hidden);
    this.scratch = new Float64Array(n);
  }
}

/** Whether ws.f and ws.s already hold the forward pass at (θ, x) (an accepted trial point). */
function cached(theta: Float64Array, x: Float64Array, ws: ObjectiveWorkspace): boolean {
  const last = ws.forwardTheta;
  if (ws.forwardX !== x || last === null || last.length !== theta.length) return false;
  for (let p = 0; p < theta.length; p++) if (last[p] !== theta[p]) return false;
  return true;
}

/** Forward pass: fills ws.f and ws.s (skipped when they already hold this θ and x). */
function forward(theta: Float64Array, shape: NetworkShape, x: Float64Array, ws: ObjectiveWorkspace): void {
  if (cached(theta, x, ws)) return;
  ws.forwardTheta = Float64Array.from(theta);
  ws.forwardX = x;
  const { inputs: d, hidden: h } = shape;
  const n = ws.f.length;
  const vOffset = h * (d + 1);
  const b2 = theta[vOffset + h] as number;
  const f = ws.f;
  const sAll = ws.s;
  if (d === 1) {
    // 1-D fast path: unit j has kernel θ[2j], bias θ[2j+1]
    for (let i = 0; i < n; i++) f[i] = b2;
    for (let j = 0; j < h; j++) {
      const w = theta[2 * j] as number;
      const bj = theta[2 * j + 1] as number;
      const v = theta[vOffset + j] as number;
      for (let i = 0; i < n; i++) {
        const s = 1 / (1 + Math.exp(-(w * (x[i] as number) + bj)));
        sAll[i * h + j] = s;
        f[i] = (f[i] as number) + v * s;
      }
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    let fi = b2;
    for (let j = 0; j < h; j++) {
      const base = j * (d + 1);
      let z = theta[base + d] as number;
      for (let k = 0; k < d; k++) z += (theta[base + k] as number) * (x[i * d + k] as number);
      const s = 1 / (1 + Math.exp(-z));
      sAll[i * h + j] = s;
      fi += (theta[vOffset + j] as number) * s;
    }
    f[i] = fi;
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

/** Σ_i u_i w_i over one column pair (offsets into flat arrays). */
function dot(u: Float64Array, uo: number, w: Float64Array, wo: number, n: number): number {
  // four accumulators break the floating-point add dependency chain (≈1.7× faster in V8)
  let a0 = 0;
  let a1 = 0;
  let a2 = 0;
  let a3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    a0 += (u[uo + i] as number) * (w[wo + i] as number);
    a1 += (u[uo + i + 1] as number) * (w[wo + i + 1] as number);
    a2 += (u[uo + i + 2] as number) * (w[wo + i + 2] as number);
    a3 += (u[uo + i + 3] as number) * (w[wo + i + 3] as number);
  }
  for (; i < n; i++) a0 += (u[uo + i] as number) * (w[wo + i] as number);
  return a0 + a1 + (a2 + a3);
}

/**
 * Loss, gradient and (if `withHessian`) Hessian at θ for inputs `x` (row-major n×d).
 *
 * Implementation (1-D with the Hessian: fused passes, see `gaussNewton1d`; otherwise): the
 * Jacobian J_ip = ∂f_i/∂θ_p is built column-major, so that ∇L = Jᵀℓ′ and the
 * Gauss–Newton part Jᵀ diag(ℓ″) J are P(P+3)/2 contiguous dot products of length n; the ∇²f part
 * needs, per hidden unit j, the sums Σ_i ℓ′_i v_j s′(1−2s) u_k u_l and Σ_i ℓ′_i s′ u_k.
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
  if (d === 1 && withHessian) {
    const grad = new Float64Array(P);
    const hess = new Float64Array(P * P);
    derivatives1d(theta, h, x, ws.s, ws.d1, ws.d2, grad, hess);
    for (let p = 0; p < P; p++) for (let q = 0; q < p; q++) hess[p * P + q] = hess[q * P + p] as number;
    return { loss: value, gradient: grad, hessian: hess };
  }
  if (ws.jacobian === null) ws.jacobian = new Float64Array(P * n);
  const J = ws.jacobian;
  const S = ws.s;
  const d1 = ws.d1;
  const d2 = ws.d2;
  const vOffset = h * (d + 1);
  const du = d + 1;
  for (let j = 0; j < h; j++) {
    const v = theta[vOffset + j] as number;
    const biasCol = (j * du + d) * n;
    const sCol = (vOffset + j) * n;
    for (let i = 0; i < n; i++) {
      const s = S[i * h + j] as number;
      J[biasCol + i] = v * s * (1 - s);
      J[sCol + i] = s;
    }
    for (let k = 0; k < d; k++) {
      const col = (j * du + k) * n;
      for (let i = 0; i < n; i++) J[col + i] = (J[biasCol + i] as number) * (x[i * d + k] as number);
    }
  }
  J.fill(1, (P - 1) * n, P * n);
  const grad = new Float64Array(P);
  for (let p = 0; p < P; p++) grad[p] = dot(J, p * n, d1, 0, n);
  if (!withHessian) return { loss: value, gradient: grad, hessian: null };
  const hess = new Float64Array(P * P);
  const w = ws.scratch;
  for (let p = 0; p < P; p++) {
    for (let i = 0; i < n; i++) w[i] = (d2[i] as number) * (J[p * n + i] as number);
    for (let q = p; q < P; q++) hess[p * P + q] = dot(w, 0, J, q * n, n);
  }
  // ∇²f: ∂²f/∂u_k∂u_l = v s′(1−2s) u_k u_l, ∂²f/∂v∂u_k = s′ u_k, with u = (x, 1), s′ = s(1−s)
  addCurvature(theta, h, d, x, S, d1, w, hess);
  for (let p = 0; p < P; p++) for (let q = 0; q < p; q++) hess[p * P + q] = hess[q * P + p] as number;
  return { loss: value, gradient: grad, hessian: hess };
}

/**
 * 1-D gradient Σℓ′∇f and Hessian Σ[ℓ″∇f∇fᵀ + ℓ′∇²f] (upper triangle) without a stored Jacobian:
 * with B_j = v_j s_j(1−s_j), ∇f = (B_j x, B_j, s_j per unit; 1). One fused pass per unit gives the
 * gradient, the output-bias row and the ∇²f part (Σℓ′s′{x, 1} in the v_j column and
 * v_j Σℓ′s′(1−2s){x², x, 1}); one pass per unit pair j ≤ k gives the Gauss–Newton block (8 sums).
 */
function derivatives1d(
  theta: Float64Array,
  h: number,
  x: Float64Array,
  S: Float64Array,
  d1: Float64Array,
  d2: Float64Array,
  grad: Float64Array,
  hess: Float64Array,
): void {
  const P = 3 * h + 1;
  const n = d1.length;
  const out = P - 1;
  let g1 = 0;
  let h11 = 0;
  for (let i = 0; i < n; i++) {
    g1 += d1[i] as number;
    h11 += d2[i] as number;
  }
  grad[out] = g1;
  hess[out * P + out] = h11;
  for (let j = 0; j < h; j++) {
    const vj = theta[2 * h + j] as number;
    let gx = 0;
    let gb = 0;
    let gs = 0;
    let ox = 0;
    let ob = 0;
    let os = 0;
    let cx = 0;
    let c1 = 0;
    let cxx = 0;
    let cx1 = 0;
    let c11 = 0;
    for (let i = 0; i < n; i++) {
      const s = S[i * h + j] as number;
      const xi = x[i] as number;
      const sp = s * (1 - s);
      const bj = vj * sp;
      const a1 = d1[i] as number;
      const a2 = d2[i] as number;
      gx += a1 * bj * xi;
      gb += a1 * bj;
      gs += a1 * s;
      ox += a2 * bj * xi;
      ob += a2 * bj;
      os += a2 * s;
      const wi = a1 * sp;
      const ci = wi * (1 - 2 * s);
      cx += wi * xi;
      c1 += wi;
      cxx += ci * xi * xi;
      cx1 += ci * xi;
      c11 += ci;
    }
    grad[2 * j] = gx;
    grad[2 * j + 1] = gb;
    grad[2 * h + j] = gs;
    hess[2 * j * P + out] = ox;
    hess[(2 * j + 1) * P + out] = ob;
    hess[(2 * h + j) * P + out] = os;
    const kj = 2 * j;
    hess[kj * P + 2 * h + j] = (hess[kj * P + 2 * h + j] as number) + cx;
    hess[(kj + 1) * P + 2 * h + j] = (hess[(kj + 1) * P + 2 * h + j] as number) + c1;
    hess[kj * P + kj] = (hess[kj * P + kj] as number) + vj * cxx;
    hess[kj * P + kj + 1] = (hess[kj * P + kj + 1] as number) + vj * cx1;
    hess[(kj + 1) * P + kj + 1] = (hess[(kj + 1) * P + kj + 1] as number) + vj * c11;
    for (let k = j; k < h; k++) {
      const vk = theta[2 * h + k] as number;
      let bbxx = 0;
      let bbx = 0;
      let bb = 0;
      let bsx = 0;
      let bs = 0;
      let sbx = 0;
      let sb = 0;
      let ss = 0;
      for (let i = 0; i < n; i++) {
        const sj = S[i * h + j] as number;
        const sk = S[i * h + k] as number;
        const xi = x[i] as number;
        const a2 = d2[i] as number;
        const bj = a2 * vj * sj * (1 - sj); // ℓ″ B_j
        const bk = vk * sk * (1 - sk);
        const bjbk = bj * bk;
        bbxx += bjbk * xi * xi;
        bbx += bjbk * xi;
        bb += bjbk;
        bsx += bj * sk * xi;
        bs += bj * sk;
        const a2sj = a2 * sj;
        sbx += a2sj * bk * xi;
        sb += a2sj * bk;
        ss += a2sj * sk;
      }
      const kk = 2 * k;
      hess[kj * P + kk] = (hess[kj * P + kk] as number) + bbxx;
      hess[kj * P + kk + 1] = (hess[kj * P + kk + 1] as number) + bbx;
      if (k > j) hess[(kj + 1) * P + kk] = (hess[(kj + 1) * P + kk] as number) + bbx;
      hess[(kj + 1) * P + kk + 1] = (hess[(kj + 1) * P + kk + 1] as number) + bb;
      // rows of unit j's (w, b) against column v_k; for k > j also unit k's (w, b) against v_j
      hess[kj * P + 2 * h + k] = (hess[kj * P + 2 * h + k] as number) + bsx;
      hess[(kj + 1) * P + 2 * h + k] = (hess[(kj + 1) * P + 2 * h + k] as number) + bs;
      if (k > j) {
        hess[kk * P + 2 * h + j] = (hess[kk * P + 2 * h + j] as number) + sbx;
        hess[(kk + 1) * P + 2 * h + j] = (hess[(kk + 1) * P + 2 * h + j] as number) + sb;
      }
      hess[(2 * h + j) * P + 2 * h + k] = (hess[(2 * h + j) * P + 2 * h + k] as number) + ss;
    }
  }
}

/** d-D ℓ′-weighted ∇²f part of the Hessian (upper triangle); `w` is a scratch column. */
function addCurvature(
  theta: Float64Array,
  h: number,
  d: number,
  x: Float64Array,
  S: Float64Array,
  d1: Float64Array,
  w: Float64Array,
  hess: Float64Array,
): void {
  const P = h * (d + 2) + 1;
  const n = d1.length;
  const du = d + 1;
  const vOffset = h * du;
  for (let j = 0; j < h; j++) {
    const v = theta[vOffset + j] as number;
    const base = j * du;
    const vIdx = vOffset + j;
    for (let i = 0; i < n; i++) {
      const s = S[i * h + j] as number;
      w[i] = (d1[i] as number) * s * (1 - s);
    }
    for (let k = 0; k <= d; k++) {
      let cv = 0;
      for (let i = 0; i < n; i++) cv += (w[i] as number) * (k < d ? (x[i * d + k] as number) : 1);
      hess[(base + k) * P + vIdx] = (hess[(base + k) * P + vIdx] as number) + cv;
      for (let l = k; l <= d; l++) {
        let c = 0;
        for (let i = 0; i < n; i++) {
          const s = S[i * h + j] as number;
          const uk = k < d ? (x[i * d + k] as number) : 1;
          const ul = l < d ? (x[i * d + l] as number) : 1;
          c += (w[i] as number) * (1 - 2 * s) * uk * ul;
        }
        hess[(base + k) * P + base + l] = (hess[(base + k) * P + base + l] as number) + v * c;
      }
    }
  }
}
