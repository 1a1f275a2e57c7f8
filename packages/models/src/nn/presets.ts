/**
 * The networks of the papers as {@link NetworkSpec} configurations plus their training settings.
 *
 * @module
 */
import type { NetworkSpec } from './spec.js';
import type { TrainOptions } from './train.js';

/** A preset: the architecture and the paper's training configuration (epochs left to the caller). */
export interface Preset {
  readonly spec: NetworkSpec;
  readonly training: Omit<TrainOptions, 'epochs' | 'validation' | 'onEpoch' | 'seed' | 'rng'>;
}

const leaky = { leakyRelu: 0.1 } as const;

/**
 * Signal/background classifier of paper 000 (H → μτ), Table I: 10 inputs → Dense 128 (BN, drop
 * 0.3) → 64 (BN, drop 0.3) → 64 (BN) → 32 → 32 (BN) → 1 sigmoid, LeakyReLU(α = 0.1); Table II:
 * Adam η = 10⁻³, BCE, batch 64, ReduceLROnPlateau(0.5, 10, min 10⁻⁶), EarlyStopping(patience 100,
 * val. accuracy). Table I writes "LeakyReLU" for the 4th layer without α; α = 0.1 is used there too.
 */
export function lfvClassifier(): Preset {
  return {
    spec: {
      inputs: 10,
      blocks: [
        { type: 'dense', units: 128, activation: leaky, batchNorm: true, dropout: 0.3 },
        { type: 'dense', units: 64, activation: leaky, batchNorm: true, dropout: 0.3 },
        { type: 'dense', units: 64, activation: leaky, batchNorm: true },
        { type: 'dense', units: 32, activation: leaky },
        { type: 'dense', units: 32, activation: leaky, batchNorm: true },
      ],
      outputs: 1,
      outputActivation: 'sigmoid',
      loss: { kind: 'binaryCrossEntropy' },
    },
    training: {
      batchSize: 64,
      optimizer: { kind: 'adam', learningRate: 1e-3 },
      reduceLrOnPlateau: { monitor: 'valLoss', factor: 0.5, patience: 10, minLr: 1e-6 },
      earlyStopping: { monitor: 'valAccuracy', patience: 100, restoreBest: true },
    },
  };
}

/**
 * Residual regressor of the ratio m_H/M_col, paper 000 Table IV / Fig. 10: entry Dense 256 + BN +
 * LeakyReLU(0.1) (drop 0.2); residual block 256 (2 × Dense+BN, drop 0.2, identity shortcut);
 * residual block 128 (2 × Dense+BN, drop 0.1, projection shortcut 256→128); linear output.
 * Table V: Adam η = 10⁻³, Huber δ = 0.1, MAE metric, batch 1024, ReduceLROnPlateau(0.5, 15,
 * min 10⁻⁶), EarlyStopping(patience 50, val. loss). Select among repeated trainings with
 * {@link massSelectionScore}.
 */
export function massRegressor(): Preset {
  return {
    spec: {
      inputs: 10,
      blocks: [
        { type: 'dense', units: 256, activation: leaky, batchNorm: true, dropout: 0.2 },
        { type: 'residual', units: 256, depth: 2, activation: leaky, batchNorm: true, dropout: 0.2 },
        { type: 'residual', units: 128, depth: 2, activation: leaky, batchNorm: true, dropout: 0.1 },
      ],
      outputs: 1,
      outputActivation: 'linear',
      loss: { kind: 'huber', delta: 0.1 },
    },
    training: {
      batchSize: 1024,
      optimizer: { kind: 'adam', learningRate: 1e-3 },
      reduceLrOnPlateau: { monitor: 'valLoss', factor: 0.5, patience: 15, minLr: 1e-6 },
      earlyStopping: { monitor: 'valLoss', patience: 50, restoreBest: true },
    },
  };
}

/**
 * Model-selection score of paper 000 §V: S = σ_SD + λ|μ − m_H| of the predicted masses (GeV) of
 * events with true mass `mH` (GeV), λ = 50 by default; smaller is better.
 */
export function massSelectionScore(predictedMass: Float64Array, mH: number, lambda = 50): number {
  const n = predictedMass.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += predictedMass[i] as number;
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += ((predictedMass[i] as number) - mean) ** 2;
  return Math.sqrt(ss / n) + lambda * Math.abs(mean - mH);
}

/**
 * CP classifier of paper 001 §3.3: 26 inputs → 500 → 1000 → 100 (LeakyReLU, α not stated: the Keras
 * default 0.3; dropout 0.375, BN
 * between all layers, He-normal init) → softmax over the `classes` (H, A: 2); Adam η = 0.03,
 * cross-entropy, LR ÷10 after 10 epochs without val.-loss improvement, EarlyStopping(15). The batch
 * size is not given in the paper; 256 is used.
 */
export function cpClassifier(classes = 2): Preset {
  const block = (units: number) =>
    ({
      type: 'dense',
      units,
      activation: { leakyRelu: 0.3 },
      batchNorm: true,
      dropout: 0.375,
      init: 'heNormal',
    }) as const;
  return {
    spec: {
      inputs: 26,
      blocks: [block(500), block(1000), block(100)],
      outputs: classes,
      outputActivation: 'softmax',
      loss: { kind: 'categoricalCrossEntropy' },
      init: 'heNormal',
    },
    training: {
      batchSize: 256,
      optimizer: { kind: 'adam', learningRate: 0.03 },
      reduceLrOnPlateau: { monitor: 'valLoss', factor: 0.1, patience: 10, minLr: 0 },
      earlyStopping: { monitor: 'valLoss', patience: 15, restoreBest: true },
    },
  };
}

/** Heavy-Higgs mass variants of paper 003 Table 1. */
export type MultiClassifierVariant = '1TeV' | '1.5TeV' | '2TeV';

/**
 * Multi-class classifier of paper 003 Table 1 (signal, WW, ZZ, tt̄: 4 classes, 21 inputs, which
 * reproduces the table's totals 4188 / 20544 / 13748 parameters): 1 TeV (64,32,16,8) tanh,
 * normal init, L2 5.5·10⁻⁶, dropout 0.03, η = 2·10⁻³, batch 160; 1.5 TeV (160,80,40,20) ReLU,
 * uniform init, L2 4.7·10⁻⁸, η = 8.2·10⁻³, batch 160; 2 TeV (128,64,32,16) tanh, uniform init,
 * L2 3.3·10⁻⁸, η = 9.6·10⁻³, batch 128. EarlyStopping(20, val. loss, best model kept).
 */
export function multiClassifier(variant: MultiClassifierVariant, inputs = 21, classes = 4): Preset {
  const v = {
    '1TeV': {
      units: [64, 32, 16, 8],
      act: 'tanh',
      init: 'normal',
      l2: 5.5e-6,
      drop: 0.03,
      lr: 2e-3,
      batch: 160,
    },
    '1.5TeV': {
      units: [160, 80, 40, 20],
      act: 'relu',
      init: 'uniform',
      l2: 4.7e-8,
      drop: 0,
      lr: 8.2e-3,
      batch: 160,
    },
    '2TeV': {
      units: [128, 64, 32, 16],
      act: 'tanh',
      init: 'uniform',
      l2: 3.3e-8,
      drop: 0,
      lr: 9.6e-3,
      batch: 128,
    },
  }[variant];
  return {
    spec: {
      inputs,
      blocks: v.units.map((units) => ({
        type: 'dense' as const,
        units,
        activation: v.act as 'tanh' | 'relu',
        dropout: v.drop,
        l2: v.l2,
        init: v.init as 'normal' | 'uniform',
      })),
      outputs: classes,
      outputActivation: 'softmax',
      loss: { kind: 'categoricalCrossEntropy' },
    },
    training: {
      batchSize: v.batch,
      optimizer: { kind: 'adam', learningRate: v.lr },
      earlyStopping: { monitor: 'valLoss', patience: 20, restoreBest: true },
    },
  };
}
