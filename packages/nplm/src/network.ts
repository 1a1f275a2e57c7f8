/**
 * One-hidden-layer networks f(x) = b₂ + Σ_j v_j σ(Σ_k W_jk x_k + b_j) (sigmoid hidden units, linear
 * output), the model of NPLM (D'Agnolo & Wulzer 2019) and of the symmetrized test (paper 004 §2).
 *
 * All parameters live in one Float64Array, laid out per hidden unit j as
 * [W_j1 … W_jd, b_j] (kernel row and bias, `h·(d+1)` entries), then [v_1 … v_h] (output kernel),
 * then b₂ (output bias): `h·(d+1) + h + 1` parameters, 13 for the default 1-4-1 net.
 *
 * @module
 */
import { assertInteger, HepInputError, type Rng } from '@hep/core';

/** Architecture of a d-h-1 network. */
export interface NetworkShape {
  /** Input dimension d ≥ 1. */
  inputs: number;
  /** Hidden width h ≥ 1 (4 in the reference 1-4-1 net). */
  hidden: number;
}

/** The reference architecture of NPLM and paper 004: 1-4-1. */
export const DEFAULT_SHAPE: NetworkShape = Object.freeze({ inputs: 1, hidden: 4 });

/** Number of trainable parameters h·(d+1) + h + 1 (= NPLM χ² degrees of freedom; 13 for 1-4-1). */
export function parameterCount(shape: NetworkShape): number {
  assertInteger('shape.inputs', shape.inputs, 1);
  assertInteger('shape.hidden', shape.hidden, 1);
  return shape.hidden * (shape.inputs + 1) + shape.hidden + 1;
}

/**
 * Glorot-uniform kernels (U(±√(6/(fan_in+fan_out)))) and zero biases, the Keras default used by
 * the reference NPLM code.
 */
export function glorotInit(shape: NetworkShape, rng: Rng): Float64Array {
  const { inputs: d, hidden: h } = shape;
  const theta = new Float64Array(parameterCount(shape));
  const a1 = Math.sqrt(6 / (d + h));
  const a2 = Math.sqrt(6 / (h + 1));
  for (let j = 0; j < h; j++) {
    for (let k = 0; k < d; k++) theta[j * (d + 1) + k] = rng.uniform(-a1, a1);
  }
  const vOffset = h * (d + 1);
  for (let j = 0; j < h; j++) theta[vOffset + j] = rng.uniform(-a2, a2);
  return theta;
}

/** Logistic sigmoid 1/(1+e^{−z}). */
export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/**
 * Evaluates f at n points given row-major inputs `x` (n·d values, already standardised if the
 * caller standardises). Returns f (length n).
 */
export function evaluateNetwork(theta: Float64Array, shape: NetworkShape, x: Float64Array): Float64Array {
  const { inputs: d, hidden: h } = shape;
  const n = x.length / d;
  const out = new Float64Array(n);
  const vOffset = h * (d + 1);
  for (let i = 0; i < n; i++) {
    let f = theta[vOffset + h] as number;
    for (let j = 0; j < h; j++) {
      const base = j * (d + 1);
      let z = theta[base + d] as number;
      for (let k = 0; k < d; k++) z += (theta[base + k] as number) * (x[i * d + k] as number);
      f += (theta[vOffset + j] as number) * sigmoid(z);
    }
    (out[i] as number) = f;
  }
  return out;
}

/** Widest hidden layer for which {@link smallestNormFlip} searches all 2^h unit flips. */
const MAX_FLIP_SEARCH_WIDTH = 16;

/**
 * The sign symmetry of sigmoid units, σ(−z) = 1 − σ(z): flipping hidden unit j,
 * (W_j, b_j, v_j, b₂) → (−W_j, −b_j, −v_j, b₂ + v_j), leaves f unchanged, and of ‖θ‖² only the b₂²
 * term changes. Returns the flip of `theta` (a fresh array) with the smallest ‖θ‖² among those with
 * |b₂| ≤ `bound`, or null when none is lower than `theta`'s own (or h > 16: not searched). An L2
 * penalty λ‖θ‖² tells the flips apart, so a penalised minimum's flips are not all minima.
 */
export function smallestNormFlip(
  theta: Float64Array,
  shape: NetworkShape,
  bound: number,
): Float64Array | null {
  if (theta.length !== parameterCount(shape)) {
    throw new HepInputError(
      'theta',
      `must hold ${parameterCount(shape)} parameters for this shape, got ${theta.length}`,
    );
  }
  if (!(bound > 0)) throw new HepInputError('bound', `must be > 0, got ${bound}`);
  const { inputs: d, hidden: h } = shape;
  if (h > MAX_FLIP_SEARCH_WIDTH) return null;
  const vOffset = h * (d + 1);
  const b2 = theta[vOffset + h] as number;
  let best = 0;
  let bestBias = b2;
  for (let mask = 1; mask < 1 << h; mask++) {
    let bias = b2;
    for (let j = 0; j < h; j++) if (mask & (1 << j)) bias += theta[vOffset + j] as number;
    if (Math.abs(bias) <= bound && Math.abs(bias) < Math.abs(bestBias)) {
      best = mask;
      bestBias = bias;
    }
  }
  if (best === 0) return null;
  const flipped = Float64Array.from(theta);
  for (let j = 0; j < h; j++) {
    if (!(best & (1 << j))) continue;
    for (let k = 0; k <= d; k++) flipped[j * (d + 1) + k] = -(theta[j * (d + 1) + k] as number);
    flipped[vOffset + j] = -(theta[vOffset + j] as number);
  }
  flipped[vOffset + h] = bestBias;
  return flipped;
}
