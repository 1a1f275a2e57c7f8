/**
 * A network's folded inference plan in the layout of the WebAssembly dense kernel
 * (`denseKernel.wat`, run by {@link wasmForward}): BatchNorm folded into the Dense weights in
 * float64 (W′ = W·diag(s), b′ = (b − μ)·s + β with s = γ/√(σ² + ε), Keras inference semantics,
 * rounded once to float32), the weights packed in blocks of 16 output units (and a last block of 8
 * where ≤ 8 units remain), and every layer given the activation-buffer slots it reads, adds and
 * writes.
 *
 * @module
 */
import type { DenseGroup } from './inference.js';
import type { Activation } from './spec.js';

/** One Dense layer of a {@link KernelPlan}: dst = act(src·W′ + b′ (+ add)). */
export interface KernelLayer {
  readonly inDim: number;
  readonly outDim: number;
  /** Blocks of 16 output units (kernel `dense16`). */
  readonly blocks16: number;
  /** 1 when a last block of 8 units follows (kernel `dense8`), else 0. */
  readonly blocks8: number;
  /**
   * W′ packed block after block, each block inDim rows of its 16 (or 8) units; units beyond
   * outDim are zero.
   */
  readonly w: Float32Array;
  /** b′ padded with zeros to 16·blocks16 + 8·blocks8 units. */
  readonly b: Float32Array;
  /** Activation after the bias (and the residual input). */
  readonly act: Activation;
  /** Activation slot of the input rows (0: the events' features). */
  readonly src: number;
  /** Slot the output rows are written to. */
  readonly dst: number;
  /** Slot whose rows are added before the activation (residual shortcut), −1 for none. */
  readonly add: number;
}

/** A whole network for the kernel: layers in evaluation order, the last one the output head. */
export interface KernelPlan {
  readonly inputs: number;
  readonly outputs: number;
  readonly layers: readonly KernelLayer[];
  /** Number of activation slots (slot 0 holds the features). */
  readonly slots: number;
  /** Row width in floats of slots ≥ 1: the largest padded layer width. */
  readonly width: number;
}

/** One step of a network as its raw Dense groups (before folding). */
export type GroupStep =
  | { readonly kind: 'dense'; readonly group: DenseGroup }
  | {
      readonly kind: 'residual';
      readonly branch: readonly DenseGroup[];
      readonly projection: DenseGroup | undefined;
      readonly fn: Activation;
    };

/** Folds one Dense(+BN) group in float64 and packs it; `act` overrides the group's activation. */
function packDense(g: DenseGroup, act: Activation, src: number, dst: number, add = -1): KernelLayer {
  const [inDim, outDim] = g.kernel.shape;
  const kernel = g.kernel.dataSync();
  const bias = g.bias.dataSync();
  const scale = new Float64Array(outDim).fill(1);
  const shift = Float64Array.from(bias);
  if (g.bn) {
    const [gamma, beta, mean, variance] = [g.bn.gamma, g.bn.beta, g.bn.mean, g.bn.variance].map((t) =>
      t.dataSync(),
    ) as [Float32Array, Float32Array, Float32Array, Float32Array];
    for (let u = 0; u < outDim; u++) {
      const s = (gamma[u] as number) / Math.sqrt((variance[u] as number) + g.bn.epsilon);
      scale[u] = s;
      shift[u] = ((bias[u] as number) - (mean[u] as number)) * s + (beta[u] as number);
    }
  }
  const rest = outDim % 16;
  const blocks8 = rest > 0 && rest <= 8 ? 1 : 0;
  const blocks16 = blocks8 ? (outDim - rest) / 16 : Math.ceil(outDim / 16);
  const units = 16 * blocks16 + 8 * blocks8;
  const w = new Float32Array(units * inDim);
  const b = new Float32Array(units);
  for (let u = 0; u < outDim; u++) {
    // the first unit and the width of u's block
    const base = u < 16 * blocks16 ? u - (u % 16) : 16 * blocks16;
    const width = u < 16 * blocks16 ? 16 : 8;
    for (let k = 0; k < inDim; k++) {
      w[base * inDim + k * width + (u - base)] = (kernel[k * outDim + u] as number) * (scale[u] as number);
    }
    b[u] = shift[u] as number;
  }
  return { inDim, outDim, blocks16, blocks8, w, b, act, src, dst, add };
}

/**
 * The kernel plan of a network given as its hidden {@link GroupStep}s and output `head` group
 * (activation = the network's output activation). Reads the weights (`dataSync`), creates no
 * tensors.
 */
export function packKernelPlan(steps: readonly GroupStep[], head: DenseGroup, inputs: number): KernelPlan {
  const layers: KernelLayer[] = [];
  let slots = 1;
  /** The lowest activation slot ≥ 1 not in `busy`. */
  const free = (...busy: number[]) => {
    let s = 1;
    while (busy.includes(s)) s++;
    slots = Math.max(slots, s + 1);
    return s;
  };
  let cur = 0;
  for (const step of steps) {
    if (step.kind === 'dense') {
      const dst = free(cur);
      layers.push(packDense(step.group, step.group.activation, cur, dst));
      cur = dst;
      continue;
    }
    let short = cur;
    if (step.projection) {
      short = free(cur);
      layers.push(packDense(step.projection, 'linear', cur, short));
    }
    let br = cur;
    step.branch.forEach((g, i) => {
      const last = i === step.branch.length - 1;
      // the add rows of a block are read before the same rows are written: dst may be `short`
      const dst = last ? free(br) : free(br, short);
      layers.push(last ? packDense(g, step.fn, br, dst, short) : packDense(g, g.activation, br, dst));
      br = dst;
    });
    cur = br;
  }
  const out = free(cur);
  layers.push(packDense(head, head.activation, cur, out));
  const width = Math.max(...layers.map((l) => l.b.length));
  return { inputs, outputs: head.kernel.shape[1], layers, slots, width };
}
