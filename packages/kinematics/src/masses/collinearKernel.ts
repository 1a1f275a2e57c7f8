/**
 * WebAssembly SIMD (f64x2) kernel of the columnar {@link collinearMass}. A JavaScript loop over
 * ten typed arrays is bound by its per-element work, not by memory; this kernel copies blocks of
 * 2048 events into its own (cache-resident) memory, computes two events per instruction and copies
 * M_col and x back. It performs the same IEEE operations in the same order as the JavaScript loop,
 * so both give bit-identical results (tested). Source: `collinearKernel.wat`.
 *
 * Large inputs (≥ 65 536 events, Node, ≥ 2 cores) are pipelined over two threads: the main thread
 * copies block b into one of three slots of the shared kernel memory while a worker thread runs the
 * kernel on earlier blocks (the main thread computes any block the worker has not claimed when it
 * is needed); only the main thread touches the caller's arrays. Results are identical
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

// Control words (Int32, shared with the worker): a sequence number bumped whenever a slot is staged,
// the mode, a failure flag, then per slot its state (0 free, 1 staged, 3 being computed, 2 computed),
// its (padded, even) event count and the kernel's flag.
const SEQ = 0;
const MODE = 1;
const FAILED = 2;
const STATE = 4;
const LENGTH = 8;
const FLAG = 12;
const STAGED = 1;
/** Polls of a control word before sleeping on it (a few microseconds). */
const SPIN = 1000;
const COMPUTING = 3;
const COMPUTED = 2;

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

/**
 * The worker thread's program (CommonJS, evaluated from this string): claims staged slots (1 → 3)
 * and computes them (→ 2), sleeping on the sequence number when none is staged.
 */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { memory, control, wasm } = workerData;
const ctl = new Int32Array(control);
try {
  const bytes = Uint8Array.from(atob(wasm), (c) => c.charCodeAt(0));
  const { exports } = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
  for (;;) {
    const seq = Atomics.load(ctl, ${SEQ});
    let found = false;
    for (let s = 0; s < ${SLOTS}; s++) {
      if (Atomics.compareExchange(ctl, ${STATE} + s, ${STAGED}, ${COMPUTING}) !== ${STAGED}) continue;
      found = true;
      ctl[${FLAG} + s] = exports.collinear(s * ${SLOT_DOUBLES * 8}, ctl[${LENGTH} + s], ctl[${MODE}]);
      Atomics.store(ctl, ${STATE} + s, ${COMPUTED});
      Atomics.notify(ctl, ${STATE} + s);
    }
    if (found) continue;
    let spin = 0;
    while (spin++ < ${SPIN} && Atomics.load(ctl, ${SEQ}) === seq);
    if (spin > ${SPIN}) Atomics.wait(ctl, ${SEQ}, seq);
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

/**
 * Whether a second core looks idle: ≥ 2 cores and a 1-minute load average (which counts this
 * process) below cores − ½. On a saturated machine the pipeline waits on a descheduled worker and
 * is slower than one thread (measured: 250–340 ms vs 165–190 ms per 1e7 events at load 2.3–2.8 on
 * 2 cores).
 */
function coreFree(): boolean {
  const node = (globalThis as unknown as { process?: { getBuiltinModule?: (id: string) => unknown } })
    .process;
  const os = node?.getBuiltinModule?.('node:os') as typeof import('node:os') | undefined;
  if (os === undefined) return false;
  const cores = os.availableParallelism();
  return cores >= 2 && (os.loadavg()[0] as number) < cores - 0.5;
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
    if (spin > SPIN) Atomics.wait(control, i, v, 20);
  }
}

/**
 * Two-thread pipeline over all blocks; returns the indices of blocks the kernel flagged. The main
 * thread stages block b into slot b mod 3 after collecting block b − 3 from it; a block the worker
 * has not claimed yet when it is collected is computed here instead (so a busy or absent worker
 * costs no more than the one-thread path).
 */
function runPipelined(
  k: Kernel,
  h: Helper,
  columns: readonly ColumnLike[],
  useMet: boolean,
  mass: Float64Array,
  x: Float64Array,
): number[] {
  const { heap, collinear } = k;
  const { control } = h;
  const n = mass.length;
  const blocks = Math.ceil(n / BLOCK);
  control[MODE] = useMet ? 1 : 0;
  const flagged: number[] = [];
  const collect = (b: number) => {
    const slot = b % SLOTS;
    if (Atomics.compareExchange(control, STATE + slot, STAGED, COMPUTING) === STAGED) {
      control[FLAG + slot] = collinear(
        slot * SLOT_DOUBLES * 8,
        control[LENGTH + slot] as number,
        useMet ? 1 : 0,
      );
    } else waitFor(control, STATE + slot, COMPUTED);
    Atomics.store(control, STATE + slot, 0);
    if (control[FLAG + slot] !== 0) flagged.push(b);
    unstageBlock(heap, slot, mass, x, b * BLOCK, Math.min(BLOCK, n - b * BLOCK));
  };
  for (let b = 0; b < blocks; b++) {
    const slot = b % SLOTS;
    if (b >= SLOTS) collect(b - SLOTS);
    const m = Math.min(BLOCK, n - b * BLOCK);
    stageBlock(heap, slot, columns, b * BLOCK, m);
    control[LENGTH + slot] = m + (m % 2);
    Atomics.store(control, STATE + slot, STAGED);
    Atomics.add(control, SEQ, 1);
    Atomics.notify(control, SEQ);
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
  const h =
    threads === 2 || (threads === 'auto' && n >= THREAD_MIN_EVENTS && coreFree()) ? loadHelper(k) : null;
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
