/**
 * Tensor engine of the neural networks: `@tensorflow/tfjs-core` with the wasm (SIMD) backend by
 * default and the pure-JS cpu backend as fallback. Initialisation is quiet (no tfjs banner) and
 * idempotent.
 *
 * @module
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { registerGradients } from './gradients.js';

registerGradients();

/** Tensor backends the networks can run on. `wasm` is ≈ 5× faster than `cpu` measured here. */
export type NnBackend = 'wasm' | 'cpu';

let wasmPathsSet = false;

function quiet(): void {
  // tfjs-core's `warn` (banner "looks like you are running TensorFlow.js in Node.js") is muted in PROD.
  if (!tf.env().getBool('PROD')) tf.env().set('PROD', true);
}

/**
 * Locations of the tfjs modules the engine loads (absolute paths resolved at run time): the
 * CommonJS entries of tfjs-core and of the wasm and cpu backends, and the folder of the .wasm
 * binaries (with a trailing separator). Worker threads load tfjs from these.
 */
export function tfjsLocations(): { core: string; wasm: string; cpu: string; wasmDir: string } {
  const req = createRequire(import.meta.url);
  const wasm = req.resolve('@tensorflow/tfjs-backend-wasm');
  return {
    core: req.resolve('@tensorflow/tfjs-core'),
    wasm,
    cpu: req.resolve('@tensorflow/tfjs-backend-cpu'),
    // the wasm entry is …/tfjs-backend-wasm/dist/<bundle>.js: the .wasm binaries sit beside it
    wasmDir: `${path.dirname(wasm)}${path.sep}`,
  };
}

function pointWasmAtDist(): void {
  if (wasmPathsSet) return;
  setWasmPaths(tfjsLocations().wasmDir);
  wasmPathsSet = true;
}

/**
 * Selects the backend (`wasm` by default; falls back to `cpu` when wasm cannot start) and returns
 * the name of the backend actually active. Safe to call repeatedly.
 *
 * @example
 * ```ts
 * const used = await initEngine();      // 'wasm'
 * await initEngine('cpu');             // exact float32 gradients for checks
 * ```
 */
export async function initEngine(backend: NnBackend = 'wasm'): Promise<NnBackend> {
  quiet();
  if (tf.getBackend() === backend) return backend;
  if (backend === 'wasm') {
    try {
      pointWasmAtDist();
      if (await tf.setBackend('wasm')) {
        await tf.ready();
        return 'wasm';
      }
    } catch {
      // fall through to cpu
    }
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return 'cpu';
}

export { tf };
