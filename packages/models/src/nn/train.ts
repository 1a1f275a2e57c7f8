/**
 * The lean training loop on tfjs-core: mini-batch gradient steps with `tf.variableGrads`, seeded
 * shuffling and dropout, class weights, L2 penalties, ReduceLROnPlateau and EarlyStopping with
 * Keras semantics, per-epoch progress callback. Memory stays flat: every step runs in `tf.tidy`.
 *
 * @module
 */
import { HepInputError, Rng } from '@hep/core';
import { type FeatureColumns, packRows, packTargets } from './data.js';
import { tf } from './engine.js';
import { perSampleLoss } from './losses.js';
import type { BnBatchStats, Network } from './network.js';
import { BN_MOMENTUM } from './network.js';
import { Optimizer, type OptimizerSpec } from './optimizer.js';

/** Quantity a callback watches: accuracy is maximised, the others minimised. */
export type Monitor = 'loss' | 'valLoss' | 'valAccuracy' | 'valMae';

/** Keras ReduceLROnPlateau: η ← max(η·factor, minLr) after `patience` epochs without improvement. */
export interface ReduceLrOnPlateau {
  readonly monitor: Monitor;
  readonly factor: number;
  readonly patience: number;
  readonly minLr: number;
}

/** Keras EarlyStopping: stop after `patience` epochs without improvement, optionally restoring the best weights. */
export interface EarlyStopping {
  readonly monitor: Monitor;
  readonly patience: number;
  readonly restoreBest: boolean;
}

/** One epoch's record. `valAccuracy` for classifiers, `valMae` for regressors. */
export interface EpochLog {
  readonly epoch: number;
  readonly loss: number;
  readonly valLoss?: number;
  readonly valAccuracy?: number;
  readonly valMae?: number;
  readonly learningRate: number;
}

/** Training history (one entry per epoch) and the epoch whose weights the network holds. */
export interface TrainHistory {
  readonly epochs: EpochLog[];
  readonly bestEpoch: number;
  readonly stoppedEarly: boolean;
}

/** Options of {@link trainNetwork}. */
export interface TrainOptions {
  readonly epochs: number;
  readonly batchSize: number;
  readonly optimizer: OptimizerSpec;
  /** Seed of shuffling and dropout (or pass `rng`). */
  readonly seed?: number;
  readonly rng?: Rng;
  readonly validation?: { readonly features: FeatureColumns; readonly target: ArrayLike<number> };
  /** Loss weight per class index (binary: [w0, w1]); loss = mean_i w_{c_i} ℓ_i as in Keras. */
  readonly classWeights?: readonly number[];
  readonly reduceLrOnPlateau?: ReduceLrOnPlateau;
  readonly earlyStopping?: EarlyStopping;
  /** Called after each epoch; return `'stop'` to end training. */
  readonly onEpoch?: (log: EpochLog) => undefined | 'stop';
}

/** Keras BatchNorm moving statistic update s ← momentum·s + (1 − momentum)·batch, in JS. */
function movingAverage(stat: tf.Variable, batch: tf.Tensor): void {
  const s = stat.dataSync();
  const b = batch.dataSync();
  const out = new Float32Array(s.length);
  for (let i = 0; i < s.length; i++) {
    out[i] = BN_MOMENTUM * (s[i] as number) + (1 - BN_MOMENTUM) * (b[i] as number);
  }
  const next = tf.tensor(out, stat.shape);
  stat.assign(next);
  next.dispose();
}

function monitorValue(log: EpochLog, m: Monitor): number {
  const v = log[m];
  if (v === undefined) throw new HepInputError('monitor', `${m} is not recorded (validation data missing?)`);
  return m === 'valAccuracy' ? -v : v; // smaller is better
}

/** Loss and the accuracy or MAE of `net` on a packed dataset, inference mode (folded {@link Network.inferencePlan}). */
export function evaluatePacked(
  net: Network,
  rows: Float32Array,
  targets: Float32Array,
  batchSize = 8192,
): { loss: number; accuracy?: number; mae?: number } {
  const d = net.spec.inputs;
  const k = net.spec.outputs;
  const n = rows.length / d;
  let lossSum = 0;
  let metricSum = 0;
  const classifier =
    net.spec.loss.kind === 'binaryCrossEntropy' || net.spec.loss.kind === 'categoricalCrossEntropy';
  const plan = net.inferencePlan();
  try {
    for (let s = 0; s < n; s += batchSize) {
      const e = Math.min(n, s + batchSize);
      const [l, m] = tf.tidy(() => {
        const x = tf.tensor2d(rows.subarray(s * d, e * d), [e - s, d]);
        const y = tf.tensor2d(targets.subarray(s * k, e * k), [e - s, k]);
        const z = plan.run(x, true);
        const loss = tf.sum(perSampleLoss(net.spec.loss, z, y));
        let metric: tf.Tensor;
        if (!classifier) metric = tf.sum(tf.abs(tf.sub(z, y)));
        else if (k === 1) metric = tf.sum(tf.cast(tf.equal(tf.greater(z, 0), tf.greater(y, 0.5)), 'float32'));
        else metric = tf.sum(tf.cast(tf.equal(tf.argMax(z, 1), tf.argMax(y, 1)), 'float32'));
        return [loss.dataSync()[0] as number, metric.dataSync()[0] as number];
      });
      lossSum += l;
      metricSum += m;
    }
  } finally {
    plan.dispose();
  }
  return classifier
    ? { loss: lossSum / n, accuracy: metricSum / n }
    : { loss: lossSum / n, mae: metricSum / (n * k) };
}

/**
 * Trains `net` in place and returns the history. Same seed, same backend → same weights.
 *
 * @example
 * ```ts
 * const h = trainNetwork(net, cols, labels, { epochs: 20, batchSize: 64, seed: 1,
 *   optimizer: { kind: 'adam', learningRate: 1e-3 } });
 * ```
 */
export function trainNetwork(
  net: Network,
  features: FeatureColumns,
  target: ArrayLike<number>,
  options: TrainOptions,
): TrainHistory {
  const { spec } = net;
  const d = spec.inputs;
  const k = spec.outputs;
  const rows = packRows(features, d);
  const n = rows.length / d;
  if (target.length !== n) throw new HepInputError('target', `length ${target.length} ≠ ${n} events`);
  const targets = packTargets(target, k);
  const cw = options.classWeights;
  let weights: Float32Array | undefined;
  if (cw) {
    weights = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const c = k === 1 ? ((target[i] as number) > 0.5 ? 1 : 0) : (target[i] as number);
      const w = cw[c];
      if (w === undefined || !(w >= 0))
        throw new HepInputError('classWeights', `no non-negative weight for class ${c}`, c);
      weights[i] = w;
    }
  }
  const val = options.validation
    ? {
        rows: packRows(options.validation.features, d, 'validation.features'),
        targets: packTargets(options.validation.target, k),
      }
    : undefined;
  const batch = options.batchSize;
  if (!Number.isSafeInteger(batch) || batch < 1)
    throw new HepInputError('batchSize', `must be a positive integer, got ${batch}`);
  const rng = options.rng ?? new Rng(options.seed ?? 0);
  const optimizer = new Optimizer(options.optimizer);
  const trainable = net.params.filter((p) => p.trainable);
  const varMap = new Map(trainable.map((p) => [p.variable.name, p.variable]));
  const varList = trainable.map((p) => p.variable);
  const l2Params = trainable.filter((p) => p.l2 > 0);

  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const xb = new Float32Array(batch * d);
  const yb = new Float32Array(batch * k);
  const wb = new Float32Array(batch);

  const history: EpochLog[] = [];
  const es = options.earlyStopping;
  const rl = options.reduceLrOnPlateau;
  let best = Number.POSITIVE_INFINITY;
  let bestEpoch = -1;
  let bestWeights: Float32Array[] | undefined;
  let waitEs = 0;
  let rlBest = Number.POSITIVE_INFINITY;
  let waitRl = 0;
  let stoppedEarly = false;

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = n - 1; i > 0; i--) {
      const j = rng.uniformInt(i + 1);
      const t = order[i] as number;
      order[i] = order[j] as number;
      order[j] = t;
    }
    let lossSum = 0;
    for (let s = 0; s < n; s += batch) {
      const m = Math.min(batch, n - s);
      for (let r = 0; r < m; r++) {
        const src = order[s + r] as number;
        xb.set(rows.subarray(src * d, src * d + d), r * d);
        yb.set(targets.subarray(src * k, src * k + k), r * k);
        wb[r] = weights ? (weights[src] as number) : 1;
      }
      const bnStats: BnBatchStats[] = [];
      const stepLoss = tf.tidy(() => {
        const x = tf.tensor2d(xb.subarray(0, m * d), [m, d]);
        const y = tf.tensor2d(yb.subarray(0, m * k), [m, k]);
        const w = weights ? tf.tensor1d(wb.subarray(0, m)) : undefined;
        const { value, grads } = tf.variableGrads(() => {
          bnStats.length = 0;
          const per = perSampleLoss(spec.loss, net.logits(x, { training: true, rng, bnStats }), y);
          let loss = tf.mean(w ? tf.mul(per, w) : per) as tf.Scalar;
          for (const p of l2Params) loss = tf.add(loss, tf.mul(p.l2, tf.sum(tf.square(p.variable))));
          return loss;
        }, varList);
        optimizer.apply(varMap, grads);
        return value.dataSync()[0] as number;
      });
      for (const st of bnStats) {
        movingAverage(st.op.mean.variable, st.mean);
        movingAverage(st.op.variance.variable, st.variance);
        st.mean.dispose();
        st.variance.dispose();
      }
      lossSum += stepLoss * m;
    }
    const log: EpochLog = { epoch, loss: lossSum / n, learningRate: optimizer.learningRate };
    if (val) {
      const ev = evaluatePacked(net, val.rows, val.targets);
      Object.assign(log, { valLoss: ev.loss, valAccuracy: ev.accuracy, valMae: ev.mae });
    }
    history.push(log);
    if (rl) {
      const v = monitorValue(log, rl.monitor);
      if (v < rlBest) {
        rlBest = v;
        waitRl = 0;
      } else if (++waitRl >= rl.patience) {
        optimizer.learningRate = Math.max(optimizer.learningRate * rl.factor, rl.minLr);
        waitRl = 0;
      }
    }
    let stop = options.onEpoch?.(log) === 'stop';
    if (es) {
      const v = monitorValue(log, es.monitor);
      if (v < best) {
        best = v;
        bestEpoch = epoch;
        waitEs = 0;
        if (es.restoreBest)
          bestWeights = net.params.map((p) => p.variable.dataSync() as Float32Array).map((a) => a.slice());
      } else if (++waitEs >= es.patience) {
        stop = true;
        stoppedEarly = true;
      }
    }
    if (stop) break;
  }
  if (es?.restoreBest && bestWeights) {
    net.params.forEach((p, i) => {
      tf.tidy(() => p.variable.assign(tf.tensor(bestWeights?.[i] as Float32Array, p.shape as number[])));
    });
  } else bestEpoch = history.length - 1;
  optimizer.dispose();
  return { epochs: history, bestEpoch, stoppedEarly };
}
