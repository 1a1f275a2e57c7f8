/**
 * WebAssembly SIMD (f64x2) kernel of the columnar {@link collinearMass}. A JavaScript loop over
 * ten typed arrays is bound by its per-element work, not by memory; this kernel copies blocks of
 * 2048 events into its own (cache-resident) memory, computes two events per instruction and copies
 * M_col and x back. It performs the same IEEE operations in the same order as the JavaScript loop,
 * so both give bit-identical results (tested). Source: `collinearKernel.wat`.
 *
 * Large inputs (≥ 65 536 events, Node, ≥ 2 cores) are pipelined over two threads: the main thread
 * copies block b into one of three slots of the shared kernel memory while a worker thread runs the
 * kernel on block b − 1; only the main thread touches the caller's arrays. Results are identical
 * to the one-thread path (the same kernel on the same blocks).
 *
 * @module
 */
import type { ColumnLike } from '@hep/core';
import { instantiateWasm } from '@hep/core';
import { wasmBase64 } from './collinearKernel.wasm.js';

/** Events per staging slot; must match the .wat column offsets (k·16384 bytes). */
const BLOCK = 2048;
const INPUTS = 10;
const SLOTS = 3;
const SLOT_DOUBLES = 12 * BLOCK;
/** Inputs at least this long use the worker thread. */
const THREAD_MIN_EVENTS = 1 << 16;

// Control words (Int32, shared with the worker): job counter, block count, mode, last block length,
// a failure flag, then per slot its state (0 free, 1 staged, 2 computed) and the kernel's flag.
const JOB = 0;
const BLOCKS = 1;
const MODE = 2;
const LAST = 3;
const FAILED = 4;
const STATE = 8;
const FLAG = 12;

interface Kernel {
  readonly collinear: (base: number, n: number, useMet: number) => number;
  readonly heap: Float64Array;
  readonly memory: object;
}

interface Helper {
  readonly control: Int32Array;
}

let kernel: Kernel | null | undefined;
let helper: Helper | null | undefined;
let enabled = true;

function loadKernel(): Kernel | null {
  if (kernel === undefined) {
    try {
      const wasm = (
        globalThis as unknown as { WebAssembly: { Memory: new (d: object) => { buffer: ArrayBuffer } } }
      ).WebAssembly;
      const memory = new wasm.Memory({ initial: 10, maximum: 10, shared: true });
      const { exports } = instantiateWasm(wasmBase64, { env: { memory } });
      kernel = {
        collinear: exports.collinear as Kernel['collinear'],
        heap: new Float64Array(memory.buffer),
        memory,
      };
    } catch {
      kernel = null; // no WebAssembly SIMD or no shared memory here: callers use the JavaScript loop
    }
  }
  return enabled ? kernel : null;
}

/** The worker thread's program (CommonJS, evaluated from this string): runs staged slots in order. */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { memory, control, wasm } = workerData;
const ctl = new Int32Array(control);
try {
  const bytes = Uint8Array.from(atob(wasm), (c) => c.charCodeAt(0));
  const { exports } = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
  let job = 0;
  for (;;) {
    Atomics.wait(ctl, ${JOB}, job);
    job = Atomics.load(ctl, ${JOB});
    const blocks = ctl[${BLOCKS}], mode = ctl[${MODE}], last = ctl[${LAST}];
    for (let b = 0; b < blocks; b++) {
      const s = b % ${SLOTS};
      let v;
      for (let spin = 0; (v = Atomics.load(ctl, ${STATE} + s)) !== 1; spin++) if (spin > 1000) Atomics.wait(ctl, ${STATE} + s, v, 20);
      ctl[${FLAG} + s] = exports.collinear(s * ${SLOT_DOUBLES * 8}, b === blocks - 1 ? last : ${BLOCK}, mode);
      Atomics.store(ctl, ${STATE} + s, 2);
      Atomics.notify(ctl, ${STATE} + s);
    }
  }
} catch (e) {
  Atomics.store(ctl, ${FAILED}, 1);
  for (let s = 0; s < ${SLOTS}; s++) Atomics.notify(ctl, ${STATE} + s);
}
`;

/** The persistent worker (Node only, ≥ 2 cores), or null. It never keeps the process alive. */
function loadHelper(k: Kernel): Helper | null {
  if (helper === undefined) {
    helper = null;
    try {
      const node = (globalThis as unknown as { process?: { getBuiltinModule?: (id: string) => unknown } })
        .process;
      const threads = node?.getBuiltinModule?.('node:worker_threads') as
        | typeof import('node:worker_threads')
        | undefined;
      const os = node?.getBuiltinModule?.('node:os') as typeof import('node:os') | undefined;
      if (threads !== undefined && os !== undefined && os.availableParallelism() >= 2) {
        const control = new Int32Array(new SharedArrayBuffer(4 * (FLAG + SLOTS)));
        const worker = new threads.Worker(WORKER_SOURCE, {
          eval: true,
          workerData: { memory: k.memory, control: control.buffer, wasm: wasmBase64 },
        });
        worker.unref();
        helper = { control };
      }
    } catch {
      helper = null;
    }
  }
  return helper;
}

/** Tests only: switch the kernel off (true → on again) to exercise the JavaScript loop. */
export function useCollinearWasm(on: boolean): void {
  enabled = on;
}

/** Copies src[s, s+m) to heap[at, at+m), through a typed-array memcpy where possible. */
function stage(heap: Float64Array, at: number, src: ColumnLike, s: number, m: number): void {
  const sub = (src as { subarray?: (a: number, b: number) => ArrayLike<number> }).subarray;
  if (typeof sub === 'function') heap.set(sub.call(src, s, s + m), at);
  else for (let i = 0; i < m; i++) heap[at + i] = src[s + i] as number;
}

/** Stages events [s, s+m) of the ten columns into `slot`, padding an odd block with a null event. */
function stageBlock(
  heap: Float64Array,
  slot: number,
  columns: readonly ColumnLike[],
  s: number,
  m: number,
): void {
  const base = slot * SLOT_DOUBLES;
  for (let c = 0; c < INPUTS; c++) {
    stage(heap, base + c * BLOCK, columns[c] as ColumnLike, s, m);
    if (m % 2 === 1) heap[base + c * BLOCK + m] = 0; // pad lane: a valid (null) four-vector
  }
}

/** Copies the slot's M_col and x to mass/x[s, s+m) (from shared memory, `set` is a memcpy). */
function unstageBlock(
  heap: Float64Array,
  slot: number,
  mass: Float64Array,
  x: Float64Array,
  s: number,
  m: number,
) {
  const at = slot * SLOT_DOUBLES + INPUTS * BLOCK;
  mass.set(heap.subarray(at, at + m), s);
  x.set(heap.subarray(at + BLOCK, at + BLOCK + m), s);
}

/** Blocks until control word `i` equals `want`; throws if the worker failed. */
function waitFor(control: Int32Array, i: number, want: number): void {
  for (let spin = 0; ; spin++) {
    const v = Atomics.load(control, i);
    if (v === want) return;
    if (Atomics.load(control, FAILED) !== 0) throw new Error('collinear-mass worker thread failed');
    if (spin > 1000) Atomics.wait(control, i, v, 20);
  }
}

/** Two-thread pipeline over all blocks; returns the indices of blocks the kernel flagged. */
function runPipelined(
  k: Kernel,
  h: Helper,
  columns: readonly ColumnLike[],
  useMet: boolean,
  mass: Float64Array,
  x: Float64Array,
): number[] {
  const { heap } = k;
  const { control } = h;
  const n = mass.length;
  const blocks = Math.ceil(n / BLOCK);
  const lastLength = n - (blocks - 1) * BLOCK;
  for (let s = 0; s < SLOTS; s++) control[STATE + s] = 0;
  control[BLOCKS] = blocks;
  control[MODE] = useMet ? 1 : 0;
  control[LAST] = lastLength + (lastLength % 2);
  Atomics.add(control, JOB, 1);
  Atomics.notify(control, JOB);
  const flagged: number[] = [];
  const collect = (b: number) => {
    const slot = b % SLOTS;
    waitFor(control, STATE + slot, 2);
    if (control[FLAG + slot] !== 0) flagged.push(b);
    unstageBlock(heap, slot, mass, x, b * BLOCK, Math.min(BLOCK, n - b * BLOCK));
  };
  for (let b = 0; b < blocks; b++) {
    const slot = b % SLOTS;
    if (b >= SLOTS) collect(b - SLOTS);
    stageBlock(heap, slot, columns, b * BLOCK, Math.min(BLOCK, n - b * BLOCK));
    Atomics.store(control, STATE + slot, 1);
    Atomics.notify(control, STATE + slot);
  }
  for (let b = Math.max(0, blocks - SLOTS); b < blocks; b++) collect(b);
  return flagged;
}

/** Options of {@link collinearColumnsWasm}. */
export interface KernelThreads {
  /** 1: this thread only; 2: pipeline with the worker; 'auto' (default): 2 from 65 536 events. */
  readonly threads?: 1 | 2 | 'auto';
}

/**
 * Runs the kernel over `columns` (ℓ px, py, pz, E; ℓ′ px, py, pz, E; MET px, py; all of length
 * n = mass.length) into `mass` and `x`. Returns false, touching nothing, when WebAssembly is
 * unavailable. When the kernel flags a block (a non-finite input or a negative energy may be in
 * it) it calls `checkEvent(i)` for each event i of the block, which throws on an invalid event.
 */
export function collinearColumnsWasm(
  columns: readonly ColumnLike[],
  useMet: boolean,
  mass: Float64Array,
  x: Float64Array,
  checkEvent: (i: number) => void,
  options: KernelThreads = {},
): boolean {
  const k = loadKernel();
  if (k === null) return false;
  const n = mass.length;
  const threads = options.threads ?? 'auto';
  const h = threads === 2 || (threads === 'auto' && n >= THREAD_MIN_EVENTS) ? loadHelper(k) : null;
  let flagged: number[] | null = null;
  if (h !== null) {
    try {
      flagged = runPipelined(k, h, columns, useMet, mass, x);
    } catch {
      helper = null; // the worker died: this call and later ones run on this thread
    }
  }
  if (flagged === null) {
    flagged = [];
    for (let b = 0; b * BLOCK < n; b++) {
      const m = Math.min(BLOCK, n - b * BLOCK);
      stageBlock(k.heap, 0, columns, b * BLOCK, m);
      if (k.collinear(0, m + (m % 2), useMet ? 1 : 0) !== 0) flagged.push(b);
      unstageBlock(k.heap, 0, mass, x, b * BLOCK, m);
    }
  }
  for (const b of flagged) for (let i = b * BLOCK; i < Math.min(n, (b + 1) * BLOCK); i++) checkEvent(i);
  return true;
}
