/**
 * Versioned JSON serialisation of a trained model: spec, float32 weights stored losslessly as
 * base64 of their little-endian bytes, optional StandardScaler and training history.
 *
 * @module
 */
import { HepInputError, Rng } from '@hep/core';
import { StandardScaler, type StandardScalerJSON } from '../preprocessing/standardScaler.js';
import { tf } from './engine.js';
import { Network } from './network.js';
import type { NetworkSpec } from './spec.js';
import type { TrainHistory } from './train.js';

/** Current format version written by {@link modelToJSON}. */
export const MODEL_FORMAT_VERSION = 1;

/** JSON form of a saved model. */
export interface ModelJSON {
  readonly format: 'hep-ts/nn';
  readonly version: number;
  readonly spec: NetworkSpec;
  readonly weights: { readonly name: string; readonly shape: number[]; readonly data: string }[];
  readonly scaler?: StandardScalerJSON;
  readonly history?: TrainHistory;
}

function toBase64(a: Float32Array): string {
  const bytes = new Uint8Array(a.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < a.length; i++) view.setFloat32(i * 4, a[i] as number, true);
  return Buffer.from(bytes).toString('base64');
}

function fromBase64(s: string, n: number, name: string): Float32Array {
  const bytes = Buffer.from(s, 'base64');
  if (bytes.length !== n * 4)
    throw new HepInputError(`weights.${name}`, `expected ${n} float32 values, got ${bytes.length / 4}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

/** Serialises network weights (bit-exact), spec, and optionally scaler and history. */
export function modelToJSON(
  net: Network,
  extras: { scaler?: StandardScaler; history?: TrainHistory } = {},
): ModelJSON {
  return {
    format: 'hep-ts/nn',
    version: MODEL_FORMAT_VERSION,
    spec: net.spec,
    weights: net.params.map((p) => ({
      name: p.name,
      shape: [...p.shape],
      data: toBase64(p.variable.dataSync() as Float32Array),
    })),
    ...(extras.scaler ? { scaler: extras.scaler.toJSON() } : {}),
    ...(extras.history ? { history: extras.history } : {}),
  };
}

/** Rebuilds a network (and scaler/history) from {@link modelToJSON} output; predictions are bit-identical. */
export function modelFromJSON(json: ModelJSON): {
  net: Network;
  scaler?: StandardScaler;
  history?: TrainHistory;
} {
  if (json?.format !== 'hep-ts/nn')
    throw new HepInputError('json.format', `expected 'hep-ts/nn', got ${json?.format}`);
  if (json.version !== MODEL_FORMAT_VERSION) {
    throw new HepInputError(
      'json.version',
      `unsupported version ${json.version} (this build reads ${MODEL_FORMAT_VERSION})`,
    );
  }
  const net = new Network(json.spec, new Rng(0));
  if (json.weights.length !== net.params.length) {
    net.dispose();
    throw new HepInputError(
      'json.weights',
      `expected ${net.params.length} arrays, got ${json.weights.length}`,
    );
  }
  net.params.forEach((p, i) => {
    const w = json.weights[i] as ModelJSON['weights'][number];
    if (w.name !== p.name)
      throw new HepInputError(`json.weights[${i}].name`, `expected ${p.name}, got ${w.name}`);
    const n = p.shape.reduce((a, b) => a * b, 1);
    const values = fromBase64(w.data, n, p.name);
    tf.tidy(() => p.variable.assign(tf.tensor(values, p.shape as number[])));
  });
  return {
    net,
    ...(json.scaler ? { scaler: StandardScaler.fromJSON(json.scaler) } : {}),
    ...(json.history ? { history: json.history } : {}),
  };
}
