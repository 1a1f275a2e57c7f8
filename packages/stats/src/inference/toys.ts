/**
 * Toy-based (frequentist) CLs as pyhf's `ToyCalculator`: pseudo-data are generated with the nuisance
 * parameters at their conditional maximum-likelihood values on the observed data, at the tested μ
 * (signal plus background) and at μ = 0 (background; μ = 1 for q0), following the LHC Higgs
 * combination procedure (ATL-PHYS-PUB-2011-011). p-values are empirical tail fractions
 * p = #{t_toy ≥ t_obs} / N; CLs = CLs+b / CLb; the expected band takes, for each background toy's t,
 * the p-values it would give and returns their 2.275, 15.87, 50, 84.13, 97.72 percentiles (linear
 * interpolation, numpy's default). For q0 the p-value is CLs+b (the background-only tail, pyhf).
 *
 * Toys run on a worker-thread pool (`runToysParallel` of @hep/core); toy i draws all its randomness
 * from `Rng.stream(seed, i)`, so results do not depend on the number of threads, and toy index
 * ranges can be run as separate batch jobs ({@link runToyShard}) and merged ({@link mergeToyRuns}).
 *
 * @module
 */

import { HepInputError, mergeToyShards, runToysParallel, type ToyShard, toyModuleUrl } from '@hep/core';
import { normalCdf } from '../distributions/normal.js';
import type { HistFactoryModel } from '../histfactory/model.js';
import { BAND_SIGMAS } from './asymptotics.js';
import { type FitData, fitModel, observedData } from './fit.js';
import { statisticBounds, type TestStatisticName, testStatistic } from './testStatistics.js';
import type { ToyArgs, ToyResult } from './toyRunner.js';

/** Options of {@link toyHypotest} and {@link runToyShard}. */
export interface ToyOptions {
  /** Number of toys per hypothesis (default 2000, as pyhf). */
  ntoys?: number;
  /** Seed of the per-toy streams (default 0). */
  seed?: number;
  testStat?: TestStatisticName;
  /** Data (default: the model's observed data). */
  data?: FitData;
  /** POI bounds of all fits (default: see `statisticBounds`). */
  poiBounds?: readonly [number, number];
  /** Worker threads (default: available parallelism; 1 = in this thread). */
  threads?: number;
  onProgress?: (done: number, total: number) => void;
}

/** The toys of index range [start, end) of one run, with what is needed to merge and check them. */
export interface ToyRun extends ToyShard<ToyResult> {
  mu: number;
  testStat: TestStatisticName;
  seed: number;
  /** Total number of toys of the run (all shards). */
  ntoys: number;
  /** Test statistic on the observed data. */
  observed: number;
}

/** Toy-based CLs at one μ (pyhf `hypotest(..., calctype='toybased')` quantities). */
export interface ToyHypotestResult {
  mu: number;
  testStat: TestStatisticName;
  ntoys: number;
  /** Observed test statistic. */
  teststat: number;
  CLsb: number;
  CLb: number;
  /** CLs+b / CLb (q0: p0 = CLs+b); NaN when no background toy reaches t_obs (CLb = 0: more toys needed). */
  CLs_obs: number;
  /** Expected CLs (q0: expected p0 = CLs+b) at N = 2, 1, 0, −1, −2 σ, as the asymptotic order. */
  CLs_exp: number[];
  CLsb_exp: number[];
  CLb_exp: number[];
  /** Toy fits (4 per toy) that did not converge. */
  failedFits: number;
}

/** Runs toys [start, end) of `ntoys` (one s+b and one b dataset each). */
export async function runToyShard(
  model: HistFactoryModel,
  mu: number,
  range: { start: number; end: number },
  options: ToyOptions = {},
): Promise<ToyRun> {
  const ntoys = options.ntoys ?? 2000;
  const seed = options.seed ?? 0;
  const testStat = options.testStat ?? 'qtilde';
  if (!Number.isInteger(ntoys) || ntoys < 1)
    throw new HepInputError('ntoys', `must be a positive integer, got ${ntoys}`);
  if (!(range.start >= 0 && range.end <= ntoys && range.start <= range.end))
    throw new HepInputError('range', `[${range.start}, ${range.end}) is not inside [0, ${ntoys})`);
  const data = options.data ?? observedData(model);
  const bounds = statisticBounds(model, testStat, options.poiBounds);
  const fixedAt = (m: number): Float64Array =>
    fitModel(model, data, { bounds, fixedValues: new Map([[model.poiIndex, m]]) }).values;
  const observed = testStatistic(testStat, model, data, mu, { poiBounds: options.poiBounds }).value;
  const args: ToyArgs = {
    workspace: model.source.workspace,
    modelOptions: model.source.options,
    testStat,
    mu,
    seed,
    sigPars: fixedAt(mu),
    bkgPars: fixedAt(testStat === 'q0' ? 1 : 0),
    poiBounds: options.poiBounds,
  };
  const results = await runToysParallel<ToyArgs, ToyResult>({
    module: toyModuleUrl(import.meta.url, './toyRunner'),
    args,
    start: range.start,
    end: range.end,
    threads: options.threads,
    onProgress: options.onProgress,
  });
  return { start: range.start, end: range.end, results, mu, testStat, seed, ntoys, observed };
}

/** Fraction of `sorted` (ascending) that is ≥ t. */
function tailFraction(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) >= t) hi = mid;
    else lo = mid + 1;
  }
  return (sorted.length - lo) / sorted.length;
}

/** numpy `percentile(x, q)` with linear interpolation, x ascending, q in percent. */
function percentile(sorted: Float64Array, q: number): number {
  const pos = (q / 100) * (sorted.length - 1);
  const i = Math.floor(pos);
  const j = Math.min(i + 1, sorted.length - 1);
  return (sorted[i] as number) + (pos - i) * ((sorted[j] as number) - (sorted[i] as number));
}

/** CLs+b, CLb and CLs (pyhf `ToyCalculator.pvalues`) of t given the sorted toy distributions. */
function pvalues(sb: Float64Array, b: Float64Array, t: number): [number, number, number] {
  const clsb = tailFraction(sb, t);
  const clb = tailFraction(b, t);
  return [clsb, clb, clb > 0 ? clsb / clb : Number.NaN];
}

/** p-values and expected band from toy test statistics (already merged, index order irrelevant). */
export function toyPvalues(run: Omit<ToyRun, 'start' | 'end'>): ToyHypotestResult {
  const n = run.results.length;
  if (n === 0) throw new HepInputError('results', 'no toys');
  const sb = Float64Array.from(run.results, (r) => r.sb).sort();
  const b = Float64Array.from(run.results, (r) => r.b).sort();
  const [CLsb, CLb, CLs] = pvalues(sb, b, run.observed);
  const perToy = [new Float64Array(n), new Float64Array(n), new Float64Array(n)] as const;
  b.forEach((t, i) => {
    const p = pvalues(sb, b, t);
    for (let k = 0; k < 3; k++) (perToy[k] as Float64Array)[i] = p[k] as number;
  });
  const band = perToy.map((x) => {
    const s = Float64Array.from(x).sort();
    return BAND_SIGMAS.map((N) => percentile(s, 100 * normalCdf(-N)));
  });
  const q0 = run.testStat === 'q0';
  return {
    mu: run.mu,
    testStat: run.testStat,
    ntoys: n,
    teststat: run.observed,
    CLsb,
    CLb,
    CLs_obs: q0 ? CLsb : CLs,
    CLs_exp: (q0 ? band[0] : band[2]) as number[],
    CLsb_exp: band[0] as number[],
    CLb_exp: band[1] as number[],
    failedFits: run.results.reduce((a, r) => a + r.failedFits, 0),
  };
}

/**
 * Merges the shards of one toy run (any order; checks that they belong to the same run and cover
 * [0, ntoys) without gaps or overlaps) and computes the p-values.
 */
export function mergeToyRuns(runs: readonly ToyRun[]): ToyHypotestResult {
  const first = runs[0];
  if (first === undefined) throw new HepInputError('runs', 'no shards to merge');
  runs.forEach((r, i) => {
    for (const key of ['mu', 'testStat', 'seed', 'ntoys', 'observed'] as const)
      if (r[key] !== first[key])
        throw new HepInputError(
          `runs[${i}].${key}`,
          `is ${r[key]} but runs[0].${key} is ${first[key]}: not the same toy run`,
        );
  });
  return toyPvalues({ ...first, results: mergeToyShards(runs, first.ntoys) });
}

/** Toy-based hypothesis test at μ: all `ntoys` toys on the worker pool, then {@link toyPvalues}. */
export async function toyHypotest(
  model: HistFactoryModel,
  mu: number,
  options: ToyOptions = {},
): Promise<ToyHypotestResult> {
  return toyPvalues(await runToyShard(model, mu, { start: 0, end: options.ntoys ?? 2000 }, options));
}
