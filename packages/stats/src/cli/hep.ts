/**
 * The `hep` command line (like `pyhf cls`): asymptotic CLs, upper limits, fits and Brazil-band SVGs
 * for pyhf JSON workspaces.
 *
 *   hep cls WORKSPACE [--patch FILE]... [--poi-value MU] [--test-stat qtilde|q] [--json]
 *   hep upperlimit WORKSPACE [--patch FILE]... [--test-stat qtilde|q] [--json]
 *   hep fit WORKSPACE [--patch FILE]... [--json]
 *   hep brazil WORKSPACE [--patch FILE]... --out FILE.svg [--mu-max X] [--points N]
 *   hep toys WORKSPACE [--patch FILE]... [--poi-value MU] [--test-stat qtilde|q|q0] [--ntoys N]
 *            [--seed S] [--shard k/n] [--threads T] [--out RUN.json] [--json]
 *   hep merge RUN.json... [--json]
 * Common: --measurement NAME, --normsys code1|code4, --histosys code0|code4p (defaults as pyhf).
 *
 * @module
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { HepError, parseShard, shardRange } from '@hep/core';
import { brazilBandSvg } from '../histfactory/brazilSvg.js';
import type { HistosysCode, NormsysCode } from '../histfactory/interpolation.js';
import { buildModel, type HistFactoryModel } from '../histfactory/model.js';
import { applyPatch, parseWorkspace } from '../histfactory/workspace.js';
import { hypotest, type TestStatistic } from '../inference/asymptotics.js';
import { fitModel, observedData } from '../inference/fit.js';
import type { TestStatisticName } from '../inference/testStatistics.js';
import {
  mergeToyRuns,
  runToyShard,
  type ToyHypotestResult,
  type ToyRun,
  toyPvalues,
} from '../inference/toys.js';
import { brazilScan, upperLimit } from '../inference/upperLimit.js';

/** Where the CLI writes (injectable for tests). */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const USAGE = `usage:
  hep cls WORKSPACE [--patch FILE]... [--poi-value MU] [--test-stat qtilde|q] [--json]
  hep upperlimit WORKSPACE [--patch FILE]... [--test-stat qtilde|q] [--json]
  hep fit WORKSPACE [--patch FILE]... [--json]
  hep brazil WORKSPACE [--patch FILE]... --out FILE.svg [--mu-max X] [--points N]
  hep toys WORKSPACE [--patch FILE]... [--poi-value MU] [--test-stat qtilde|q|q0] [--ntoys N]
           [--seed S] [--shard k/n] [--threads T] [--out RUN.json] [--json]
  hep merge RUN.json... [--json]
options: --measurement NAME  --normsys code1|code4  --histosys code0|code4p`;

class UsageError extends Error {}

interface Args {
  command: string;
  workspace: string;
  /** Further positional arguments (merge: the run files after the first). */
  more: string[];
  patches: string[];
  flags: Map<string, string>;
  json: boolean;
}

const VALUED = new Set([
  '--poi-value',
  '--test-stat',
  '--measurement',
  '--normsys',
  '--histosys',
  '--out',
  '--mu-max',
  '--points',
  '--ntoys',
  '--seed',
  '--shard',
  '--threads',
]);

function parseArgs(argv: readonly string[]): Args {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') throw new UsageError('');
  if (!['cls', 'upperlimit', 'fit', 'brazil', 'toys', 'merge'].includes(command))
    throw new UsageError(`unknown command ${command}`);
  const patches: string[] = [];
  const flags = new Map<string, string>();
  let json = false;
  let workspace: string | undefined;
  const more: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    if (a === '--json') json = true;
    else if (a === '--patch' || VALUED.has(a)) {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      if (a === '--patch') patches.push(v);
      else flags.set(a, v);
    } else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else if (workspace === undefined) workspace = a;
    else if (command === 'merge') more.push(a);
    else throw new UsageError(`unexpected argument ${a}`);
  }
  if (workspace === undefined)
    throw new UsageError(command === 'merge' ? 'missing RUN.json' : 'missing WORKSPACE');
  return { command, workspace, more, patches, flags, json };
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${path} is not valid JSON: ${(e as Error).message}`);
  }
}

function number(flags: Map<string, string>, key: string, dflt: number): number {
  const v = flags.get(key);
  if (v === undefined) return dflt;
  const x = Number(v);
  if (!Number.isFinite(x)) throw new UsageError(`${key} must be a number, got ${v}`);
  return x;
}

function loadModel(a: Args): HistFactoryModel {
  let ws = parseWorkspace(readJson(a.workspace));
  for (const p of a.patches) ws = applyPatch(ws, readJson(p));
  const normsys = a.flags.get('--normsys') ?? 'code4';
  const histosys = a.flags.get('--histosys') ?? 'code4p';
  if (normsys !== 'code1' && normsys !== 'code4') throw new UsageError(`--normsys must be code1 or code4`);
  if (histosys !== 'code0' && histosys !== 'code4p')
    throw new UsageError(`--histosys must be code0 or code4p`);
  return buildModel(ws, {
    measurement: a.flags.get('--measurement'),
    modifierSettings: {
      normsys: { interpcode: normsys as NormsysCode },
      histosys: { interpcode: histosys as HistosysCode },
    },
  });
}

function testStat(a: Args): TestStatistic {
  const t = a.flags.get('--test-stat') ?? 'qtilde';
  if (t !== 'q' && t !== 'qtilde') throw new UsageError(`--test-stat must be qtilde or q, got ${t}`);
  return t;
}

function toyTestStat(a: Args): TestStatisticName {
  const t = a.flags.get('--test-stat') ?? 'qtilde';
  if (t !== 'q' && t !== 'qtilde' && t !== 'q0')
    throw new UsageError(`--test-stat must be qtilde, q or q0, got ${t}`);
  return t;
}

function positiveInteger(flags: Map<string, string>, key: string, dflt: number): number {
  const x = number(flags, key, dflt);
  if (!(Number.isInteger(x) && x > 0)) throw new UsageError(`${key} must be a positive integer, got ${x}`);
  return x;
}

/** File format of a toy run (or shard): `ToyRun` with the results as columns. */
interface ToyRunFile {
  format: 'hep-toys/1';
  mu: number;
  testStat: TestStatisticName;
  seed: number;
  ntoys: number;
  observed: number;
  start: number;
  end: number;
  sb: number[];
  b: number[];
  failedFits: number[];
}

function toRunFile(r: ToyRun): ToyRunFile {
  const { mu, testStat, seed, ntoys, observed, start, end } = r;
  return {
    format: 'hep-toys/1',
    ...{ mu, testStat, seed, ntoys, observed, start, end },
    sb: r.results.map((x) => x.sb),
    b: r.results.map((x) => x.b),
    failedFits: r.results.map((x) => x.failedFits),
  };
}

function fromRunFile(path: string): ToyRun {
  const f = readJson(path) as Partial<ToyRunFile>;
  if (f?.format !== 'hep-toys/1') throw new UsageError(`${path} is not a hep toys file (format hep-toys/1)`);
  const cols = [f.sb, f.b, f.failedFits];
  const n = (f.end ?? 0) - (f.start ?? 0);
  if (!cols.every((c) => Array.isArray(c) && c.length === n && c.every((x) => typeof x === 'number')))
    throw new UsageError(`${path}: sb, b and failedFits must be ${n} numbers each (end − start)`);
  return {
    mu: f.mu as number,
    testStat: f.testStat as TestStatisticName,
    seed: f.seed as number,
    ntoys: f.ntoys as number,
    observed: f.observed as number,
    start: f.start as number,
    end: f.end as number,
    results: (f.sb as number[]).map((sb, i) => ({
      sb,
      b: (f.b as number[])[i] as number,
      failedFits: (f.failedFits as number[])[i] as number,
    })),
  };
}

function toyReport(r: ToyHypotestResult): Record<string, unknown> {
  return {
    CLs_obs: r.CLs_obs,
    CLs_exp: r.CLs_exp,
    CLsb: r.CLsb,
    CLb: r.CLb,
    teststat: r.teststat,
    ntoys: r.ntoys,
    failed_fits: r.failedFits,
  };
}

/** Runs the CLI on `argv` (without node and script); resolves to the process exit code. */
export async function main(
  argv: readonly string[],
  io: CliIo = { out: console.log, err: console.error },
): Promise<number> {
  try {
    const a = parseArgs(argv);
    const print = (obj: Record<string, unknown>): void => {
      if (a.json) io.out(JSON.stringify(obj, null, 2));
      else
        for (const [k, v] of Object.entries(obj))
          io.out(`${k}: ${Array.isArray(v) ? v.join(' ') : String(v)}`);
    };
    if (a.command === 'merge') {
      print(toyReport(mergeToyRuns([a.workspace, ...a.more].map(fromRunFile))));
      return 0;
    }
    const model = loadModel(a);
    if (a.command === 'toys') {
      const ntoys = positiveInteger(a.flags, '--ntoys', 2000);
      const shardText = a.flags.get('--shard');
      const { shard, shards } = shardText === undefined ? { shard: 0, shards: 1 } : parseShard(shardText);
      const run = await runToyShard(
        model,
        number(a.flags, '--poi-value', 1),
        shardRange(ntoys, shard, shards),
        {
          ntoys,
          seed: number(a.flags, '--seed', 0),
          testStat: toyTestStat(a),
          threads: a.flags.has('--threads') ? positiveInteger(a.flags, '--threads', 1) : undefined,
        },
      );
      const out = a.flags.get('--out');
      if (out !== undefined) writeFileSync(out, JSON.stringify(toRunFile(run)));
      if (shards === 1) print(toyReport(toyPvalues(run)));
      else if (out === undefined) throw new UsageError('toys --shard needs --out FILE');
      else print({ written: out, start: run.start, end: run.end });
      return 0;
    }
    if (a.command === 'cls') {
      const r = hypotest(model, number(a.flags, '--poi-value', 1), { testStat: testStat(a) });
      print({ CLs_obs: r.CLs_obs, CLs_exp: r.CLs_exp });
    } else if (a.command === 'upperlimit') {
      const r = upperLimit(model, { testStat: testStat(a) });
      print({ mu_obs: r.mu_obs, mu_exp: r.mu_exp });
    } else if (a.command === 'fit') {
      const r = fitModel(model, observedData(model), { uncertainties: true });
      const bestfit: Record<string, number> = {};
      const uncertainty: Record<string, number> = {};
      model.parameterNames.forEach((n, i) => {
        bestfit[n] = r.values[i] as number;
        uncertainty[n] = r.errors?.[i] ?? Number.NaN;
      });
      print({
        twice_nll: r.twiceNll,
        status: r.status,
        iterations: r.iterations,
        edm: r.edm,
        bestfit,
        uncertainty,
      });
    } else {
      const out = a.flags.get('--out');
      if (out === undefined) throw new UsageError('brazil needs --out FILE.svg');
      const muMax = number(
        a.flags,
        '--mu-max',
        (upperLimit(model, { testStat: testStat(a) }).mu_exp[4] as number) * 1.5,
      );
      const n = Math.max(2, Math.round(number(a.flags, '--points', 41)));
      const mus = Array.from({ length: n }, (_, i) => (muMax * (i + 1)) / n);
      writeFileSync(
        out,
        brazilBandSvg(brazilScan(model, mus, { testStat: testStat(a) }), { xLabel: model.poiName }),
      );
      print({ written: out });
    }
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) io.err(`hep: ${e.message}`);
      io.err(USAGE);
      return 2;
    }
    if (e instanceof HepError) {
      io.err(`hep: ${e.message}`);
      return 1;
    }
    throw e;
  }
}
