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
 */
export class Optimizer {
  /** Current learning rate η (changed by ReduceLROnPlateau). */
  learningRate: number;
  private readonly spec: OptimizerSpec;
  private readonly m = new Map<string, tf.Variable>();
  private readonly v = new Map<string, tf.Variable>();
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
    tf.tidy(() => {
      for (const [name, variable] of vars) {
        const g = grads[name];
        if (!g) continue;
        let m = this.m.get(name);
        let v = this.v.get(name);
        if (!m || !v) {
          m = tf.variable(tf.zerosLike(variable), false);
          v = tf.variable(tf.zerosLike(variable), false);
          this.m.set(name, m);
          this.v.set(name, v);
        }
        m.assign(tf.add(tf.mul(b1, m), tf.mul(1 - b1, g)));
        v.assign(tf.add(tf.mul(b2, v), tf.mul(1 - b2, tf.square(g))));
        const vHat = tf.div(v, 1 - b2 ** t);
        const mHat =
          this.spec.kind === 'nadam'
            ? tf.add(tf.mul(b1 / (1 - b1 ** (t + 1)), m), tf.mul((1 - b1) / (1 - b1 ** t), g))
            : tf.div(m, 1 - b1 ** t);
        variable.assign(tf.sub(variable, tf.mul(lr, tf.div(mHat, tf.add(tf.sqrt(vHat), eps)))));
      }
    });
  }

  /** Frees the moment variables. */
  dispose(): void {
    for (const x of this.m.values()) x.dispose();
    for (const x of this.v.values()) x.dispose();
    this.m.clear();
    this.v.clear();
  }
}
