/**
 * Declarative description of a dense network: the one general builder every preset configures.
 *
 * @module
 */

/**
 * Activation function: `relu`, `tanh`, `sigmoid`, `softmax` (over units), `linear`, or
 * LeakyReLU f(x) = max(x, αx) written `{ leakyRelu: α }`.
 */
export type Activation = 'relu' | 'tanh' | 'sigmoid' | 'softmax' | 'linear' | { leakyRelu: number };

/**
 * Weight initialiser (biases start at 0), Keras conventions with fan_in n_in and fan_out n_out:
 * `heNormal` truncated normal (±2σ) of σ = √(2/n_in) (He et al. 2015); `heUniform` U(±√(6/n_in));
 * `glorotUniform` U(±√(6/(n_in+n_out))) (Glorot & Bengio 2010); `glorotNormal` truncated normal of
 * σ = √(2/(n_in+n_out)); `normal` 𝒩(0, 0.05²); `uniform` U(±0.05).
 */
export type Initializer = 'heNormal' | 'heUniform' | 'glorotUniform' | 'glorotNormal' | 'normal' | 'uniform';

/**
 * Dense block: Dense(units) → [BatchNorm] → activation → [Dropout(rate)], the Keras layer order of
 * paper 000 Table I. `l2` adds l2·Σw² of the kernel to the loss (Keras `l2` regulariser).
 */
export interface DenseSpec {
  readonly type: 'dense';
  readonly units: number;
  readonly activation?: Activation;
  readonly batchNorm?: boolean;
  readonly dropout?: number;
  readonly l2?: number;
  readonly init?: Initializer;
}

/**
 * Residual block (paper 000 Fig. 10): branch = `depth` × [Dense(units) + BN] with the activation
 * (and dropout) between them, shortcut = identity when the width is unchanged and `shortcut` is not
 * `'projection'`, otherwise a Dense projection; output = activation(branch + shortcut).
 */
export interface ResidualSpec {
  readonly type: 'residual';
  readonly units: number;
  readonly depth?: number;
  readonly activation?: Activation;
  readonly batchNorm?: boolean;
  readonly dropout?: number;
  readonly shortcut?: 'auto' | 'identity' | 'projection';
  readonly l2?: number;
  readonly init?: Initializer;
}

/** One hidden block of a network. */
export type BlockSpec = DenseSpec | ResidualSpec;

/** Loss minimised in training. `huber` has threshold `delta` (paper 000 Table V: δ = 0.1). */
export type LossSpec =
  | { readonly kind: 'binaryCrossEntropy' }
  | { readonly kind: 'categoricalCrossEntropy' }
  | { readonly kind: 'mse' }
  | { readonly kind: 'huber'; readonly delta: number };

/**
 * Complete network description: `inputs` features → hidden `blocks` → output Dense(`outputs`) with
 * `outputActivation`. Plain JSON, stored verbatim by serialisation.
 */
export interface NetworkSpec {
  readonly inputs: number;
  readonly blocks: readonly BlockSpec[];
  readonly outputs: number;
  readonly outputActivation: 'sigmoid' | 'softmax' | 'linear';
  readonly loss: LossSpec;
  /** Initialiser of blocks that name none (default `glorotUniform`, the Keras default). */
  readonly init?: Initializer;
}
