/**
 * `pnpm bench stats`: the batched φ* mixture fit (paper 001) against a generic per-dataset bounded
 * 1-D minimiser in the same process (golden-section search, the algorithm behind scipy's
 * minimize_scalar 'bounded' loop), and the binned KDE against the exact KDE.
 * Anchor: scipy, 10 000 fits of 100 events, 1.2 s per α on this machine (issue 5).
 */
import { Rng } from '@hep/core';
import {
  fitMixtureFractionBatch,
  GaussianKde,
  mixtureFractionNll,
  phiStarAlphaBounds,
  phiStarMixtureDatasets,
} from '@hep/stats';
import { defineSuite } from './harness.js';

const N_SETS = 10_000;

/** Golden-section minimisation of the NLL on [lo, hi] to 1e-8 (no derivatives). */
function goldenSection(f: (x: number) => number, lo: number, hi: number): number {
  const g = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = f(c);
  let fd = f(d);
  while (b - a > 1e-8) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = f(d);
    }
  }
  return 0.5 * (a + b);
}

export default defineSuite({
  name: 'stats',
  description: 'Mixture fits and KDE; ratio = baseline / ours (> 1: ours faster).',
  cases: () => {
    const { pA, pH, offsets } = phiStarMixtureDatasets(new Rng(1), 0.7, N_SETS, 100);
    const bounds = phiStarAlphaBounds();
    const rng = new Rng(2);
    const big = Float64Array.from({ length: 1_000_000 }, () => rng.normal());
    const kde = new GaussianKde(big);
    const points = Float64Array.from({ length: 1_000_000 }, (_, i) => -5 + (10 * i) / 1_000_000);
    const fewPoints = points.subarray(0, 100);
    return [
      {
        name: `${N_SETS} φ* mixture fits × 100 events`,
        items: N_SETS,
        ours: {
          name: 'fitMixtureFractionBatch (Newton)',
          run: () => fitMixtureFractionBatch(pA, pH, offsets, { bounds }),
        },
        baseline: {
          name: 'golden-section per dataset',
          run: () => {
            const out = new Float64Array(N_SETS);
            for (let j = 0; j < N_SETS; j++) {
              const s = offsets[j]!;
              const e = offsets[j + 1]!;
              out[j] = goldenSection((a) => mixtureFractionNll(pA, pH, a, s, e), bounds[0], bounds[1]);
            }
            return out;
          },
        },
        anchors: [{ name: 'scipy loop', seconds: 1.2 }],
      },
      {
        name: 'KDE of 1e6 points at 1e6 locations',
        items: 1_000_000,
        minSeconds: 0,
        maxRepeats: 3,
        ours: { name: 'pdfBinned (8192 nodes)', run: () => kde.pdfBinned(points) },
        baseline: {
          name: 'exact pdf, timed at 100 locations × 10⁴ (extrapolated)',
          run: () => kde.pdf(fewPoints),
          scale: 10_000,
        },
      },
    ];
  },
});
