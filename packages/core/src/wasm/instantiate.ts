/**
 * Synchronous instantiation of the small WebAssembly kernels that hep-ts packages ship as base64
 * (generated from `.wat` sources by `pnpm wasm`). Synchronous so that columnar functions stay
 * synchronous; the kernels are a few kB (browsers allow synchronous compilation of small modules
 * on the main thread).
 *
 * @module
 */

import { assertNonNegative } from '../validate.js';

/** Decode base64 without Node's Buffer (works in browsers and Node ≥ 16). */
function decodeBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** The part of the WebAssembly JS API used here (the Node typings declare only its types). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => WasmInstance;
  Memory: new (descriptor: { initial: number; maximum?: number }) => WasmMemory;
}

/** A compiled kernel module, instantiable many times (each instance with its own memory). */
export interface WasmModule {
  readonly compiled: object;
}

/** A WebAssembly linear memory: `buffer` is its (fixed while it is not grown) ArrayBuffer. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}

/** Bytes per WebAssembly memory page. */
export const WASM_PAGE_BYTES = 65536;

function wasmApi(): WasmApi {
  const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
  if (wasm === undefined) throw new Error('WebAssembly is not available in this JavaScript engine');
  return wasm;
}

/** Compile a kernel module given as base64 once, to instantiate it with {@link instantiateWasm}. */
export function compileWasm(base64: string): WasmModule {
  return { compiled: new (wasmApi().Module)(decodeBase64(base64)) };
}

/**
 * A new WebAssembly memory of `bytes` (rounded up to whole 64 KiB pages), to import into a kernel
 * whose outputs should live in it. Throws a RangeError when the engine cannot reserve it (above
 * 4 GiB, or address space exhausted); callers fall back to ordinary arrays. HepInputError when
 * `bytes` is negative or not finite.
 */
export function createWasmMemory(bytes: number): WasmMemory {
  assertNonNegative('bytes', bytes);
  const pages = Math.ceil(bytes / WASM_PAGE_BYTES);
  return new (wasmApi().Memory)({ initial: pages, maximum: pages });
}

/** An instantiated kernel: its exported functions and memory. */
export interface WasmInstance {
  readonly exports: Record<string, unknown>;
}

/**
 * Instantiate a kernel module, given as base64 (compiled here) or compiled by {@link compileWasm},
 * with optional imports. Throws the engine's error when WebAssembly (or SIMD, which the kernels
 * use) is unavailable; callers that have a JavaScript fallback catch it once and remember.
 */
export function instantiateWasm(source: string | WasmModule, imports: object = {}): WasmInstance {
  const module = typeof source === 'string' ? compileWasm(source) : source;
  return new (wasmApi().Instance)(module.compiled, imports);
}
