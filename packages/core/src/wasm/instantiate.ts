/**
 * Synchronous instantiation of the small WebAssembly kernels that hep-ts packages ship as base64
 * (generated from `.wat` sources by `pnpm wasm`). Synchronous so that columnar functions stay
 * synchronous; the kernels are a few kB (browsers allow synchronous compilation of small modules
 * on the main thread).
 *
 * @module
 */

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
}

/** An instantiated kernel: its exported functions and memory. */
export interface WasmInstance {
  readonly exports: Record<string, unknown>;
}

/**
 * Compile and instantiate a kernel module given as base64, with optional imports. Throws the
 * engine's error when WebAssembly (or SIMD, which the kernels use) is unavailable; callers that
 * have a JavaScript fallback catch it once and remember.
 */
export function instantiateWasm(base64: string, imports: object = {}): WasmInstance {
  const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
  if (wasm === undefined) throw new Error('WebAssembly is not available in this JavaScript engine');
  return new wasm.Instance(new wasm.Module(decodeBase64(base64)), imports);
}
