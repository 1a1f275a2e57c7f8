/**
 * Toy module of the @hep/core worker pool (`runToysParallel`): one toy of the 1-D benchmark
 * (FORMULAS.md §1–2) per index, every random number drawn from Rng.stream(job.seed, index), so a
 * toy's result does not depend on the thread count or on sharding. Its own build entry
 * (dist/toyRunner.js) so that workers can load it next to the bundle.
 *
 * @module
 */
import { Rng } from '@hep/core';
import type { TrainingOptions } from './fit.js';
import { nplmTest } from './nplm.js';
import type { TrainingStatus } from './optimize.js';
import { symmetrizedTest } from './symmetrized.js';
import { type BenchmarkSignal, sampleBackground, sampleBenchmarkData } from './toys.js';

/** One kind of benchmark toy; structured-cloneable (it travels to the worker threads). */
export interface ToyJob {
  /**
   * 'nplm': data of Poisson(N(R) [+ N(S)]) events against a fresh reference sample of N_R events;
   * 'symmetrized': sample A of Poisson(N_A [+ N(S)]) events against sample B of Poisson(N_B).
   */
  kind: 'nplm' | 'symmetrized';
  /** Seed of the per-toy streams Rng.stream(seed, index). */
  seed: number;
  /** N(R) (nplm, default 2000). */
  expectedReference?: number;
  /** N_R, reference-sample size (nplm, default 200 000). */
  referenceSize?: number;
  /** Expected background of A and B (symmetrized, defaults 2000 and 2000). */
  expectedA?: number;
  expectedB?: number;
  /** Injected signal (in the data for nplm, in A for symmetrized); none for null toys. */
  signal?: { shape: BenchmarkSignal; expected: number };
  /** nplm: merging resolution of the reference sample (x units; nplmTest's default when absent). */
  referenceResolution?: number;
  /** Weight bound (nplm default 9; symmetrized default none). */
  weightBound?: number;
  /** Training options (mode, starts, penalty, epochs); the fit seed is the toy index. */
  training?: Omit<TrainingOptions, 'seed'>;
}

/** Result of one toy. */
export interface ToyResult {
  /** Toy index. */
  index: number;
  /** Test statistic t (or t_sym). */
  t: number;
  /** Worst training status of the toy's fits ('converged' only if all converged). */
  status: TrainingStatus;
  /** Total optimiser iterations of the toy. */
  iterations: number;
}

/** Builds the toy function of a job (the pool calls this once per worker thread). */
export function createToyRunner(job: ToyJob): (index: number) => ToyResult {
  return (index: number): ToyResult => {
    const rng = Rng.stream(job.seed, index);
    const training = { ...job.training, seed: index };
    if (job.kind === 'nplm') {
      const expected = job.expectedReference ?? 2000;
      const reference = sampleBackground(job.referenceSize ?? 200_000, rng);
      const data = sampleBenchmarkData(rng, expected, job.signal);
      const r = nplmTest(data, reference, {
        ...training,
        expectedReference: expected,
        weightBound: job.weightBound ?? 9,
        referenceResolution: job.referenceResolution,
      });
      return { index, t: r.t, status: r.status, iterations: r.iterations };
    }
    const a = sampleBenchmarkData(rng, job.expectedA ?? 2000, job.signal);
    const b = sampleBenchmarkData(rng, job.expectedB ?? 2000);
    const r = symmetrizedTest(a, b, { ...training, weightBound: job.weightBound });
    const status = r.fitA.status === 'converged' ? r.fitB.status : r.fitA.status;
    return { index, t: r.t, status, iterations: r.fitA.iterations + r.fitB.iterations };
  };
}
