/**
 * WebAssembly SIMD (f64x2) kernel of the columnar {@link collinearMass}: the JavaScript loop is
 * bound by its per-element work (10 typed-array reads per event), not by memory; this kernel
 * copies blocks of 4096 events into its own memory (cache-resident) and computes two events per
 * instruction. It performs the same IEEE operations in the same order as the JavaScript loop, so
 * both give bit-identical results (tested). Source: `collinearKernel.wat`.
 *
 * Results are written straight into the kernel's memory when they live there: a call without
 * `options.out` on at least {@link OWNED_MIN} (262 144) events returns M_col and x as views of a fresh
 * WebAssembly memory that holds them (no copy back: reading 2 × 8 bytes per event back out of
 * WebAssembly memory costs as much as the arithmetic), and passing such a result, or subarrays of
 * it, as `options.out` of the next call (chunked processing) reuses that memory. Other outputs
 * get each block copied back. Inputs that live in the same memory as the outputs
 * ({@link kernelColumns}, behind `createCollinearMassBuffers`) are read in place; others are copied
 * into the staging block (that copy is about half of the time of a call).
 *
 * @module
 */
import type { ColumnLike, WasmModule } from '@hep/core';
import { compileWasm, createWasmMemory, instantiateWasm } from '@hep/core';
import { wasmBase64 } from './collinearKernel.wasm.js';
import type { CollinearMassColumns as CollinearOutputs } from './collinearMass.js';

/** Events per staging block (12 columns × 32 kB: fits in L2). Must match the .wat offsets. */
const BLOCK = 4096;
const INPUTS = 10;
/** Bytes of the staging area: 10 input and 2 output columns of one block. */
const STAGING_BYTES = (INPUTS + 2) * BLOCK * 8;
const MASS_STAGE = INPUTS * BLOCK * 8;
const X_STAGE = MASS_STAGE + BLOCK * 8;
/**
 * Smallest call that gets its results in a memory of their own (below: copied into new arrays):
 * there the staging area adds < 10 % to the result's memory.
 */
export const OWNED_MIN = 64 * BLOCK;

interface Kernel {
  /** collinear(n, useMet, massAt, xAt, ...byte offsets of the 10 input columns) → 1 if flagged. */
  readonly collinear: (
    n: number,
    useMet: number,
    massAt: number,
    xAt: number,
    ...inputsAt: number[]
  ) => number;
  readonly heap: Float64Array;
}

let module: WasmModule | null | undefined;
let scratch: Kernel | null = null;
let enabled = true;
/** Kernels by the ArrayBuffer of their memory, to recognise outputs that live in one. */
const byBuffer = new WeakMap<ArrayBuffer, Kernel>();

/** A kernel instance over a new memory of `bytes` (throws RangeError when it cannot be had). */
function newKernel(compiled: WasmModule, bytes: number): Kernel {
  const memory = createWasmMemory(bytes);
  const { exports } = instantiateWasm(compiled, { env: { memory } });
  const kernel = {
    collinear: exports.collinear as Kernel['collinear'],
    heap: new Float64Array(memory.buffer),
  };
  byBuffer.set(memory.buffer, kernel);
  return kernel;
}

function loadModule(): WasmModule | null {
  if (module === undefined) {
    try {
      module = compileWasm(wasmBase64);
      scratch = newKernel(module, STAGING_BYTES);
    } catch {
      module = null; // no WebAssembly SIMD here: callers use the JavaScript loop
    }
  }
  return enabled ? module : null;
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

/** Byte offsets of the staged input columns. */
const STAGED_AT = Array.from({ length: INPUTS }, (_, c) => c * BLOCK * 8);

/** Whether `column` is a Float64Array in `kernel`'s memory past its staging area. */
function inMemoryOf(kernel: Kernel, column: ColumnLike): boolean {
  return (
    column instanceof Float64Array &&
    column.buffer === kernel.heap.buffer &&
    column.byteOffset >= STAGING_BYTES
  );
}

/** The kernel whose memory holds both outputs past its staging area, if there is one. */
function kernelHolding(out: CollinearOutputs): Kernel | undefined {
  const k = byBuffer.get(out.mass.buffer as ArrayBuffer);
  const inside = out.mass.byteOffset >= STAGING_BYTES && out.x.byteOffset >= STAGING_BYTES;
  return k !== undefined && out.x.buffer === out.mass.buffer && inside ? k : undefined;
}

/**
 * `count` columns of n events in a new kernel memory, past its staging area (the kernel reads and
 * writes them in place); null where WebAssembly or such a memory (address space, the 4 GiB limit)
 * cannot be had.
 */
export function kernelColumns(count: number, n: number): Float64Array[] | null {
  const compiled = loadModule();
  if (compiled === null) return null;
  try {
    const { buffer } = newKernel(compiled, STAGING_BYTES + 8 * count * n).heap;
    return Array.from({ length: count }, (_, k) => new Float64Array(buffer, STAGING_BYTES + 8 * n * k, n));
  } catch {
    return null;
  }
}

/** Outputs for n events: in a memory of their own when n ≥ OWNED_MIN and one can be had. */
function allocate(n: number): CollinearOutputs {
  const [mass, x] = (n >= OWNED_MIN ? kernelColumns(2, n) : null) ?? [
    new Float64Array(n),
    new Float64Array(n),
  ];
  return { mass: mass as Float64Array, x: x as Float64Array };
}

/**
 * Runs the kernel over `columns` (ℓ px, py, pz, E; ℓ′ px, py, pz, E; MET px, py; all of length n)
 * into `out` (validated by the caller, length n) or into new outputs, and returns them; returns
 * null, touching nothing, when WebAssembly is unavailable. When the kernel flags a block (a
 * non-finite input or a negative energy may be in it) it calls `checkEvent(i)` for each event i
 * of the block, which throws on an invalid event.
 */
export function collinearColumnsWasm(
  columns: readonly ColumnLike[],
  useMet: boolean,
  n: number,
  out: CollinearOutputs | undefined,
  checkEvent: (i: number) => void,
): CollinearOutputs | null {
  const compiled = loadModule();
  if (compiled === null) return null;
  const into = out ?? allocate(n);
  const kernel = kernelHolding(into) ?? (scratch as Kernel);
  const { mass, x } = into;
  const direct = kernel !== scratch;
  // Inputs in the same memory are read in place; others are copied block by block into staging.
  const placed = direct && columns.every((c) => inMemoryOf(kernel, c)) ? (columns as Float64Array[]) : null;
  const inPlaceAt = new Array<number>(INPUTS);
  const { heap, collinear } = kernel;
  for (let s = 0; s < n; s += BLOCK) {
    const m = Math.min(BLOCK, n - s);
    // Straight from and into the columns, except for an odd block, whose pad lane would overrun them.
    const straight = direct && m % 2 === 0;
    const inPlace = straight && placed !== null;
    if (inPlace)
      for (let c = 0; c < INPUTS; c++) inPlaceAt[c] = (placed[c] as Float64Array).byteOffset + 8 * s;
    else {
      for (let c = 0; c < INPUTS; c++) {
        stage(heap, c * BLOCK, columns[c] as ColumnLike, s, m);
        if (m % 2 === 1) heap[c * BLOCK + m] = 0; // pad lane: a valid (null) four-vector
      }
    }
    const massAt = straight ? mass.byteOffset + 8 * s : MASS_STAGE;
    const xAt = straight ? x.byteOffset + 8 * s : X_STAGE;
    if (collinear(m + (m % 2), useMet ? 1 : 0, massAt, xAt, ...(inPlace ? inPlaceAt : STAGED_AT)) !== 0)
      for (let i = s; i < s + m; i++) checkEvent(i);
    if (straight) continue;
    // A plain loop: TypedArray.prototype.set from WebAssembly memory is several times slower in
    // V8 (measured: 65 ms vs 34 ms for 2 × 1e7 values) than from an ordinary ArrayBuffer.
    for (let i = 0, j = MASS_STAGE / 8; i < m; i++, j++) {
      mass[s + i] = heap[j] as number;
      x[s + i] = heap[j + BLOCK] as number;
    }
  }
  return into;
}
