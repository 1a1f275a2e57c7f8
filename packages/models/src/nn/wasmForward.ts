/**
 * Inference with the WebAssembly SIMD dense kernels (`denseKernel.wat`): a {@link KernelPlan} is
 * copied into the kernel's memory once, then events go through all layers in batches of
 * {@link KERNEL_BATCH} (the activations of a batch, ≤ 128 × 128 floats per slot, stay in L2; each
 * layer's weights, ≤ 32 kB for the paper-000 classifier, in L1/L2) with no allocation per call.
 * LeakyReLU and ReLU are fused into the kernel; tanh, sigmoid and softmax are applied in JavaScript
 * (float64 `Math` functions; the output head writes float64 scores).
 *
 * An event's score depends only on its own features (each is accumulated in the same order whatever
 * batch it lands in), so every thread and every batch split gives bit-identical scores.
 *
 * @module
 */
import { instantiateWasm } from '@hep/core';
import { type BadValue, type FeatureColumns, packBatch } from './data.js';
import { wasmBase64 } from './denseKernel.wasm.js';
import type { KernelPlan } from './kernelPlan.js';

/** Events per kernel batch. */
export const KERNEL_BATCH = 128;

/** A dense kernel function: dst = act(src·W + b (+ add)) over `blocks` blocks of units. */
export type DenseKernel = (
  src: number,
  srcStride: number,
  dst: number,
  dstStride: number,
  events: number,
  inDim: number,
  w: number,
  b: number,
  blocks: number,
  add: number,
  addStride: number,
  act: number,
  alpha: number,
) => void;

/** The exports of the dense kernel module. */
export interface DenseKernelExports {
  /** The module's memory (a WebAssembly.Memory; grown by {@link WasmForward.load}). */
  readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  /** Blocks of 16 output units. */
  readonly dense16: DenseKernel;
  /** Blocks of 8 output units. */
  readonly dense8: DenseKernel;
}

/** A kernel instance with a loaded plan: `run` scores rows [start, end) into `out`. */
export interface WasmForward {
  /** Copies a plan into the kernel memory (replacing the previous one). */
  load(plan: KernelPlan): void;
  /**
   * Scores of events [start, end) of the feature columns (plan.inputs of them, checked by the
   * caller to share one length), written row-major (plan.outputs per event) into `out` from index
   * start·outputs; each batch is packed into the kernel memory as float32 rows. Returns the first
   * non-finite feature met (scores from its batch on are not written), or undefined.
   */
  run(columns: FeatureColumns, start: number, end: number, out: Float64Array): BadValue | undefined;
}

/**
 * The plan runner over one kernel instance, `batch` events (a multiple of 4) at a time, packing
 * inputs with `pack` ({@link packBatch}). Self-contained (references nothing from module scope):
 * {@link PredictPool} runs this very source in its worker threads via `wasmForward.toString()`.
 */
export function wasmForward(kernel: DenseKernelExports, batch: number, pack: typeof packBatch): WasmForward {
  let plan: KernelPlan | undefined;
  let mem = new Float32Array(kernel.memory.buffer);
  let slot: number[] = []; // byte address of each activation slot
  let wAt: number[] = []; // byte address of each layer's weights, biases
  let bAt: number[] = [];

  /**
   * act(z) of one row of `units` values at `src[s..]`, into `dst[d..]`, for the activations the
   * kernel does not fuse: tanh, sigmoid, softmax (float64 `Math`), linear.
   */
  function activateRow(
    src: Float32Array,
    s: number,
    units: number,
    fn: KernelPlan['layers'][number]['act'],
    dst: Float32Array | Float64Array,
    d: number,
  ): void {
    if (fn === 'softmax') {
      let max = Number.NEGATIVE_INFINITY;
      for (let j = 0; j < units; j++) max = Math.max(max, src[s + j] as number);
      let sum = 0;
      for (let j = 0; j < units; j++) sum += Math.exp((src[s + j] as number) - max);
      for (let j = 0; j < units; j++) dst[d + j] = Math.exp((src[s + j] as number) - max) / sum;
      return;
    }
    for (let j = 0; j < units; j++) {
      const z = src[s + j] as number;
      dst[d + j] = fn === 'sigmoid' ? 1 / (1 + Math.exp(-z)) : fn === 'tanh' ? Math.tanh(z) : z;
    }
  }

  function load(p: KernelPlan): void {
    const align = (n: number) => Math.ceil(n / 64) * 64;
    let at = 64; // address 0 means "no residual input" to the kernel
    wAt = [];
    bAt = [];
    for (const l of p.layers) {
      wAt.push(at);
      at = align(at + l.w.byteLength);
      bAt.push(at);
      at = align(at + l.b.byteLength);
    }
    slot = [at];
    at = align(at + batch * p.inputs * 4);
    for (let s = 1; s < p.slots; s++) {
      slot.push(at);
      at = align(at + batch * p.width * 4);
    }
    const missing = at - kernel.memory.buffer.byteLength;
    if (missing > 0) kernel.memory.grow(Math.ceil(missing / 65536));
    mem = new Float32Array(kernel.memory.buffer);
    p.layers.forEach((l, i) => {
      mem.set(l.w, (wAt[i] as number) / 4);
      mem.set(l.b, (bAt[i] as number) / 4);
    });
    plan = p;
  }

  function run(columns: FeatureColumns, start: number, end: number, out: Float64Array): BadValue | undefined {
    if (!plan) throw new Error('wasmForward: no plan loaded');
    const { inputs, outputs, layers, width } = plan;
    const last = layers.length - 1;
    const stride = (s: number) => (s === 0 ? inputs * 4 : width * 4);
    for (let s = start; s < end; s += batch) {
      const m = Math.min(batch, end - s);
      const bad = pack(columns, s, m, mem, (slot[0] as number) / 4);
      if (bad) return bad;
      const events = Math.ceil(m / 4) * 4; // kernel blocks of 2 or 4 events (extra rows: ignored)
      for (let i = 0; i <= last; i++) {
        const l = layers[i] as KernelPlan['layers'][number];
        const fused = l.act === 'relu' ? 1 : typeof l.act === 'object' ? 2 : 0;
        const alpha = typeof l.act === 'object' ? l.act.leakyRelu : 0;
        const dst = slot[l.dst] as number;
        const add = l.add < 0 ? 0 : (slot[l.add] as number);
        const src = slot[l.src] as number;
        const w = wAt[i] as number;
        const b = bAt[i] as number;
        const ws = width * 4;
        if (l.blocks16 > 0) {
          kernel.dense16(
            src,
            stride(l.src),
            dst,
            ws,
            events,
            l.inDim,
            w,
            b,
            l.blocks16,
            add,
            ws,
            fused,
            alpha,
          );
        }
        if (l.blocks8 > 0) {
          const o = 64 * l.blocks16; // bytes of the 16-unit blocks in a row (and in b)
          const wo = w + o * l.inDim;
          kernel.dense8(
            src,
            stride(l.src),
            dst + o,
            ws,
            events,
            l.inDim,
            wo,
            b + o,
            1,
            add && add + o,
            ws,
            fused,
            alpha,
          );
        }
        if (i === last) {
          for (let e = 0; e < m; e++) {
            const z = dst / 4 + e * width;
            if (fused) for (let j = 0; j < outputs; j++) out[(s + e) * outputs + j] = mem[z + j] as number;
            else activateRow(mem, z, outputs, l.act, out, (s + e) * outputs);
          }
        } else if (!fused && l.act !== 'linear') {
          for (let e = 0; e < m; e++) {
            activateRow(mem, dst / 4 + e * width, l.outDim, l.act, mem, dst / 4 + e * width);
          }
        }
      }
    }
    return undefined;
  }

  return { load, run };
}

let mainThread: WasmForward | null | undefined;

/**
 * The main thread's kernel runner (instantiated on first use), or undefined where WebAssembly
 * SIMD is unavailable (callers fall back to the tfjs-core plan).
 */
export function kernelForward(): WasmForward | undefined {
  if (mainThread === undefined) {
    try {
      const exports = instantiateWasm(wasmBase64).exports as unknown as DenseKernelExports;
      mainThread = wasmForward(exports, KERNEL_BATCH, packBatch);
    } catch {
      mainThread = null;
    }
  }
  return mainThread ?? undefined;
}

/** The kernel module as base64, for worker threads that instantiate their own copy. */
export const denseKernelBase64: string = wasmBase64;
