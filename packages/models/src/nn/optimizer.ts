/**
 * Adam and Nadam on tfjs-core variables, with the Keras defaults β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁷.
 *
 * @module
 */
import { tf } from './engine.js';

/** Optimiser settings: `adam` (Kingma & Ba 2015) or `nadam` (Dozat 2016, Nesterov momentum). */
export interface OptimizerSpec {
  readonly kind: 'adam' | 'nadam';
  readonly learningRate: number;
  readonly beta1?: number;
  readonly beta2?: number;
  readonly epsilon?: number;
}

/**
 * Stateful first-order optimiser. Adam: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g²,
 * θ ← θ − η m̂/(√v̂ + ε) with m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ). Nadam replaces m̂ by the Nesterov
 * look-ahead β₁m/(1−β₁ᵗ⁺¹) + (1−β₁)g/(1−β₁ᵗ) (constant momentum schedule).
 *
 * The update runs in plain JS over each weight array (moments kept in float64, weights stored back
 * as float32): one read and one upload per array instead of ~10 tensor kernels per array, which
 * dominate a small network's training step on wasm.
 */
export class Optimizer {
  /** Current learning rate η (changed by ReduceLROnPlateau). */
  learningRate: number;
  private readonly spec: OptimizerSpec;
  private readonly m = new Map<string, Float64Array>();
  private readonly v = new Map<string, Float64Array>();
  private t = 0;

  constructor(spec: OptimizerSpec) {
    this.spec = spec;
    this.learningRate = spec.learningRate;
  }

  /** Applies one update to each variable from its gradient (gradients are not disposed). */
  apply(vars: ReadonlyMap<string, tf.Variable>, grads: Record<string, tf.Tensor>): void {
    this.t++;
    const b1 = this.spec.beta1 ?? 0.9;
    const b2 = this.spec.beta2 ?? 0.999;
    const eps = this.spec.epsilon ?? 1e-7;
    const t = this.t;
    const lr = this.learningRate;
    const nadam = this.spec.kind === 'nadam';
    // m̂ = cm·m + cg·g, v̂ = cv·v
    const cm = nadam ? b1 / (1 - b1 ** (t + 1)) : 1 / (1 - b1 ** t);
    const cg = nadam ? (1 - b1) / (1 - b1 ** t) : 0;
    const cv = 1 / (1 - b2 ** t);
    for (const [name, variable] of vars) {
      const gt = grads[name];
      if (!gt) continue;
      const g = gt.dataSync() as Float32Array;
      const theta = variable.dataSync() as Float32Array;
      let m = this.m.get(name);
      let v = this.v.get(name);
      if (!m || !v) {
        m = new Float64Array(g.length);
        v = new Float64Array(g.length);
        this.m.set(name, m);
        this.v.set(name, v);
      }
      const out = new Float32Array(g.length);
      for (let i = 0; i < g.length; i++) {
        const gi = g[i] as number;
        const mi = b1 * (m[i] as number) + (1 - b1) * gi;
        const vi = b2 * (v[i] as number) + (1 - b2) * gi * gi;
        m[i] = mi;
        v[i] = vi;
        out[i] = (theta[i] as number) - (lr * (cm * mi + cg * gi)) / (Math.sqrt(cv * vi) + eps);
      }
      const next = tf.tensor(out, variable.shape);
      variable.assign(next);
      next.dispose();
    }
  }

  /** Forgets the moment estimates. */
  dispose(): void {
    this.m.clear();
    this.v.clear();
  }
}
