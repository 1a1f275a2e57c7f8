/**
 * @hep/nplm benchmarks (issue #6): one NPLM toy (N_R = 2·10⁵, N_D ≈ 2·10³, 1-4-1, W = 9) in the fast
 * mode against the reference-mode Adam loop (timed here for a few epochs; the anchor extrapolates
 * the measured per-epoch time to 300 000 epochs), and one symmetrized toy (N_A = N_B = 2000).
 */
import { Rng } from '@hep/core';
import { nplmTest, sampleBackground, sampleBenchmarkData, symmetrizedTest } from '@hep/nplm';
import { defineSuite } from './harness.js';

const ADAM_EPOCHS_TIMED = 20;

export default defineSuite({
  name: 'nplm',
  description: 'NPLM and symmetrized test toys: fast exact optimiser vs reference Adam',
  cases: () => {
    const reference = sampleBackground(200_000, Rng.stream(1, 0));
    const data = sampleBenchmarkData(Rng.stream(1, 1), 2000);
    const a = sampleBenchmarkData(Rng.stream(1, 2), 2000);
    const b = sampleBenchmarkData(Rng.stream(1, 3), 2000);
    const options = { expectedReference: 2000, weightBound: 9 };
    const t0 = performance.now();
    nplmTest(data, reference, { ...options, mode: 'reference', epochs: ADAM_EPOCHS_TIMED });
    const perEpoch = (performance.now() - t0) / 1000 / ADAM_EPOCHS_TIMED;
    return [
      {
        name: 'NPLM toy, N_R=2e5, N_D≈2e3, 1-4-1 (fast) vs Adam 20 epochs',
        ours: { name: 'fast (projected Newton, 2 starts)', run: () => nplmTest(data, reference, options) },
        baseline: {
          name: `reference Adam, ${ADAM_EPOCHS_TIMED} epochs`,
          run: () => nplmTest(data, reference, { ...options, mode: 'reference', epochs: ADAM_EPOCHS_TIMED }),
        },
        anchors: [
          { name: 'reference Adam 300 000 epochs (extrapolated from 20 here)', seconds: perEpoch * 300_000 },
        ],
        minSeconds: 2,
        maxRepeats: 3,
      },
      {
        name: 'symmetrized toy, N_A=N_B=2000 (fast) vs Adam 200 epochs',
        ours: { name: 'fast', run: () => symmetrizedTest(a, b) },
        baseline: {
          name: 'reference Adam, 200 epochs',
          run: () => symmetrizedTest(a, b, { mode: 'reference', epochs: 200 }),
        },
        minSeconds: 2,
        maxRepeats: 3,
      },
    ];
  },
});
