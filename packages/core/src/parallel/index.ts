export type { RunToysOptions, ToyRunner, ToyRunnerFactory } from './runToys.js';
export { runToysParallel } from './runToys.js';
export type { IndexRange, ToyShard } from './shards.js';
export { mergeToyShards, parseShard, shardRange } from './shards.js';
export { toyModuleUrl } from './toyModule.js';
