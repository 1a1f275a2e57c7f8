/**
 * The general dense-network builder: turns a {@link NetworkSpec} into tfjs-core variables and a
 * forward pass with Keras semantics for BatchNorm (batch statistics in training, moving averages
 * with momentum 0.99 and ε = 10⁻³ in inference) and inverted Dropout (training only, masks drawn
 * from the seeded {@link Rng}).
 *
 * @module
 */
import { HepInputError, type Rng } from '@hep/core';
import { applyActivation } from './activation.js';
import { tf } from './engine.js';
import { type DenseGroup, foldDense, InferencePlan } from './inference.js';
import { initKernel } from './init.js';
import { type GroupStep, type KernelPlan, packKernelPlan } from './kernelPlan.js';
import type { FoldedStep } from './planKernels.js';
import type { Activation, BlockSpec, Initializer, NetworkSpec } from './spec.js';
import { batchNormTraining, dense } from './trainingOps.js';

/** BatchNorm momentum of the moving statistics (Keras default). */
export const BN_MOMENTUM = 0.99;
/** BatchNorm variance offset ε (Keras default). */
export const BN_EPSILON = 1e-3;

let variableCounter = 0;

/** One named weight array of a network. */
export interface NetworkParam {
  readonly name: string;
  readonly shape: readonly number[];
  readonly variable: tf.Variable;
  /** false for BatchNorm moving mean/variance. */
  readonly trainable: boolean;
  /** L2 coefficient applied to this array (kernels only). */
  readonly l2: number;
}

interface DenseOp {
  readonly kind: 'dense';
  readonly w: NetworkParam;
  readonly b: NetworkParam;
}
interface BnOp {
  readonly kind: 'bn';
  readonly gamma: NetworkParam;
  readonly beta: NetworkParam;
  readonly mean: NetworkParam;
  readonly variance: NetworkParam;
}
interface ActOp {
  readonly kind: 'act';
  readonly fn: Activation;
}
interface DropOp {
  readonly kind: 'dropout';
  readonly rate: number;
}
interface ResOp {
  readonly kind: 'residual';
  readonly branch: readonly Op[];
  readonly projection: DenseOp | undefined;
  readonly fn: Activation;
}
type Op = DenseOp | BnOp | ActOp | DropOp | ResOp;

/** Batch statistics a training-mode BatchNorm produced, for the moving-average update. */
export interface BnBatchStats {
  readonly op: { readonly mean: NetworkParam; readonly variance: NetworkParam };
  readonly mean: tf.Tensor1D;
  readonly variance: tf.Tensor1D;
}

/** Forward-pass mode: inference, or training with the dropout generator and a BN statistics sink. */
export interface ForwardMode {
  readonly training: boolean;
  readonly rng?: Rng;
  readonly bnStats?: BnBatchStats[];
}

function validateSpec(spec: NetworkSpec): void {
  const posInt = (name: string, v: number) => {
    if (!Number.isSafeInteger(v) || v < 1)
      throw new HepInputError(name, `must be a positive integer, got ${v}`);
  };
  posInt('spec.inputs', spec.inputs);
  posInt('spec.outputs', spec.outputs);
  spec.blocks.forEach((b, i) => {
    posInt(`spec.blocks[${i}].units`, b.units);
    const rate = b.dropout ?? 0;
    if (!(rate >= 0 && rate < 1))
      throw new HepInputError(`spec.blocks[${i}].dropout`, `must be in [0, 1), got ${rate}`);
  });
}

/**
 * A dense network built from a {@link NetworkSpec}: owns its tf variables (call {@link dispose}).
 *
 * @example
 * ```ts
 * await initEngine();
 * const net = new Network(lfvClassifier().spec, new Rng(1));
 * const p = net.predictColumns(columns); // Float64Array of scores
 * ```
 */
export class Network {
  /** The specification this network was built from. */
  readonly spec: NetworkSpec;
  /** All weight arrays in construction order (the serialisation order). */
  readonly params: NetworkParam[] = [];
  private readonly ops: Op[];
  private readonly head: DenseOp;

  /** Builds the variables, drawing initial kernels from `rng` (same seed → same weights). */
  constructor(spec: NetworkSpec, rng: Rng) {
    validateSpec(spec);
    this.spec = spec;
    let width = spec.inputs;
    const ops: Op[] = [];
    spec.blocks.forEach((block, i) => {
      const init = block.init ?? spec.init ?? 'glorotUniform';
      if (block.type === 'dense') {
        ops.push(...this.denseBlock(`b${i}`, block, width, init, rng));
      } else {
        const depth = block.depth ?? 2;
        const branch: Op[] = [];
        let w = width;
        for (let d = 0; d < depth; d++) {
          const last = d === depth - 1;
          branch.push(
            ...this.denseBlock(
              `b${i}.${d}`,
              {
                ...block,
                type: 'dense',
                activation: last ? 'linear' : block.activation,
                dropout: last ? 0 : block.dropout,
              },
              w,
              init,
              rng,
            ),
          );
          w = block.units;
        }
        const needProjection =
          block.shortcut === 'projection' || (block.shortcut !== 'identity' && width !== block.units);
        if (!needProjection && width !== block.units) {
          throw new HepInputError(
            `spec.blocks[${i}].shortcut`,
            `identity needs width ${width} = units ${block.units}`,
          );
        }
        const projection = needProjection
          ? this.dense(`b${i}.proj`, width, block.units, init, block.l2 ?? 0, rng)
          : undefined;
        ops.push({ kind: 'residual', branch, projection, fn: block.activation ?? 'linear' });
      }
      width = block.units;
    });
    this.ops = ops;
    this.head = this.dense('out', width, spec.outputs, spec.init ?? 'glorotUniform', 0, rng);
  }

  private addParam(
    name: string,
    shape: number[],
    values: Float32Array,
    trainable: boolean,
    l2: number,
  ): NetworkParam {
    const variable = tf.variable(tf.tensor(values, shape), trainable, `hep_${name}_${++variableCounter}`);
    const p: NetworkParam = { name, shape, variable, trainable, l2 };
    this.params.push(p);
    return p;
  }

  private dense(
    name: string,
    fanIn: number,
    fanOut: number,
    init: Initializer,
    l2: number,
    rng: Rng,
  ): DenseOp {
    const w = this.addParam(
      `${name}.kernel`,
      [fanIn, fanOut],
      initKernel(init, fanIn, fanOut, rng),
      true,
      l2,
    );
    const b = this.addParam(`${name}.bias`, [fanOut], new Float32Array(fanOut), true, 0);
    return { kind: 'dense', w, b };
  }

  private denseBlock(name: string, block: BlockSpec, fanIn: number, init: Initializer, rng: Rng): Op[] {
    const ops: Op[] = [this.dense(name, fanIn, block.units, init, block.l2 ?? 0, rng)];
    if (block.batchNorm) {
      const n = block.units;
      ops.push({
        kind: 'bn',
        gamma: this.addParam(`${name}.bn.gamma`, [n], new Float32Array(n).fill(1), true, 0),
        beta: this.addParam(`${name}.bn.beta`, [n], new Float32Array(n), true, 0),
        mean: this.addParam(`${name}.bn.movingMean`, [n], new Float32Array(n), false, 0),
        variance: this.addParam(`${name}.bn.movingVariance`, [n], new Float32Array(n).fill(1), false, 0),
      });
    }
    const act = block.activation ?? 'linear';
    if (act !== 'linear') ops.push({ kind: 'act', fn: act });
    if ((block.dropout ?? 0) > 0) ops.push({ kind: 'dropout', rate: block.dropout ?? 0 });
    return ops;
  }

  /** Number of weights: all (Keras "total params", BN moving stats included) and trainable. */
  countParams(): { total: number; trainable: number } {
    let total = 0;
    let trainable = 0;
    for (const p of this.params) {
      const n = p.shape.reduce((a, b) => a * b, 1);
      total += n;
      if (p.trainable) trainable += n;
    }
    return { total, trainable };
  }

  private run(ops: readonly Op[], x: tf.Tensor2D, mode: ForwardMode): tf.Tensor2D {
    let h = x;
    for (const op of ops) {
      switch (op.kind) {
        case 'dense':
          h = dense(h, op.w.variable as tf.Tensor2D, op.b.variable as tf.Tensor1D);
          break;
        case 'bn': {
          const gamma = op.gamma.variable as tf.Tensor1D;
          const beta = op.beta.variable as tf.Tensor1D;
          if (mode.training) {
            h = batchNormTraining(h, gamma, beta, BN_EPSILON, (m) => {
              if (mode.bnStats) mode.bnStats.push({ op, ...m });
              else tf.dispose([m.mean, m.variance]);
            });
          } else {
            const scale = tf.mul(gamma, tf.rsqrt(tf.add(op.variance.variable, BN_EPSILON)));
            h = tf.add(tf.mul(tf.sub(h, op.mean.variable), scale), beta);
          }
          break;
        }
        case 'act':
          h = applyActivation(h, op.fn);
          break;
        case 'dropout':
          if (mode.training) {
            if (!mode.rng) throw new HepInputError('mode.rng', 'training-mode dropout needs a seeded Rng');
            h = tf.mul(h, dropoutMask(h.shape, op.rate, mode.rng));
          }
          break;
        case 'residual': {
          const branch = this.run(op.branch, h, mode);
          const short = op.projection ? this.run([op.projection], h, mode) : h;
          h = applyActivation(tf.add(branch, short), op.fn);
          break;
        }
      }
    }
    return h;
  }

  /** Pre-activation output z of the head (logits for sigmoid/softmax), shape [batch, outputs]. */
  logits(x: tf.Tensor2D, mode: ForwardMode = { training: false }): tf.Tensor2D {
    return this.run([this.head], this.run(this.ops, x, mode), mode);
  }

  /** Network output: outputActivation(logits). */
  forward(x: tf.Tensor2D, mode: ForwardMode = { training: false }): tf.Tensor2D {
    return applyActivation(this.logits(x, mode), this.spec.outputActivation);
  }

  /**
   * Inference plan of the current weights: BatchNorm folded into the Dense kernels, activations
   * fused (see {@link InferencePlan}). A snapshot: rebuild it after the weights change; dispose it.
   */
  inferencePlan(): InferencePlan {
    const fold = foldDense;
    const steps: FoldedStep[] = this.groups(this.ops).map((s) =>
      s.kind === 'dense'
        ? fold(s.group)
        : {
            kind: 'residual',
            branch: s.branch.map(fold),
            projection: s.projection && fold(s.projection),
            fn: s.fn,
          },
    );
    return new InferencePlan(
      steps,
      fold(this.group(this.head, undefined, 'linear')),
      this.spec.outputActivation,
    );
  }

  /**
   * The current weights as a {@link KernelPlan} for the WebAssembly inference kernel: BatchNorm
   * folded in float64, weights packed for the kernel, the output activation on the head. A snapshot
   * in plain arrays (no tensors): rebuild it after the weights change.
   */
  kernelPlan(): KernelPlan {
    const head = this.group(this.head, undefined, this.spec.outputActivation);
    return packKernelPlan(this.groups(this.ops), head, this.spec.inputs);
  }

  private group(dense: DenseOp, bn: BnOp | undefined, activation: Activation): DenseGroup {
    const t1 = (p: NetworkParam) => p.variable as tf.Tensor1D;
    return {
      kernel: dense.w.variable as tf.Tensor2D,
      bias: t1(dense.b),
      bn: bn && {
        gamma: t1(bn.gamma),
        beta: t1(bn.beta),
        mean: t1(bn.mean),
        variance: t1(bn.variance),
        epsilon: BN_EPSILON,
      },
      activation,
    };
  }

  /** Each Dense with the BN and activation after it (block order; dropout is dropped) → one group. */
  private groups(ops: readonly Op[]): GroupStep[] {
    const steps: GroupStep[] = [];
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i] as Op;
      if (op.kind === 'residual') {
        steps.push({
          kind: 'residual',
          branch: this.groups(op.branch).map((s) => {
            if (s.kind !== 'dense') throw new Error('internal: nested residual block');
            return s.group;
          }),
          projection: op.projection && this.group(op.projection, undefined, 'linear'),
          fn: op.fn,
        });
        continue;
      }
      if (op.kind !== 'dense') throw new Error(`internal: ${op.kind} without a preceding Dense`);
      let bn: BnOp | undefined;
      let act: Activation = 'linear';
      for (
        let next = ops[i + 1];
        next && next.kind !== 'dense' && next.kind !== 'residual';
        next = ops[++i + 1]
      ) {
        if (next.kind === 'bn') bn = next;
        else if (next.kind === 'act') act = next.fn;
      }
      steps.push({ kind: 'dense', group: this.group(op, bn, act) });
    }
    return steps;
  }

  /** Frees every variable of the network. */
  dispose(): void {
    for (const p of this.params) p.variable.dispose();
  }
}

/** Inverted-dropout mask: each unit kept with probability 1 − rate and scaled by 1/(1 − rate). */
export function dropoutMask(shape: readonly number[], rate: number, rng: Rng): tf.Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const m = new Float32Array(n);
  const keep = 1 / (1 - rate);
  for (let i = 0; i < n; i++) m[i] = rng.uniform() >= rate ? keep : 0;
  return tf.tensor(m, shape as number[]);
}
