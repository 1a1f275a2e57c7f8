/**
 * The `nplm` command line: benchmark toys on all cores, in shards for batch systems, and merging.
 *
 *   nplm toys --kind nplm|symmetrized --toys N [--shard k/n] [--seed S] [--threads T]
 *             [--signal tail|bulk|nonResonant:N_S] [--penalty λ] [--starts K] [--mode fast|reference]
 *             [--epochs E] [--weight-bound W] [--expected-reference N] [--reference-size N]
 *             [--reference-resolution R] [--out FILE.json]
 *   nplm merge FILE.json... [--out FILE.json]
 *
 * `toys` writes one shard file (job, total, [start, end), per-toy t/status/iterations); `merge`
 * checks that the shards belong to one job and cover [0, total) exactly once, and prints the
 * summary (mean t, fitted χ² dof, KS p against χ²_dof of the test).
 *
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { HepError, parseShard } from '@hep/core';
import { DEFAULT_SHAPE, parameterCount } from '../network.js';
import { type NullSummary, summariseNull } from '../nullSummary.js';
import { mergeToyShardFiles, runToyShard, type ToyShardFile } from '../toyJobs.js';
import type { ToyJob } from '../toyRunner.js';
import type { BenchmarkSignal } from '../toys.js';

/** Where the CLI writes (injectable for tests). */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const USAGE = `usage:
  nplm toys --kind nplm|symmetrized --toys N [--shard k/n] [--seed S] [--threads T]
            [--signal tail|bulk|nonResonant:N_S] [--penalty λ] [--starts K]
            [--mode fast|reference] [--epochs E] [--weight-bound W] [--expected-reference N]
            [--reference-size N] [--reference-resolution R] [--out FILE.json]
  nplm merge FILE.json... [--out FILE.json]`;

class UsageError extends Error {}

function numberFlag(values: Record<string, unknown>, name: string): number | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new UsageError(`--${name} must be a number, got "${String(v)}"`);
  return n;
}

function parseSignal(text: string | undefined): ToyJob['signal'] {
  if (text === undefined) return undefined;
  const [shape, expected] = text.split(':');
  if (!['tail', 'bulk', 'nonResonant'].includes(shape ?? '') || !(Number(expected) >= 0))
    throw new UsageError(`--signal must be tail|bulk|nonResonant:N_S, got "${text}"`);
  return { shape: shape as BenchmarkSignal, expected: Number(expected) };
}

/** χ² dof of a job's statistic: P for NPLM, P − 1 for the symmetrized test (1-4-1 nets). */
function jobDof(job: ToyJob): number {
  return parameterCount(DEFAULT_SHAPE) - (job.kind === 'symmetrized' ? 1 : 0);
}

function summaryText(file: ToyShardFile, s: NullSummary): string {
  return [
    `toys [${file.start}, ${file.end}) of ${file.total}, kind ${file.job.kind}, seed ${file.job.seed}`,
    `mean t = ${s.mean.toFixed(3)} ± ${s.standardError.toFixed(3)}, fitted χ² dof = ${s.fittedDof.toFixed(2)} ± ${s.fittedDofError.toFixed(2)}`,
    `KS p vs χ²_${s.dof} = ${s.ksPValue.toPrecision(3)}; not converged: ${s.notConverged}`,
  ].join('\n');
}

async function toys(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      kind: { type: 'string' },
      toys: { type: 'string' },
      shard: { type: 'string', default: '0/1' },
      seed: { type: 'string', default: '0' },
      threads: { type: 'string' },
      signal: { type: 'string' },
      penalty: { type: 'string' },
      starts: { type: 'string' },
      mode: { type: 'string' },
      epochs: { type: 'string' },
      'weight-bound': { type: 'string' },
      'expected-reference': { type: 'string' },
      'reference-size': { type: 'string' },
      'reference-resolution': { type: 'string' },
      out: { type: 'string' },
    },
  });
  if (values.kind !== 'nplm' && values.kind !== 'symmetrized')
    throw new UsageError('--kind must be nplm or symmetrized');
  const total = numberFlag(values, 'toys');
  if (total === undefined || !Number.isInteger(total) || total < 1)
    throw new UsageError('--toys must be a positive integer');
  if (values.mode !== undefined && values.mode !== 'fast' && values.mode !== 'reference')
    throw new UsageError('--mode must be fast or reference');
  const { shard, shards } = parseShard(values.shard);
  const job: ToyJob = {
    kind: values.kind,
    seed: numberFlag(values, 'seed') ?? 0,
    signal: parseSignal(values.signal),
    weightBound: numberFlag(values, 'weight-bound'),
    expectedReference: numberFlag(values, 'expected-reference'),
    referenceSize: numberFlag(values, 'reference-size'),
    referenceResolution: numberFlag(values, 'reference-resolution'),
    training: {
      mode: values.mode as 'fast' | 'reference' | undefined,
      penalty: numberFlag(values, 'penalty'),
      starts: numberFlag(values, 'starts'),
      epochs: numberFlag(values, 'epochs'),
    },
  };
  const file = await runToyShard(job, total, shard, shards, {
    threads: numberFlag(values, 'threads'),
    onProgress: (done, n) => io.err(`\rtoys ${done}/${n}`),
  });
  io.err('\n');
  const json = JSON.stringify(file);
  if (values.out !== undefined) writeFileSync(values.out, `${json}\n`);
  else io.out(json);
  io.err(`${summaryText(file, summariseNull(file.results, jobDof(job)))}\n`);
  return 0;
}

function merge(argv: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string' } },
  });
  if (positionals.length === 0) throw new UsageError('merge needs shard files');
  const files = positionals.map((p) => JSON.parse(readFileSync(p, 'utf8')) as ToyShardFile);
  const merged = mergeToyShardFiles(files);
  if (values.out !== undefined) writeFileSync(values.out, `${JSON.stringify(merged)}\n`);
  io.out(`${summaryText(merged, summariseNull(merged.results, jobDof(merged.job)))}\n`);
  return 0;
}

/** Runs the command line `argv` (without node and script); returns the exit code. */
export async function main(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'toys') return await toys(rest, io);
    if (command === 'merge') return merge(rest, io);
    throw new UsageError(command === undefined || command === '--help' ? '' : `unknown command ${command}`);
  } catch (e) {
    if (e instanceof UsageError || (e instanceof TypeError && 'code' in e)) {
      if (e.message !== '') io.err(`${e.message}\n`);
      io.err(`${USAGE}\n`);
      return 2;
    }
    if (e instanceof HepError || e instanceof SyntaxError) {
      io.err(`${e.name}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

const defaultIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text),
};
