import { describe, expect, it } from 'vitest';
import {
  compileWasm,
  createWasmMemory,
  HepInputError,
  instantiateWasm,
  WASM_PAGE_BYTES,
} from '../src/index.js';

/**
 * (module (import "env" "memory" (memory 1)) (func (export "load") (param i32) (result f64)
 *   (f64.load (local.get 0)))) — assembled by hand (WebAssembly binary format, spec §5).
 */
const LOAD_F64 = 'AGFzbQEAAAABBgFgAX8BfAIPAQNlbnYGbWVtb3J5AgABAwIBAAcIAQRsb2FkAAAKCQEHACAAKwMACw==';

describe('WebAssembly helpers', () => {
  it('rounds memories up to whole 64 KiB pages and refuses more than the engine allows', () => {
    expect(WASM_PAGE_BYTES).toBe(65536);
    expect(createWasmMemory(1).buffer.byteLength).toBe(65536);
    expect(createWasmMemory(65537).buffer.byteLength).toBe(131072);
    expect(() => createWasmMemory(2 ** 33)).toThrow(RangeError);
    for (const bad of [-1, Number.NaN, Infinity]) {
      expect(() => createWasmMemory(bad)).toThrow(HepInputError);
      expect(() => createWasmMemory(bad)).toThrow(/bytes/);
    }
  });
  it('instantiates one compiled module many times, each over the memory it is given', () => {
    const compiled = compileWasm(LOAD_F64);
    const values = [1.5, -2.25];
    const loads = values.map((v) => {
      const memory = createWasmMemory(8);
      new Float64Array(memory.buffer)[0] = v;
      return instantiateWasm(compiled, { env: { memory } }).exports.load as (at: number) => number;
    });
    expect(loads.map((load) => load(0))).toEqual(values);
    const fromText = createWasmMemory(8);
    new Float64Array(fromText.buffer)[1] = 7;
    const load = instantiateWasm(LOAD_F64, { env: { memory: fromText } }).exports.load as (
      at: number,
    ) => number;
    expect(load(8)).toBe(7);
  });
});
