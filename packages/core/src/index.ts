/**
 * `@hep/core`: the shared foundations every hep-ts package imports — seeded random numbers,
 * typed errors, input validation, columnar types, progress reporting and the reproduction-suite
 * contract.
 *
 * @packageDocumentation
 */
export type { Column, ColumnLike, Columns, Jagged } from './columns.js';
export { HepError, HepInputError, HepNumericalError } from './errors.js';
export type {
  IndexRange,
  RunToysOptions,
  ToyRunner,
  ToyRunnerFactory,
  ToyShard,
} from './parallel/index.js';
export { mergeToyShards, parseShard, runToysParallel, shardRange, toyModuleUrl } from './parallel/index.js';
export type { ProgressCallback } from './progress.js';
export { consoleProgress } from './progress.js';
export type {
  ReproductionOptions,
  ReproductionReport,
  ReproductionRow,
  ReproductionSuite,
  Verdict,
} from './reproduce.js';
export { compareToPublished } from './reproduce.js';
export { deriveKey, expandKey, Rng, seedKey, splitMix64Mix, Xoshiro256 } from './rng/index.js';
export {
  assertColumns,
  assertFinite,
  assertFiniteArray,
  assertInRange,
  assertInteger,
  assertNonEmpty,
  assertNonNegative,
  assertNonNegativeArray,
  assertPositive,
  assertSameLength,
} from './validate.js';
export type { WasmInstance, WasmMemory, WasmModule } from './wasm/instantiate.js';
export { compileWasm, createWasmMemory, instantiateWasm, WASM_PAGE_BYTES } from './wasm/instantiate.js';
