/**
 * `pnpm bench nplm` (issue #6): the fast mode (trust-region Newton with the analytic Hessian,
 * calibrated L2 penalty; NPLM: 36 starts screened on a coarse merge, 6 polished) against the
 * reference-mode Adam loop measured here for a few epochs and extrapolated with `scale` to the reference epoch counts (300 000 for NPLM, 500 000 for the
 * symmetrized test); and a 300-toy symmetrized null on 2 worker threads against 30 toys on one
 * thread extrapolated ×10. Goals: NPLM toy ≤ 1 s, symmetrized toy ≤ 50 ms, 300-toy null < 30 s.
 * A further case times 20 different symmetrized toys (coarse-to-fine default vs a Glorot start on
 * the fine merge), since one toy's iteration count varies several-fold between toys; and the NPLM
 * start screening against fitting all starts on the full problem.
 */
import { Rng } from '@hep/core';
import {
  NPLM_COARSE_RESOLUTION,
  NPLM_FAST_STARTS,
  NPLM_POLISHED_STARTS,
  nplmTest,
  runToys,
  sampleBackground,
  sampleBenchmarkData,
  symmetrizedTest,
} from '@hep/nplm';
import { defineSuite } from './harness.js';

const NPLM_EPOCHS = 10;
const SYM_EPOCHS = 100;

export default defineSuite({
  name: 'nplm',
  description: 'NPLM and symmetrized toys: fast exact optimiser vs reference Adam; 300-toy null on 2 threads',
  cases: () => {
    const reference = sampleBackground(200_000, Rng.stream(1, 0));
    const data = sampleBenchmarkData(Rng.stream(1, 1), 2000);
    const a = sampleBenchmarkData(Rng.stream(1, 2), 2000);
    const b = sampleBenchmarkData(Rng.stream(1, 3), 2000);
    const options = { expectedReference: 2000, weightBound: 9 };
    // the single bench toy above can be a fast one: 20 further toys give the typical cost
    const toys = Array.from({ length: 20 }, (_, i) => [
      sampleBenchmarkData(Rng.stream(5, 2 * i), 2000),
      sampleBenchmarkData(Rng.stream(5, 2 * i + 1), 2000),
    ]) as [Float64Array, Float64Array][];
    return [
      {
        name: 'NPLM toy, N_R=2e5, N_D≈2e3, 1-4-1, W=9',
        ours: { name: 'fast (trust-region Newton)', run: () => nplmTest(data, reference, options) },
        baseline: {
          name: `reference Adam ${NPLM_EPOCHS} epochs ×${300_000 / NPLM_EPOCHS} (= 300 000 epochs)`,
          run: () => nplmTest(data, reference, { ...options, mode: 'reference', epochs: NPLM_EPOCHS }),
          scale: 300_000 / NPLM_EPOCHS,
        },
        minSeconds: 2,
        maxRepeats: 3,
      },
      {
        name: `NPLM toy, ${NPLM_FAST_STARTS} starts: screened on the ${NPLM_COARSE_RESOLUTION} merge, ${NPLM_POLISHED_STARTS} polished vs all on the full problem`,
        ours: { name: 'screened (default)', run: () => nplmTest(data, reference, options) },
        baseline: {
          name: `${NPLM_FAST_STARTS} starts on the 1e-3 merge (coarseResolution 0)`,
          run: () => nplmTest(data, reference, { ...options, coarseResolution: 0 }),
        },
        minSeconds: 1,
        maxRepeats: 1,
      },
      {
        name: 'symmetrized toy, N_A=N_B=2000, two 1-4-1 nets',
        ours: { name: 'fast (trust-region Newton)', run: () => symmetrizedTest(a, b) },
        baseline: {
          name: `reference Adam ${SYM_EPOCHS} epochs ×${500_000 / SYM_EPOCHS} (= 500 000 epochs)`,
          run: () => symmetrizedTest(a, b, { mode: 'reference', epochs: SYM_EPOCHS }),
          scale: 500_000 / SYM_EPOCHS,
        },
        minSeconds: 2,
        maxRepeats: 5,
      },
      {
        name: '20 different symmetrized toys (N_A, N_B ~ Poisson(2000)), one core',
        ours: {
          name: 'fast, coarse-to-fine (default)',
          run: () => toys.map(([p, q]) => symmetrizedTest(p, q)),
        },
        baseline: {
          name: 'fast, Glorot start on the 0.005 merge (coarseResolution 0)',
          run: () => toys.map(([p, q]) => symmetrizedTest(p, q, { coarseResolution: 0 })),
        },
        items: toys.length,
        minSeconds: 1,
        maxRepeats: 3,
      },
      {
        name: '300-toy symmetrized null (fast), 2 worker threads',
        ours: {
          name: '300 toys, 2 threads',
          run: () => runToys({ kind: 'symmetrized', seed: 3 }, { end: 300, threads: 2 }),
        },
        baseline: {
          name: '30 toys, 1 thread, ×10',
          run: () => runToys({ kind: 'symmetrized', seed: 3 }, { end: 30, threads: 1 }),
          scale: 10,
        },
        items: 300,
        minSeconds: 0,
        maxRepeats: 1,
      },
    ];
  },
});
