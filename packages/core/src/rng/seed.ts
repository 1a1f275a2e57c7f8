/**
 * Seed derivation: SplitMix64 (Steele, Lea, Flood 2014) expands a user seed and a path of stream
 * indices into 256 bits of xoshiro256** state. Stream (seed, i) is a pure function of (seed, i),
 * so toy i draws the same numbers whether it runs alone, in a worker pool or in shard k of a job
 * array. BigInt is used here only, at seeding time; generation itself is 32-bit integer code.
 *
 * @module
 */
import { HepInputError } from '../errors.js';

const MASK64 = (1n << 64n) - 1n;
const GOLDEN = 0x9e3779b97f4a7c15n;

/** The SplitMix64 output function (finaliser) applied to a 64-bit value. */
export function splitMix64Mix(z: bigint): bigint {
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return z ^ (z >> 31n);
}

/** Converts a user seed (non-negative safe integer or bigint < 2^64) to a 64-bit key. */
export function seedKey(seed: number | bigint, name = 'seed'): bigint {
  if (typeof seed === 'number') {
    if (!Number.isSafeInteger(seed) || seed < 0) {
      throw new HepInputError(name, `must be a non-negative safe integer, got ${seed}`);
    }
    return BigInt(seed);
  }
  if (typeof seed !== 'bigint' || seed < 0n || seed > MASK64) {
    throw new HepInputError(name, `must be a bigint in [0, 2^64), got ${String(seed)}`);
  }
  return seed;
}

/** Key of sub-stream `index` of the stream with key `key` (a fresh, decorrelated 64-bit key). */
export function deriveKey(key: bigint, index: number): bigint {
  if (!Number.isSafeInteger(index) || index < 0) {
    throw new HepInputError('index', `must be a non-negative safe integer, got ${index}`);
  }
  return splitMix64Mix((key ^ splitMix64Mix((BigInt(index) + GOLDEN) & MASK64)) & MASK64);
}

/**
 * Expands a 64-bit key into xoshiro256** state by four SplitMix64 steps, as recommended by the
 * xoshiro authors. Returned as eight 32-bit words: [s0.hi, s0.lo, s1.hi, s1.lo, ...].
 */
export function expandKey(key: bigint): Uint32Array {
  const state = new Uint32Array(8);
  let x = key;
  for (let i = 0; i < 4; i++) {
    x = (x + GOLDEN) & MASK64;
    const z = splitMix64Mix(x);
    state[2 * i] = Number(z >> 32n);
    state[2 * i + 1] = Number(z & 0xffffffffn);
  }
  return state;
}
